import type { FormInstance } from 'antd';

import { ApiError } from '../../shared/api-error';

/** Fields whose whole list carries the error, whichever item of it the server names. */
const listFields = new Set([
  'photoIds',
  'partners',
  'staffIds',
  'participants',
  'settledTicketIds',
]);

/** The form path of a server field: `issues.1.photoIds.0` is the photos of the second issue. */
export function formPathOf(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const part of field.split('.')) {
    path.push(/^\d+$/.test(part) ? Number(part) : part);
    if (listFields.has(part)) {
      break;
    }
  }
  return path;
}

/**
 * Puts the server's per-field messages under the fields of a form with nested lists (the issues
 * found); returns the messages of fields the form does not have (its top-level names are
 * `fields`), for the alert above it.
 */
export function showNestedFieldErrors<T>(
  form: FormInstance<T>,
  fields: readonly string[],
  locale: string,
  failure: unknown,
): string[] {
  if (!(failure instanceof ApiError)) {
    return [];
  }
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: string[] = [];
  for (const issue of failure.details) {
    const text = locale === 'en' ? issue.messageEn || issue.message : issue.message;
    const name = formPathOf(issue.field);
    if (!fields.includes(String(name[0]))) {
      unplaced.push(text);
      continue;
    }
    const key = name.join('.');
    const entry = byPath.get(key) ?? { name, errors: [] };
    entry.errors.push(text);
    byPath.set(key, entry);
  }
  form.setFields([...byPath.values()].map((e) => ({ name: e.name as never, errors: e.errors })));
  return unplaced;
}
