import {
  OVERDUE_LIST_MAX,
  RECORDS_MAX,
  type ByCommunity,
  type ByMatter,
  type DashboardStreets,
  type Overdue,
  type RangeQuery,
  type Ratings,
  type Records,
  type RecordsQuery,
  type Trend,
  type TrendQuery,
} from '../../contract/dashboard.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { bucketsOf, rangeInstants } from './buckets.js';
import { presentRatings, type Counted } from './present.js';
import * as store from './store.js';

/** What the dashboards read: the database and the clock. */
export type DashboardContext = Pick<AppContext, 'db' | 'now'>;

/** The street a request counts: a street admin's own, else the one asked for, else all. */
function streetScope(actor: StaffActor, asked: string | undefined): string | null {
  if (actor.role === 'street_admin') {
    return actor.streetId ?? '-';
  }
  return asked ?? null;
}

function rangeOf(actor: StaffActor, query: RangeQuery): store.TicketRange {
  return { ...rangeInstants(query.from, query.to), streetId: streetScope(actor, query.streetId) };
}

function counts(row: { received: unknown; resolved: unknown; on_time: unknown }) {
  return {
    received: Number(row.received),
    resolved: Number(row.resolved ?? 0),
    onTime: Number(row.on_time ?? 0),
  };
}

/** Tickets received and resolved per Shanghai week or month of a range. */
export async function trend(
  ctx: DashboardContext,
  actor: StaffActor,
  query: TrendQuery,
): Promise<Trend> {
  const range = rangeOf(actor, query);
  const buckets = bucketsOf(query.from, query.to, query.granularity);
  const received = await store.countPerBucket(ctx.db, 'created_at', buckets, range.streetId);
  const resolved = await store.countPerBucket(ctx.db, 'resolved_at', buckets, range.streetId);
  return {
    granularity: query.granularity,
    buckets: buckets.map((b, i) => ({
      ...b,
      received: received[i] ?? 0,
      resolved: resolved[i] ?? 0,
    })),
  };
}

/** Tickets received in a range per community, with how many were resolved and on time. */
export async function byCommunity(
  ctx: DashboardContext,
  actor: StaffActor,
  query: RangeQuery,
): Promise<ByCommunity> {
  const range = rangeOf(actor, query);
  const rows = await store.countsBy(ctx.db, 'building_id', range);
  const places = await store.listBuildingPlaces(ctx.db, range.streetId);
  const placeOf = new Map(places.map((p) => [p.building_id, p]));
  const byId = new Map<string, ByCommunity['items'][number]>();
  for (const row of rows) {
    const place = placeOf.get(row.key ?? '-');
    if (!place) {
      continue;
    }
    const c = counts(row);
    const item = byId.get(place.community_id) ?? {
      communityId: place.community_id,
      communityName: place.community_name,
      streetId: place.street_id,
      streetName: place.street_name,
      received: 0,
      resolved: 0,
      onTime: 0,
    };
    item.received += c.received;
    item.resolved += c.resolved;
    item.onTime += c.onTime;
    byId.set(place.community_id, item);
  }
  const items = [...byId.values()].sort(
    (a, b) => b.received - a.received || a.communityName.localeCompare(b.communityName),
  );
  return { items };
}

/** Tickets received in a range per matter, with how many were resolved and on time. */
export async function byMatter(
  ctx: DashboardContext,
  actor: StaffActor,
  query: RangeQuery,
): Promise<ByMatter> {
  const rows = await store.countsBy(ctx.db, 'matter_code', rangeOf(actor, query));
  const names = new Map((await store.listMatterNames(ctx.db)).map((m) => [m.code, m.name]));
  const items = rows
    .map((r) => ({
      matterCode: r.key,
      matterName: r.key === null ? null : (names.get(r.key) ?? r.key),
      ...counts(r),
    }))
    .sort(
      (a, b) => b.received - a.received || (a.matterCode ?? '').localeCompare(b.matterCode ?? ''),
    );
  return { items };
}

