import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type SqlBool,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { Database, QaEntryTable } from '../db/schema.js';
import { containsText } from '../db/text-match.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Inserts a Q&A entry. */
export async function insertEntry(db: Executor, row: Insertable<QaEntryTable>): Promise<void> {
  await db.insertInto('qa_entries').values(row).execute();
}

/** Changes an entry. */
export async function updateEntry(
  db: Executor,
  id: string,
  changes: Updateable<QaEntryTable>,
): Promise<void> {
  await db.updateTable('qa_entries').set(changes).where('id', '=', id).execute();
}

function entryWithNames(db: Executor) {
  return db
    .selectFrom('qa_entries')
    .leftJoin('matters', 'matters.code', 'qa_entries.matter_code')
    .leftJoin('staff', 'staff.id', 'qa_entries.published_by')
    .leftJoin('tickets', 'tickets.id', 'qa_entries.source_ticket_id')
    .selectAll('qa_entries')
    .select([
      'matters.name as matter_name',
      'matters.name_en as matter_name_en',
      'staff.name as publisher_name',
      'tickets.tracking_code as ticket_code',
    ]);
}

/** One entry with its matter's names, its publisher and its ticket's code. */
export type QaRecord = NonNullable<Awaited<ReturnType<typeof findEntry>>>;

/** An entry by id. */
export function findEntry(db: Executor, id: string) {
  return entryWithNames(db).where('qa_entries.id', '=', id).executeTakeFirst();
}

/** The entry made from a ticket, if any. */
export function findEntryOfTicket(db: Executor, ticketId: string) {
  return entryWithNames(db).where('qa_entries.source_ticket_id', '=', ticketId).executeTakeFirst();
}

/** What a list narrows to; a null field does not narrow it. */
export interface EntryFilter {
  status: 'published' | 'unpublished' | null;
  text: string | null;
  matterCode: string | null;
}

function conditions(eb: ExpressionBuilder<Database, 'qa_entries'>, filter: EntryFilter) {
  const all: Expression<SqlBool>[] = [];
  if (filter.status) {
    all.push(eb('qa_entries.status', '=', filter.status));
  }
  if (filter.matterCode) {
    all.push(eb('qa_entries.matter_code', '=', filter.matterCode));
  }
  if (filter.text) {
    all.push(
      eb.or([
        containsText(eb.ref('qa_entries.question'), filter.text),
        containsText(eb.ref('qa_entries.answer'), filter.text),
      ]),
    );
  }
  return eb.and(all);
}

/** One page of entries, latest published first, with the total. */
export async function listEntries(
  db: Executor,
  filter: EntryFilter,
  page: { limit: number; offset: number },
) {
  const rows = await entryWithNames(db)
    .where((eb) => conditions(eb, filter))
    .orderBy('qa_entries.published_at', 'desc')
    .orderBy('qa_entries.created_at', 'desc')
    .orderBy('qa_entries.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await db
    .selectFrom('qa_entries')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => conditions(eb, filter))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** The matters with published entries, with how many each has. */
export async function listPublishedMatters(db: Executor) {
  const rows = await db
    .selectFrom('qa_entries')
    .innerJoin('matters', 'matters.code', 'qa_entries.matter_code')
    .select(['matters.code', 'matters.name', 'matters.name_en', (eb) => eb.fn.countAll().as('n')])
    .where('qa_entries.status', '=', 'published')
    .groupBy(['matters.code', 'matters.name', 'matters.name_en'])
    .orderBy('matters.code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en, count: Number(r.n) }));
}

/**
 * What a ticket's text must be cleaned of: the reporter's encrypted name and the building's name
 * and address (read here, as the notifications feature reads a reporter's phone, never returned).
 */
export function findPersonalContext(db: Executor, ticketId: string) {
  return db
    .selectFrom('tickets')
    .innerJoin('buildings', 'buildings.id', 'tickets.building_id')
    .leftJoin('ticket_reporters', 'ticket_reporters.ticket_id', 'tickets.id')
    .select(['ticket_reporters.name_enc', 'buildings.name', 'buildings.address'])
    .where('tickets.id', '=', ticketId)
    .executeTakeFirst();
}
