import type { FieldIssue } from '../../contract/common.js';

/**
 * C0 control characters other than tab, line feed and carriage return. PostgreSQL cannot store
 * NUL in text at all, and none of them belongs in what a person types, so they are refused
 * before validation on both databases alike.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function walk(value: unknown, path: string, depth: number): string | null {
  if (typeof value === 'string') {
    return forbidden.test(value) ? path : null;
  }
  if (depth > 32 || value === null || typeof value !== 'object') {
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    const found = forbidden.test(key)
      ? path || key
      : walk(inner, path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) {
      return found;
    }
  }
  return null;
}

/** The first field (dotted path) holding a control character, as a bilingual issue, or null. */
export function controlCharacterIssue(value: unknown, prefix = ''): FieldIssue | null {
  const found = walk(value, prefix, 0);
  if (found === null) {
    return null;
  }
  return {
    field: found || '(body)',
    message: '含有不可见的控制字符',
    messageEn: 'contains a control character',
  };
}