/** The resident's verdicts and the handler's of the tickets received in a range, apart. */
export async function ratings(
  ctx: DashboardContext,
  actor: StaffActor,
  query: RangeQuery,
): Promise<Ratings> {
  const rows = await store.countVerdicts(ctx.db, rangeOf(actor, query));
  return presentRatings(rows.map((r): Counted => ({ ...r, n: Number(r.n) })));
}

/** The deadline a waiting ticket missed first: supervision when it falls before the resolve one. */
function dueOf(r: { resolve_due_at: string; supervision_due_at: string | null }): string {
  return r.supervision_due_at !== null && r.supervision_due_at < r.resolve_due_at
    ? r.supervision_due_at
    : r.resolve_due_at;
}

/** The waiting tickets past their resolve or supervision deadline now, counted per street. */
export async function overdue(
  ctx: DashboardContext,
  actor: StaffActor,
  streetId: string | undefined,
): Promise<Overdue> {
  const scope = streetScope(actor, streetId);
  const now = ctx.now().toISOString();
  const parts = ['resolve', 'supervision'] as const;
  const counted = new Map<string, number>();
  const rows = [];
  for (const part of parts) {
    for (const c of await store.countOverdueByStreet(ctx.db, part, now, scope)) {
      counted.set(c.street_id, (counted.get(c.street_id) ?? 0) + Number(c.n));
    }
    rows.push(...(await store.listOverdue(ctx.db, part, now, scope, OVERDUE_LIST_MAX)));
  }
  const names = new Map((await store.listStreets(ctx.db)).map((s) => [s.id, s.name]));
  const byStreet = [...counted.entries()]
    .map(([id, count]) => ({ streetId: id, streetName: names.get(id) ?? '', count }))
    .sort((a, b) => b.count - a.count);
  const items = rows
    .map((r) => ({ ...r, due: dueOf(r) }))
    .sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id))
    .slice(0, OVERDUE_LIST_MAX);
  return {
    total: byStreet.reduce((sum, s) => sum + s.count, 0),
    byStreet,
    items: items.map((r) => ({
      id: r.id,
      trackingCode: r.tracking_code,
      status: r.status as Overdue['items'][number]['status'],
      streetName: names.get(r.street_id) ?? '',
      buildingName: r.building_name,
      matterCode: r.matter_code,
      dueAt: r.due,
    })),
  };
}

/** The tickets behind a bar of the community or matter chart, newest first. */
export async function records(
  ctx: DashboardContext,
  actor: StaffActor,
  query: RecordsQuery,
): Promise<Records> {
  const range = rangeOf(actor, query);
  const filter: store.RecordFilter = { rating: query.rating, outcome: query.outcome };
  if (query.communityId !== undefined) {
    const street = await store.communityStreet(ctx.db, query.communityId);
    if (street === undefined || (range.streetId !== null && street !== range.streetId)) {
      throw new AppError('not_found');
    }
    filter.buildingIds = await store.communityBuildingIds(ctx.db, query.communityId);
  }
  if (query.matterCode !== undefined) {
    filter.matterCode = query.matterCode === 'none' ? null : query.matterCode;
  }
  const { rows, total } = await store.listRecords(ctx.db, range, filter, RECORDS_MAX);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      trackingCode: r.tracking_code,
      status: r.status as Records['items'][number]['status'],
      buildingName: r.building_name,
      matterCode: r.matter_code,
      createdAt: r.created_at,
      resolvedAt: r.resolved_at,
    })),
  };
}

/** The streets the officer may pick on the dashboard: every street, or a street admin's own. */
export async function streets(ctx: DashboardContext, actor: StaffActor): Promise<DashboardStreets> {
  const all = await store.listStreets(ctx.db);
  const own = actor.role === 'street_admin' ? all.filter((s) => s.id === actor.streetId) : all;
  return { items: own.map((s) => ({ id: s.id, name: s.name })) };
}
