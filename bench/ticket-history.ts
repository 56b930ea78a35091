// One generated ticket with its timeline: the row (through ticketRow) and the events that got it
// to its status, so that event_count, the step times and the timeline agree.
import type { Insertable } from 'kysely';
import type { TicketEventTable, TicketTable } from '../src/server/db/schema.js';
import { kindAndMatter, pick, type MatterPools } from './ticket-mix.js';
import { ticketRow, type TicketPlace } from './ticket-rows.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const ratings = ['satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied'];
const outcomes = ['answered', 'corrected', 'corrected', 'mediated', 'referred'];
const assessments = ['solved', 'solved', 'explained', 'unsolvable'];
const descriptions = [
  '楼道里堆放杂物，影响通行',
  '物业对违章搭建不制止',
  '电动自行车在楼道充电',
  '小区绿地被占用种菜',
  '装修噪音影响休息',
  '群租房人员进出频繁',
];

const actorKinds: Record<string, 'resident' | 'system'> = {
  submitted: 'resident',
  rated: 'resident',
  closed_unrated: 'system',
};

/** A ticket row, its events, and whether it is a property-management complaint. */
export interface GeneratedTicket {
  row: Insertable<TicketTable>;
  events: Insertable<TicketEventTable>[];
  property: boolean;
}

function event(
  ticketId: string,
  seq: number,
  type: string,
  at: number,
  data: Record<string, string | number> = {},
): Insertable<TicketEventTable> {
  return {
    ticket_id: ticketId,
    seq,
    type,
    at: new Date(at).toISOString(),
    actor_kind: actorKinds[type] ?? 'staff',
    actor_id: null,
    data: JSON.stringify(data),
  };
}

/**
 * A ticket filed at a random moment of the two years before `now`: the last two weeks' tickets
 * and a few stragglers are still open; the others were accepted, contacted, resolved and mostly
 * rated or closed.
 */
export function generateTicket(
  random: () => number,
  now: Date,
  place: TicketPlace,
  pools: MatterPools,
): GeneratedTicket {
  const created = now.getTime() - Math.floor(random() * 730 * DAY);
  const { kind, matterCode, property } = kindAndMatter(random, pools);
  const iso = (ms: number) => new Date(ms).toISOString();
  const row = ticketRow(place, {
    createdAt: iso(created),
    resolveDueAt: iso(created + (5 + Math.floor(random() * 15)) * DAY),
    matterCode,
  });
  row.kind = kind;
  row.description = pick(descriptions, random());
  row.first_contact_due_at = iso(created + DAY);
  const id = row.id;
  const events = [event(id, 1, 'submitted', created, { kind, photos: 0 })];
  const open = random() < 0.002 || created > now.getTime() - 14 * DAY;
  const stage = open ? Math.floor(random() * 3) : 3;
  const accepted = created + Math.floor(random() * 4 * HOUR);
  const contacted = accepted + Math.floor(random() * 20 * HOUR);
  if (stage >= 1) {
    events.push(event(id, 2, 'accepted', accepted));
    Object.assign(row, { status: 'accepted', accepted_at: iso(accepted) });
  }
  if (stage >= 2) {
    events.push(event(id, 3, 'contacted', contacted, { method: 'phone' }));
    Object.assign(row, { status: 'contacted', first_contact_at: iso(contacted) });
  }
  if (stage === 3) {
    resolve(row, events, random, { contacted, now: now.getTime() });
  }
  row.event_count = events.length;
  row.updated_at = events[events.length - 1]?.at ?? row.created_at;
  return { row, events, property };
}

function resolve(
  row: Insertable<TicketTable>,
  events: Insertable<TicketEventTable>[],
  random: () => number,
  at: { contacted: number; now: number },
): void {
  const id = row.id;
  const resolvedAt = Math.min(at.now - HOUR, at.contacted + Math.floor(random() * 20 * DAY));
  const outcome = pick(outcomes, random());
  events.push(event(id, 4, 'resolved', resolvedAt, { outcome, reply: '已处理，谢谢反映' }));
  Object.assign(row, {
    status: 'resolved',
    resolved_at: new Date(resolvedAt).toISOString(),
    outcome,
    reply: '已处理，谢谢反映',
    handler_assessment: pick(assessments, random()),
    citizen_solved: random() < 0.6 ? (random() < 0.8 ? 1 : 0) : null,
  });
  const closedAt = Math.min(at.now, resolvedAt + Math.floor(random() * 7 * DAY));
  const rated = random() < 0.7;
  const closedUnrated = !rated && random() < 0.7;
  if (rated) {
    const rating = pick(ratings, random());
    events.push(event(id, 5, 'rated', closedAt, { rating }));
    Object.assign(row, { status: 'closed', rating, closed_at: new Date(closedAt).toISOString() });
  } else if (closedUnrated) {
    events.push(event(id, 5, 'closed_unrated', closedAt));
    Object.assign(row, { status: 'closed', closed_at: new Date(closedAt).toISOString() });
  }
}
