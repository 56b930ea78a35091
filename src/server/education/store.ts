import { type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type {
  Database,
  EducationEventTable,
  EducationItemTable,
  EducationMediaTable,
} from '../db/schema.js';
import { containsText } from '../db/text-match.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Whose items or events a staff list shows: one author's, a street's, or all. */
export type StaffScope = { authorId: string } | { streetId: string } | { all: true };

/** A page of a list. */
export interface PageWindow {
  limit: number;
  offset: number;
}

/** Inserts an item. */
export async function insertItem(db: Executor, row: Insertable<EducationItemTable>) {
  await db.insertInto('education_items').values(row).execute();
}

/** Changes an item only while it has the status read; false means another change won. */
export async function updateItemIf(
  db: Executor,
  id: string,
  expectedStatus: EducationItemTable['status'],
  changes: Updateable<EducationItemTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('education_items')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', expectedStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const itemColumns = [
  'education_items.id',
  'education_items.kind',
  'education_items.title',
  'education_items.summary',
  'education_items.body',
  'education_items.topic',
  'education_items.matter_code',
  'education_items.street_id',
  'education_items.status',
  'education_items.author_id',
  'education_items.reviewer_id',
  'education_items.submitted_at',
  'education_items.reviewed_at',
  'education_items.published_at',
  'education_items.return_reason',
  'education_items.case_facts',
  'education_items.case_handling',
  'education_items.case_legal_basis',
  'education_items.view_count',
  'education_items.created_at',
  'education_items.updated_at',
] as const;

function itemQuery(db: Executor) {
  return db
    .selectFrom('education_items')
    .innerJoin('staff as author', 'author.id', 'education_items.author_id')
    .leftJoin('staff as reviewer', 'reviewer.id', 'education_items.reviewer_id')
    .leftJoin('matters', 'matters.code', 'education_items.matter_code')
    .select(itemColumns)
    .select([
      'author.name as author_name',
      'author.badge_no as author_badge',
      'reviewer.name as reviewer_name',
      'reviewer.badge_no as reviewer_badge',
      'matters.name as matter_name',
    ]);
}

/** One item with its author's, reviewer's and matter's names. */
export function findItem(db: Executor, id: string) {
  return itemQuery(db).where('education_items.id', '=', id).executeTakeFirst();
}

/** An item row as the store reads it. */
export type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;

/** One page of the items a staff member may see, most recently changed first. */
export async function listStaffItems(
  db: Executor,
  scope: StaffScope,
  status: EducationItemTable['status'] | undefined,
  page: PageWindow,
) {
  let query = itemQuery(db);
  if ('authorId' in scope) {
    query = query.where('education_items.author_id', '=', scope.authorId);
  } else if ('streetId' in scope) {
    query = query.where('education_items.street_id', '=', scope.streetId);
  }
  if (status) {
    query = query.where('education_items.status', '=', status);
  }
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('education_items.updated_at', 'desc')
    .orderBy('education_items.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Filters of the public list. */
export interface PublicFilter {
  topic?: string;
  kind?: string;
  /** Words looked for in the title and summary. */
  q?: string;
}

/** One page of published items, newest first. */
export async function listPublishedItems(db: Executor, filter: PublicFilter, page: PageWindow) {
  let query = db.selectFrom('education_items').where('status', '=', 'published');
  if (filter.topic) {
    query = query.where('topic', '=', filter.topic);
  }
  if (filter.kind) {
    query = query.where('kind', '=', filter.kind as EducationItemTable['kind']);
  }
  if (filter.q) {
    const text = filter.q;
    query = query.where((eb) =>
      eb.or([containsText(eb.ref('title'), text), containsText(eb.ref('summary'), text)]),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['id', 'kind', 'title', 'summary', 'topic', 'published_at', 'view_count'])
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Adds one view to a published item and returns the new count; null when it is not published. */
export async function addView(db: Executor, id: string): Promise<number | null> {
  const rows = await db
    .updateTable('education_items')
    .set((eb) => ({ view_count: eb('view_count', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'published')
    .returning('view_count')
    .execute();
  return rows[0]?.view_count ?? null;
}

/** Records an uploaded picture or video, not yet attached to anything. */
export async function insertMedia(db: Executor, row: Insertable<EducationMediaTable>) {
  await db.insertInto('education_media').values(row).execute();
}

/** One media row. */
export function findMedia(db: Executor, id: string) {
  return db.selectFrom('education_media').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The media rows among these ids. */
export function findMediaByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) {
    return Promise.resolve([]);
  }
  return db.selectFrom('education_media').selectAll().where('id', 'in', ids).execute();
}

/** The media of an item or event, in order. */
export function listOwnerMedia(db: Executor, ownerType: 'item' | 'event', ownerId: string) {
  return db
    .selectFrom('education_media')
    .selectAll()
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

/** Loosens every media row of an owner, so the owner's new list can claim them again. */
export async function releaseOwnerMedia(
  db: Executor,
  ownerType: 'item' | 'event',
  ownerId: string,
) {
  await db
    .updateTable('education_media')
    .set({ owner_type: null, owner_id: null, role: null, caption: null, sort: 0 })
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .execute();
}

/** One media row as an owner uses it. */
export interface MediaUse {
  id: string;
  role: NonNullable<EducationMediaTable['role']>;
  caption: string | null;
}

/** Attaches media to an owner in the order given. */
export async function claimMedia(
  db: Executor,
  ownerType: 'item' | 'event',
  ownerId: string,
  uses: readonly MediaUse[],
): Promise<void> {
  for (const [sort, use] of uses.entries()) {
    await db
      .updateTable('education_media')
      .set({ owner_type: ownerType, owner_id: ownerId, role: use.role, caption: use.caption, sort })
      .where('id', '=', use.id)
      .execute();
  }
}

/** Inserts an event. */
export async function insertEvent(db: Executor, row: Insertable<EducationEventTable>) {
  await db.insertInto('education_events').values(row).execute();
}

/** Changes an event. */
export async function updateEvent(
  db: Executor,
  id: string,
  changes: Updateable<EducationEventTable>,
): Promise<void> {
  await db.updateTable('education_events').set(changes).where('id', '=', id).execute();
}

function eventQuery(db: Executor) {
  return db
    .selectFrom('education_events')
    .innerJoin('staff', 'staff.id', 'education_events.created_by')
    .leftJoin('streets', 'streets.id', 'education_events.street_id')
    .leftJoin('communities', 'communities.id', 'education_events.community_id')
    .selectAll('education_events')
    .select([
      'staff.name as creator_name',
      'staff.badge_no as creator_badge',
      'streets.name as street_name',
      'communities.name as community_name',
    ]);
}

/** One event with the names of its street, community and creator. */
export function findEvent(db: Executor, id: string) {
  return eventQuery(db).where('education_events.id', '=', id).executeTakeFirst();
}

/** An event row as the store reads it. */
export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

/** One page of events, latest date first: published ones only, or those of a staff scope. */
export async function listEvents(
  db: Executor,
  scope: StaffScope | { published: true },
  page: PageWindow,
) {
  let query = eventQuery(db);
  if ('published' in scope) {
    query = query.where('education_events.published', '=', 1);
  } else if ('authorId' in scope) {
    query = query.where('education_events.created_by', '=', scope.authorId);
  } else if ('streetId' in scope) {
    query = query.where('education_events.street_id', '=', scope.streetId);
  }
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('education_events.event_date', 'desc')
    .orderBy('education_events.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total.n) };
}
