import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Bucket } from './buckets.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Instants [from, to) of created_at and optionally one street. */
export interface TicketRange {
  from: string;
  to: string;
  streetId: string | null;
}

/** The statuses of a ticket still waiting for its result, as the inbox's overdue filter. */
const waitingStatuses = ['submitted', 'accepted', 'contacted', 'returned'];

/**
 * Tickets received (by created_at) or resolved (by resolved_at) per bucket: one range count per
 * bucket, joined by UNION ALL, each an index range scan. The bucket boundaries are computed in
 * code, so SQLite and PostgreSQL count the same Shanghai days without date functions of their own.
 */
export async function countPerBucket(
  db: Executor,
  column: 'created_at' | 'resolved_at',
  buckets: Bucket[],
  streetId: string | null,
): Promise<number[]> {
  const parts = buckets.map((b, i) =>
    db
      .selectFrom('tickets')
      .select([sql.lit(i).as('bucket'), (eb) => eb.fn.countAll().as('n')])
      .where(column, '>=', b.from)
      .where(column, '<', b.to)
      .$if(column === 'created_at', (q) => q.where('status', '<>', 'merged'))
      .$if(streetId !== null, (q) => q.where('street_id', '=', streetId ?? '-')),
  );
  const [first, ...rest] = parts;
  if (!first) {
    return [];
  }
  const rows = await rest.reduce((q, part) => q.unionAll(part), first).execute();
  const counts = buckets.map(() => 0);
  for (const r of rows) {
    counts[r.bucket] = Number(r.n);
  }
  return counts;
}

const onTime = sql<number>`sum(case when resolved_at is not null and resolved_at <= resolve_due_at then 1 else 0 end)`;
const resolved = sql<number>`sum(case when resolved_at is not null then 1 else 0 end)`;

/** The tickets received in a range, counted per building or per matter with their results. */
export function countsBy(db: Executor, key: 'building_id' | 'matter_code', range: TicketRange) {
  return db
    .selectFrom('tickets')
    .select([
      sql.ref<string | null>(key).as('key'),
      (eb) => eb.fn.countAll().as('received'),
      resolved.as('resolved'),
      onTime.as('on_time'),
    ])
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .where('status', '<>', 'merged')
    .$if(range.streetId !== null, (q) => q.where('street_id', '=', range.streetId ?? '-'))
    .groupBy(sql.ref(key))
    .execute();
}

/** Every building of a street (or of all) with its community and street, to name the counts. */
export function listBuildingPlaces(db: Executor, streetId: string | null) {
  return db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('streets', 'streets.id', 'communities.street_id')
    .select([
      'buildings.id as building_id',
      'communities.id as community_id',
      'communities.name as community_name',
      'streets.id as street_id',
      'streets.name as street_name',
    ])
    .$if(streetId !== null, (q) => q.where('communities.street_id', '=', streetId ?? '-'))
    .execute();
}

/** The buildings of a community. */
export async function communityBuildingIds(db: Executor, communityId: string) {
  const rows = await db
    .selectFrom('buildings')
    .select('id')
    .where('community_id', '=', communityId)
    .execute();
  return rows.map((r) => r.id);
}

/** The street of a community, or undefined when there is no such community. */
export async function communityStreet(db: Executor, communityId: string) {
  const row = await db
    .selectFrom('communities')
    .select('street_id')
    .where('id', '=', communityId)
    .executeTakeFirst();
  return row?.street_id;
}

/** Names of matters. */
export function listMatterNames(db: Executor) {
  return db.selectFrom('matters').select(['code', 'name']).execute();
}

/** Tickets received in a range counted by both verdicts together, split in code. */
export function countVerdicts(db: Executor, range: TicketRange) {
  return db
    .selectFrom('tickets')
    .select([
      'rating',
      'citizen_solved',
      'outcome',
      'handler_assessment',
      (eb) => eb.fn.countAll().as('n'),
    ])
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .where('status', '<>', 'merged')
    .$if(range.streetId !== null, (q) => q.where('street_id', '=', range.streetId ?? '-'))
    .groupBy(['rating', 'citizen_solved', 'outcome', 'handler_assessment'])
    .execute();
}

