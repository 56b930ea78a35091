import type { FormInstance } from 'antd';

import { ApiError } from '../../shared/api-error';
import { fieldErrors } from '../../shared/error-text';

/** Puts the server's per-field messages under the form fields they name. */
export function showFieldErrors<T>(form: FormInstance<T>, locale: string, failure: unknown): void {
  if (!(failure instanceof ApiError)) {
    return;
  }
  const byField = fieldErrors(locale, failure);
  // The server names fields as the request body does, which is how these forms name them.
  form.setFields(
    Object.entries(byField).map(([name, text]) => ({ name: name as never, errors: [text] })),
  );
}
