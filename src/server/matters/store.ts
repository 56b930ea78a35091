// SQL of the matter catalogue: the matters, their search, and their revisions.
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Database, MatterRevisionTable, MatterTable } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Which matters a list holds: the active ones only (the public) or all (the workbench). */
export interface MatterFilter {
  /** A LIKE pattern over the folded search column (search-text.ts), or null for all. */
  pattern: string | null;
  activeOnly: boolean;
}

/** The matters of the filter in catalogue order. */
export function listMatters(ex: Executor, filter: MatterFilter): Promise<MatterTable[]> {
  let query = ex.selectFrom('matters').selectAll();
  if (filter.activeOnly) {
    query = query.where('active', '=', 1);
  }
  if (filter.pattern !== null) {
    // The pattern is a bound parameter with its wildcards escaped by `\` (likePatternOf).
    query = query.where(sql<SqlBool>`search_text like ${filter.pattern} escape '\\'`);
  }
  return query.orderBy('sort').orderBy('code').execute();
}

/** One matter, retired or not. */
export function findMatter(ex: Executor, code: string): Promise<MatterTable | undefined> {
  return ex.selectFrom('matters').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Inserts a new matter. */
export async function insertMatter(ex: Executor, row: MatterTable): Promise<void> {
  await ex.insertInto('matters').values(row).execute();
}

/** Writes every field of a matter but its code. */
export async function updateMatter(ex: Executor, row: MatterTable): Promise<void> {
  const { code, ...fields } = row;
  await ex.updateTable('matters').set(fields).where('code', '=', code).execute();
}

/** The largest sort number in use, 0 for an empty catalogue. */
export async function maxSort(ex: Executor): Promise<number> {
  const row = await ex
    .selectFrom('matters')
    .select((eb) => eb.fn.max('sort').as('top'))
    .executeTakeFirst();
  return row?.top ?? 0;
}

/** The latest revision number of each of these matters. */
export async function latestRevisions(
  ex: Executor,
  codes: readonly string[],
): Promise<Map<string, number>> {
  if (codes.length === 0) {
    return new Map();
  }
  const rows = await ex
    .selectFrom('matter_revisions')
    .select(['matter_code', (eb) => eb.fn.max('revision').as('top')])
    .where('matter_code', 'in', codes)
    .groupBy('matter_code')
    .execute();
  return new Map(rows.map((r) => [r.matter_code, r.top]));
}

/** Appends a revision. */
export async function insertRevision(ex: Executor, row: MatterRevisionTable): Promise<void> {
  await ex.insertInto('matter_revisions').values(row).execute();
}

/** Every revision of a matter, oldest first, with the name of who made it. */
export function listRevisions(ex: Executor, code: string) {
  return ex
    .selectFrom('matter_revisions')
    .leftJoin('staff', 'staff.id', 'matter_revisions.staff_id')
    .select([
      'matter_revisions.revision',
      'matter_revisions.action',
      'matter_revisions.snapshot',
      'matter_revisions.staff_id',
      'matter_revisions.reason',
      'matter_revisions.created_at',
      'staff.name as staff_name',
    ])
    .where('matter_revisions.matter_code', '=', code)
    .orderBy('matter_revisions.revision')
    .execute();
}
