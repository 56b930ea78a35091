// The SQL of the workbench's ticket lists: the inbox with its filters and the staff search.
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  type Transaction,
} from 'kysely';
import { openStatuses } from '../../domain/ticket-machine.js';
import type { Database, TicketTable } from '../db/schema.js';
import { containsText } from '../db/text-match.js';
import { placeNames } from './store.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Which tickets a list shows: a liaison's rooms (and what is assigned to them), a street, all. */
export type TicketScope =
  { roomIds: string[]; assigneeId?: string } | { streetId: string } | { all: true };

/** Filters of a ticket list. */
export interface TicketFilter {
  statuses: readonly string[] | null;
  tier: string | null;
  /** 'overdue': the resolve deadline has passed; 'soon': it falls within the next 24 hours. */
  due: string;
  now: string;
  /** A staff search (text, kind, matter, channel, reporter phone); see searchCondition. */
  search?: TicketSearch;
  /** Only the tickets of this street, inside the scope. */
  streetId?: string;
}

/** The columns a row of a ticket list shows (src/server/tickets/present.ts, presentTicketRow). */
const listedColumns = [
  'tickets.id',
  'tickets.tracking_code',
  'tickets.kind',
  'tickets.status',
  'tickets.tier',
  'tickets.channel',
  'tickets.matter_code',
  'tickets.description',
  'tickets.assignee_id',
  'tickets.created_at',
  'tickets.first_contact_at',
  'tickets.first_contact_due_at',
  'tickets.resolved_at',
  'tickets.resolve_due_at',
  'tickets.supervised_at',
  'tickets.supervision_due_at',
  'tickets.in_case_at',
  'tickets.calendar_fallback',
] as const;

type TicketQuery = SelectQueryBuilder<Database & { tickets: TicketTable }, 'tickets', object>;

function isOpenList(statuses: readonly string[] | null): boolean {
  return (
    statuses !== null &&
    statuses.length === openStatuses.length &&
    statuses.every((s, i) => s === openStatuses[i])
  );
}

/**
 * The condition on the states. The open states are written as literals, in the order of
 * migration 0029's partial indexes: SQLite and PostgreSQL use a partial index only when the
 * query repeats its condition, and a bound parameter does not.
 */
export function statusCondition(
  eb: ExpressionBuilder<Database, 'tickets'>,
  statuses: readonly string[],
): Expression<SqlBool> {
  return isOpenList(statuses)
    ? eb(
        'tickets.status',
        'in',
        openStatuses.map((s) => sql.lit(s)),
      )
    : eb('tickets.status', 'in', statuses);
}

function dueCondition(
  eb: ExpressionBuilder<Database, 'tickets'>,
  due: 'overdue' | 'soon',
  now: string,
): Expression<SqlBool> {
  // The supervision (督办) deadline counts as much as the resolve deadline.
  if (due === 'overdue') {
    return eb.or([
      eb('tickets.resolve_due_at', '<', now),
      eb('tickets.supervision_due_at', '<', now),
    ]);
  }
  const soon = new Date(Date.parse(now) + 24 * 3600_000).toISOString();
  return eb.or([
    eb.and([eb('tickets.resolve_due_at', '>=', now), eb('tickets.resolve_due_at', '<', soon)]),
    eb.and([
      eb('tickets.supervision_due_at', '>=', now),
      eb('tickets.supervision_due_at', '<', soon),
    ]),
  ]);
}

function applyFilter<QB extends TicketQuery>(query: QB, scope: TicketScope, filter: TicketFilter) {
  let q = query;
  if ('roomIds' in scope) {
    const ids = scope.roomIds.length > 0 ? scope.roomIds : ['-'];
    const assignee = scope.assigneeId ?? '-';
    q = q.where((eb) =>
      eb.or([eb('tickets.room_id', 'in', ids), eb('tickets.assignee_id', '=', assignee)]),
    ) as QB;
  } else if ('streetId' in scope) {
    q = q.where('tickets.street_id', '=', scope.streetId) as QB;
  }
  const { statuses, tier, streetId, search, due } = filter;
  if (statuses) {
    q = q.where((eb) => statusCondition(eb, statuses)) as QB;
  }
  if (tier) {
    q = q.where('tickets.tier', '=', tier) as QB;
  }
  if (streetId) {
    q = q.where('tickets.street_id', '=', streetId) as QB;
  }
  if (search) {
    q = q.where((eb) => searchCondition(eb, search)) as QB;
  }
  if (due === 'overdue' || due === 'soon') {
    q = q
      .where('tickets.status', 'in', ['submitted', 'accepted', 'contacted', 'returned'])
      .where('tickets.in_case_at', 'is', null)
      .where((eb) => dueCondition(eb, due, filter.now)) as QB;
  }
  return q;
}

