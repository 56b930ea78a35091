// The catalogue search gives the same answers on SQLite and PostgreSQL: the searched text and the
// query are normalised here, in code, the same way (NFKC, then lower case), so the database only
// compares already-folded strings. SQLite's LIKE folds ASCII case and PostgreSQL's does not, and
// their lower() differ beyond ASCII; neither matters when both sides are folded before.

/** The fields a resident's search looks in. */
export interface SearchedFields {
  code: string;
  name: string;
  name_en: string;
  prohibition_basis: string;
  penalty_basis: string;
  education: string;
}

/** Full-width letters and digits become ASCII (NFKC), then everything is lower case. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The stored search column of a matter: its searched fields folded, one per line. */
export function searchTextOf(m: SearchedFields): string {
  return [m.code, m.name, m.name_en, m.prohibition_basis, m.penalty_basis, m.education]
    .map(foldText)
    .join('\n');
}

/**
 * The LIKE pattern of a query: folded, trimmed, with the wildcards `%` and `_` and the escape
 * character `\` escaped, so that `10%` finds the text "10%" and nothing else. Null for a blank
 * query, which lists everything.
 */
export function likePatternOf(query: string | undefined): string | null {
  const folded = foldText(query ?? '').trim();
  if (folded === '') {
    return null;
  }
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
