import type { FormInstance } from 'antd';

import { ApiError } from '../../shared/api-error';

/** A server field name (`parties.1.phone`) as an antd name path (`['parties', 1, 'phone']`). */
export function namePathOf(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts each of the server's field messages under the form field it names, nested lists
 * included; a field the form does not show is still listed by the error box above it.
 */
export function showNestedFieldErrors<T>(
  form: FormInstance<T>,
  locale: string,
  failure: unknown,
): void {
  if (!(failure instanceof ApiError)) {
    return;
  }
  form.setFields(
    failure.details.map((issue) => ({
      name: namePathOf(issue.field) as never,
      errors: [locale === 'en' ? issue.messageEn || issue.message : issue.message],
    })),
  );
}
