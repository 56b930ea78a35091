import type { I18n } from '../i18n/i18n-context';
import { ApiError } from './api-error';

/** The translated sentence for any thrown value; unknown codes fall back to a generic one. */
export function errorText(i18n: Pick<I18n, 't' | 'has'>, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'internal_error';
  const key = `error.${code}`;
  return i18n.has(key) ? i18n.t(key) : i18n.t('error.unknown');
}

/** The per-field messages of a validation error, in the chosen language, keyed by top field. */
export function fieldErrors(locale: string, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) {
    return {};
  }
  const byField: Record<string, string> = {};
  for (const issue of error.details) {
    // `photoIds.3` and `photoIds[3]` both belong to the photoIds field.
    const field = issue.field.split(/[.[]/)[0] ?? issue.field;
    const message = locale === 'en' ? issue.messageEn || issue.message : issue.message;
    byField[field] = byField[field] ? `${byField[field]} ${message}` : message;
  }
  return byField;
}