/**
 * The waiting tickets past a deadline now, as the inbox's overdue filter, in two disjoint parts so
 * that each is a range of one (status, deadline) index on both engines: 'resolve', past the
 * resolve deadline; 'supervision', past the supervision (督办) deadline but not the resolve one.
 */
function overdueQuery(
  db: Executor,
  part: 'resolve' | 'supervision',
  now: string,
  streetId: string | null,
) {
  const q = db
    .selectFrom('tickets')
    .where('tickets.status', 'in', waitingStatuses)
    .where('tickets.in_case_at', 'is', null)
    .$if(streetId !== null, (b) => b.where('tickets.street_id', '=', streetId ?? '-'));
  return part === 'resolve'
    ? q.where('tickets.resolve_due_at', '<', now)
    : q.where('tickets.supervision_due_at', '<', now).where('tickets.resolve_due_at', '>=', now);
}

/** Overdue waiting tickets counted per street, one part of the two at a time. */
export function countOverdueByStreet(
  db: Executor,
  part: 'resolve' | 'supervision',
  now: string,
  streetId: string | null,
) {
  return overdueQuery(db, part, now, streetId)
    .select(['tickets.street_id', (eb) => eb.fn.countAll().as('n')])
    .groupBy('tickets.street_id')
    .execute();
}

/** The longest overdue waiting tickets of one part, with their building. */
export function listOverdue(
  db: Executor,
  part: 'resolve' | 'supervision',
  now: string,
  streetId: string | null,
  limit: number,
) {
  const due = part === 'resolve' ? 'tickets.resolve_due_at' : 'tickets.supervision_due_at';
  return overdueQuery(db, part, now, streetId)
    .innerJoin('buildings', 'buildings.id', 'tickets.building_id')
    .select([
      'tickets.id',
      'tickets.tracking_code',
      'tickets.status',
      'tickets.street_id',
      'tickets.matter_code',
      'tickets.resolve_due_at',
      'tickets.supervision_due_at',
      'buildings.name as building_name',
    ])
    .orderBy(due)
    .orderBy('tickets.id')
    .limit(limit)
    .execute();
}

/** Street names by id. */
export function listStreets(db: Executor) {
  return db.selectFrom('streets').select(['id', 'name']).orderBy('sort').orderBy('name').execute();
}

/** What picks the tickets behind a bar; an absent field does not filter. */
export interface RecordFilter {
  buildingIds?: string[];
  matterCode?: string | null;
  rating?: string;
  outcome?: string;
}

/** The tickets behind a bar: in a range, of some buildings or of one matter, newest first. */
export async function listRecords(
  db: Executor,
  range: TicketRange,
  filter: RecordFilter,
  limit: number,
) {
  const base = db
    .selectFrom('tickets')
    .where('tickets.created_at', '>=', range.from)
    .where('tickets.created_at', '<', range.to)
    .where('tickets.status', '<>', 'merged')
    .$if(range.streetId !== null, (q) => q.where('tickets.street_id', '=', range.streetId ?? '-'))
    .$if(filter.buildingIds !== undefined, (q) =>
      q.where('tickets.building_id', 'in', filter.buildingIds?.length ? filter.buildingIds : ['-']),
    )
    .$if(filter.matterCode !== undefined, (q) =>
      filter.matterCode === null
        ? q.where('tickets.matter_code', 'is', null)
        : q.where('tickets.matter_code', '=', filter.matterCode ?? '-'),
    )
    .$if(filter.rating !== undefined, (q) =>
      filter.rating === 'unrated'
        ? q.where('tickets.rating', 'is', null).where('tickets.outcome', 'is not', null)
        : q.where('tickets.rating', '=', filter.rating ?? '-'),
    )
    .$if(filter.outcome !== undefined, (q) =>
      q.where('tickets.outcome', '=', filter.outcome ?? '-'),
    );
  const rows = await base
    .innerJoin('buildings', 'buildings.id', 'tickets.building_id')
    .select([
      'tickets.id',
      'tickets.tracking_code',
      'tickets.status',
      'tickets.matter_code',
      'tickets.created_at',
      'tickets.resolved_at',
      'buildings.name as building_name',
    ])
    .orderBy('tickets.created_at', 'desc')
    .orderBy('tickets.id')
    .limit(limit)
    .execute();
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}
