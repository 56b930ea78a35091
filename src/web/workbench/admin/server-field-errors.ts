import type { FormInstance } from 'antd';

import { ApiError } from '../../shared/api-error';

/**
 * Puts the server's per-field messages under the form's fields of those names; returns true
 * when something is left that names no field (a conflict, the network), for an alert on top.
 */
export function showServerFieldErrors<T>(
  form: FormInstance<T>,
  fields: readonly string[],
  locale: string,
  failure: unknown,
): boolean {
  const details = failure instanceof ApiError ? failure.details : [];
  const known = details.filter((d) => fields.includes(d.field));
  form.setFields(
    known.map((d) => ({
      name: d.field as never,
      errors: [locale === 'en' ? d.messageEn || d.message : d.message],
    })),
  );
  return known.length === 0 || known.length < details.length;
}
