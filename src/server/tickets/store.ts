import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { Database, DeadlinePolicyTable, TicketTable } from '../db/schema.js';
import { containsText } from '../db/text-match.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Inserts a new ticket row. */
export async function insertTicket(db: Executor, row: Insertable<TicketTable>): Promise<void> {
  await db.insertInto('tickets').values(row).execute();
}

/** Stores the reporter's contact apart from the ticket. */
export async function insertReporter(
  db: Executor,
  row: {
    ticketId: string;
    phoneEnc: string | null;
    phoneMasked: string | null;
    /** The keyed digest the phone lookup finds it by (src/server/tickets/search.ts). */
    phoneDigest?: string | null;
    nameEnc?: string | null;
    nameMasked?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('ticket_reporters')
    .values({
      ticket_id: row.ticketId,
      phone_enc: row.phoneEnc,
      phone_masked: row.phoneMasked,
      phone_digest: row.phoneDigest ?? null,
      name_enc: row.nameEnc ?? null,
      name_masked: row.nameMasked ?? null,
    })
    .execute();
}

/** The masked phone and name of a ticket's reporter, each null when not left. */
export async function findReporterMasked(
  db: Executor,
  ticketId: string,
): Promise<{ phone: string | null; name: string | null }> {
  const row = await db
    .selectFrom('ticket_reporters')
    .select(['phone_masked', 'name_masked'])
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  return { phone: row?.phone_masked ?? null, name: row?.name_masked ?? null };
}

/** Appends one event to a ticket's timeline. */
export async function insertEvent(
  db: Executor,
  row: {
    ticketId: string;
    seq: number;
    type: string;
    at: string;
    actorKind: 'resident' | 'staff' | 'system';
    actorId: string | null;
    data: Record<string, unknown>;
  },
): Promise<void> {
  await db
    .insertInto('ticket_events')
    .values({
      ticket_id: row.ticketId,
      seq: row.seq,
      type: row.type,
      at: row.at,
      actor_kind: row.actorKind,
      actor_id: row.actorId,
      data: JSON.stringify(row.data),
    })
    .execute();
}

/** A ticket's timeline, oldest first, with staff names. */
export function listEvents(db: Executor, ticketId: string) {
  return db
    .selectFrom('ticket_events')
    .leftJoin('staff', 'staff.id', 'ticket_events.actor_id')
    .select([
      'ticket_events.seq',
      'ticket_events.type',
      'ticket_events.at',
      'ticket_events.actor_kind',
      'ticket_events.data',
      'staff.name as actor_name',
    ])
    .where('ticket_events.ticket_id', '=', ticketId)
    .orderBy('ticket_events.seq')
    .execute();
}

function ticketWithPlace(db: Executor) {
  return db
    .selectFrom('tickets')
    .innerJoin('buildings', 'buildings.id', 'tickets.building_id')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('streets', 'streets.id', 'tickets.street_id')
    .innerJoin('rooms', 'rooms.id', 'tickets.room_id')
    .leftJoin('matters', 'matters.code', 'tickets.matter_code')
    .leftJoin('staff', 'staff.id', 'tickets.assignee_id')
    .selectAll('tickets')
    .select([
      'buildings.name as building_name',
      'communities.name as community_name',
      'streets.name as street_name',
      'rooms.name as room_name',
      'matters.name as matter_name',
      'matters.name_en as matter_name_en',
      'staff.name as assignee_name',
      'staff.badge_no as assignee_badge',
    ]);
}

/** One ticket with the names of its place, matter and assignee. */
export type TicketRecord = NonNullable<Awaited<ReturnType<typeof findTicketById>>>;

/** A ticket by id. */
export function findTicketById(db: Executor, id: string) {
  return ticketWithPlace(db).where('tickets.id', '=', id).executeTakeFirst();
}

/** A ticket by the hash of its private access token. */
export function findTicketByAccessHash(db: Executor, accessHash: string) {
  return ticketWithPlace(db).where('tickets.access_hash', '=', accessHash).executeTakeFirst();
}

/** Tickets a resident finds again (我的诉求): a phone's, by its digest, or one by tracking code. */
export function listResidentTickets(db: Executor, by: { phoneDigest: string } | { code: string }) {
  const query = ticketWithPlace(db).leftJoin('ticket_reporters as r', 'r.ticket_id', 'tickets.id');
  const found =
    'code' in by
      ? query.where('tickets.tracking_code', '=', by.code)
      : query.where('r.phone_digest', '=', by.phoneDigest);
  return found.orderBy('tickets.created_at', 'desc').orderBy('tickets.id').execute();
}

/** A ticket by its submission's idempotency key. */
export function findTicketByIdempotencyKey(db: Executor, key: string) {
  return db
    .selectFrom('tickets')
    .select(['id', 'request_hash', 'tracking_code', 'created_at', 'resolve_due_at'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/**
 * Updates a ticket only if nobody changed it since it was read (its event count is unchanged);
 * false means a concurrent change won.
 */
export async function updateTicketIfUnchanged(
  db: Executor,
  id: string,
  expectedEventCount: number,
  changes: Updateable<TicketTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('tickets')
    .set(changes)
    .where('id', '=', id)
    .where('event_count', '=', expectedEventCount)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

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

/** One page of tickets in a scope, newest first, with the total. */
export async function listTickets(
  db: Executor,
  scope: TicketScope,
  filter: TicketFilter,
  page: { limit: number; offset: number },
) {
  const soon = new Date(Date.parse(filter.now) + 24 * 3600_000).toISOString();
  const apply = <
    QB extends SelectQueryBuilder<Database & { tickets: TicketTable }, 'tickets', object>,
  >(
    query: QB,
  ): QB => {
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
    if (filter.statuses) {
      q = q.where('tickets.status', 'in', filter.statuses) as QB;
    }
    if (filter.tier) {
      q = q.where('tickets.tier', '=', filter.tier) as QB;
    }
    if (filter.streetId) {
      q = q.where('tickets.street_id', '=', filter.streetId) as QB;
    }
    const search = filter.search;
    if (search) {
      q = q.where((eb) => searchCondition(eb, search)) as QB;
    }
    if (filter.due !== 'any') {
      q = q
        .where('tickets.status', 'in', ['submitted', 'accepted', 'contacted', 'returned'])
        .where('tickets.in_case_at', 'is', null) as QB;
      // The supervision (督办) deadline counts as much as the resolve deadline.
      const now = filter.now;
      q = (
        filter.due === 'overdue'
          ? q.where((eb) =>
              eb.or([
                eb('tickets.resolve_due_at', '<', now),
                eb('tickets.supervision_due_at', '<', now),
              ]),
            )
          : q.where((eb) =>
              eb.or([
                eb.and([
                  eb('tickets.resolve_due_at', '>=', now),
                  eb('tickets.resolve_due_at', '<', soon),
                ]),
                eb.and([
                  eb('tickets.supervision_due_at', '>=', now),
                  eb('tickets.supervision_due_at', '<', soon),
                ]),
              ]),
            )
      ) as QB;
    }
    return q;
  };
  const rows = await apply(ticketWithPlace(db))
    .orderBy('tickets.created_at', 'desc')
    .orderBy('tickets.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await apply(
    db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')),
  ).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** Resolved tickets nobody rated since before `before`, for closing them. */
export function listUnratedResolvedBefore(db: Executor, before: string) {
  return db
    .selectFrom('tickets')
    .select(['id', 'event_count'])
    .where('status', '=', 'resolved')
    .where('resolved_at', '<', before)
    .execute();
}

/** The policy in force for a kind (and matter, which wins when it has its own), or none. */
export async function findDeadlinePolicy(
  db: Executor,
  kind: string,
  matterCode: string | null,
  at: string,
) {
  const rows = await db
    .selectFrom('deadline_policies')
    .selectAll()
    .where('kind', '=', kind)
    .where('effective_from', '<=', at)
    .where((eb) =>
      matterCode
        ? eb.or([eb('matter_code', 'is', null), eb('matter_code', '=', matterCode)])
        : eb('matter_code', 'is', null),
    )
    .orderBy('effective_from', 'desc')
    .execute();
  return rows.find((r) => r.matter_code !== null) ?? rows[0];
}

/** Whether a matter code is in the catalogue and in force (a retired one takes no new tickets). */
export async function matterExists(db: Executor, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('matters')
    .select('code')
    .where('code', '=', code)
    .where('active', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every deadline policy the bureau has set, newest first. */
export function listDeadlinePolicies(db: Executor) {
  return db
    .selectFrom('deadline_policies')
    .selectAll()
    .orderBy('effective_from', 'desc')
    .orderBy('id')
    .execute();
}

/** Stores a new deadline policy. */
export async function insertDeadlinePolicy(
  db: Executor,
  row: Insertable<DeadlinePolicyTable>,
): Promise<void> {
  await db.insertInto('deadline_policies').values(row).execute();
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
