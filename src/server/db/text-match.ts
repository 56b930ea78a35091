// Substring search that answers the same on SQLite and PostgreSQL (docs/database.md).
import { sql, type Expression, type SqlBool } from 'kysely';

/** A LIKE pattern that finds `text` anywhere, its `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `value` contains `text`: both sides lowered, because SQLite's LIKE ignores ASCII case and
 * PostgreSQL's does not; the user's wildcards escaped; the pattern a bound parameter.
 */
export function containsText(value: Expression<unknown>, text: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${value}) like lower(${containsPattern(text)}) escape '\\'`;
}