/**
 * One page of tickets in a scope, newest first, with the total. The page's ids are chosen from
 * the tickets alone (in index order where an index fits); only those rows are then read, with
 * the columns a list row shows and the names of their place, so a sort never carries whole rows.
 */
export async function listTickets(
  db: Executor,
  scope: TicketScope,
  filter: TicketFilter,
  page: { limit: number; offset: number },
) {
  let ids = applyFilter(db.selectFrom('tickets').select('tickets.id'), scope, filter);
  if ('all' in scope && !filter.streetId && isOpenList(filter.statuses)) {
    // Always true, but without a bound on the time SQLite's planner reads the district's open
    // tickets through a status index and sorts them all (0.3 s at 1 000 000 tickets) instead of
    // walking the open tickets' partial index in order and stopping at the page's end.
    ids = ids.where('tickets.created_at', '>=', '1970-01-01T00:00:00.000Z');
  }
  const pageIds = ids
    .orderBy('tickets.created_at', 'desc')
    .orderBy('tickets.id')
    .limit(page.limit)
    .offset(page.offset);
  const counted = applyFilter(
    db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')),
    scope,
    filter,
  );
  // The total rides on the page's rows: the count does not depend on the row, so both engines
  // run it once, and a page costs one round trip instead of two. Only a page past the end,
  // which has no row to carry it, counts on its own.
  const rows = await db
    .selectFrom('tickets')
    .select(listedColumns)
    .select(placeNames)
    .select(counted.as('total'))
    .where('tickets.id', 'in', pageIds)
    .orderBy('tickets.created_at', 'desc')
    .orderBy('tickets.id')
    .execute();
  const first = rows[0];
  const total = first
    ? Number(first.total)
    : page.offset === 0
      ? 0
      : Number((await counted.executeTakeFirstOrThrow()).n);
  return { rows: rows.map(withoutTotal), total };
}

/** A list row without the page's total it carried. */
function withoutTotal<T extends { total: unknown }>(row: T): Omit<T, 'total'> {
  const copy: Partial<T> = { ...row };
  delete copy.total;
  return copy as Omit<T, 'total'>;
}

/** What a staff search narrows a ticket list to; a null field does not narrow it. */
export interface TicketSearch {
  /** Text as typed (NFC, trimmed): part of the description or of the building's name. */
  text: string | null;
  /** The text without dashes and spaces when it could be (part of) a tracking code. */
  code: string | null;
  kind: string | null;
  matterCode: string | null;
  /** 'placard' or `dept:<code>`. */
  channel: string | null;
  /** Only tickets whose reporter left the phone with this keyed digest. */
  phoneDigest: string | null;
}

/**
 * The condition of a staff search: the text in the tracking code (any case, with or without
 * dashes), the building's name or the description, and every other field given, all at once.
 */
export function searchCondition(
  eb: ExpressionBuilder<Database, 'tickets'>,
  search: TicketSearch,
): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  const any: Expression<SqlBool>[] = [];
  if (search.text) {
    any.push(containsText(eb.ref('tickets.description'), search.text));
    const buildings = eb
      .selectFrom('buildings')
      .select('buildings.id')
      .where(containsText(sql.ref('buildings.name'), search.text));
    any.push(eb('tickets.building_id', 'in', buildings));
  }
  if (search.code) {
    any.push(containsText(sql`replace(${eb.ref('tickets.tracking_code')}, '-', '')`, search.code));
  }
  if (any.length > 0) {
    all.push(eb.or(any));
  }
  if (search.kind) {
    all.push(eb('tickets.kind', '=', search.kind));
  }
  if (search.matterCode) {
    all.push(eb('tickets.matter_code', '=', search.matterCode));
  }
  if (search.channel) {
    all.push(eb('tickets.channel', '=', search.channel));
  }
  if (search.phoneDigest) {
    const reporters = eb
      .selectFrom('ticket_reporters')
      .select('ticket_reporters.ticket_id')
      .where('ticket_reporters.phone_digest', '=', search.phoneDigest);
    all.push(eb('tickets.id', 'in', reporters));
  }
  return eb.and(all);
}
