import type { FormInstance } from 'antd';

import { ApiError } from '../../shared/api-error';

/**
 * Puts the server's per-field messages under the case form's fields. The server names nested
 * fields with dots (`party.idNumber`), which are the form's name paths.
 */
export function showCaseFieldErrors<T>(form: FormInstance<T>, locale: string, failure: unknown) {
  if (!(failure instanceof ApiError)) {
    return;
  }
  form.setFields(
    failure.details.map((issue) => ({
      name: issue.field.split('.') as never,
      errors: [locale === 'en' ? issue.messageEn || issue.message : issue.message],
    })),
  );
}
