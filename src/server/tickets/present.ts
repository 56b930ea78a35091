import type {
  Outcome,
  Rating,
  ResidentTicket,
  StaffTicket,
  StaffTicketRow,
  TicketAction,
  TicketKind,
  TicketStatus,
  Tier,
  TimelineEntry,
} from '../../contract/tickets.js';
import { isOverdue } from '../../domain/deadlines.js';
import type { TicketRecord } from './store.js';

type EventRow = {
  seq: number;
  type: string;
  at: string;
  actor_kind: 'resident' | 'staff' | 'system';
  data: string;
  actor_name: string | null;
};
type Photo = { id: string; width: number; height: number };

/** What a ticket's deadlines are shown from. */
type DeadlineFacts = Pick<
  TicketRecord,
  | 'status'
  | 'in_case_at'
  | 'first_contact_at'
  | 'first_contact_due_at'
  | 'resolved_at'
  | 'resolve_due_at'
  | 'supervision_due_at'
  | 'calendar_fallback'
>;

/** What one row of a workbench list shows: the list reads no more of the ticket. */
export type ListedTicket = DeadlineFacts &
  Pick<
    TicketRecord,
    | 'id'
    | 'tracking_code'
    | 'kind'
    | 'tier'
    | 'channel'
    | 'matter_code'
    | 'matter_name'
    | 'matter_name_en'
    | 'description'
    | 'building_name'
    | 'community_name'
    | 'assignee_id'
    | 'assignee_name'
    | 'assignee_badge'
    | 'supervised_at'
    | 'created_at'
  >;

/** Events the resident sees; internal steps (reassignment, extensions) stay in the workbench. */
const residentEventTypes = new Set([
  'submitted',
  'accepted',
  'declined',
  'contacted',
  'resolved',
  'rated',
  'escalated',
  'moved_to_case',
  'reopened',
  'closed_unrated',
  'merged_into',
]);

function date(value: string | null): Date | null {
  return value ? new Date(value) : null;
}

function deadlines(t: DeadlineFacts, now: Date) {
  // A ticket that became an enforcement case leaves the ticket clock (docs/ticket-handling.md).
  const clockStopped = t.in_case_at !== null;
  const running = t.status !== 'declined' && t.status !== 'merged' && !clockStopped;
  return {
    firstContactDueAt: t.first_contact_due_at,
    resolveDueAt: t.resolve_due_at,
    supervisionDueAt: t.supervision_due_at,
    clockStopped,
    firstContactOverdue:
      running && isOverdue(date(t.first_contact_due_at), date(t.first_contact_at), now),
    resolveOverdue: running && isOverdue(date(t.resolve_due_at), date(t.resolved_at), now),
    supervisionOverdue: running && isOverdue(date(t.supervision_due_at), date(t.resolved_at), now),
    calendarFallback: t.calendar_fallback === 1,
  };
}

/** Steps whose reason the resident reads: staff's internal reasons stay in the workbench. */
const reasonsForResident = new Set(['declined', 'reopened', 'resolved', 'rated']);

/** The steps that move a ticket between tiers; their entry names the tier it went to. */
const tierMoves = new Set(['escalated', 'returned_down']);

function entry(e: EventRow, forStaff: boolean): TimelineEntry {
  const data = JSON.parse(e.data) as Record<string, string | undefined>;
  const shown = forStaff || reasonsForResident.has(e.type);
  const note = shown ? (data.reason ?? data.reply ?? data.note ?? data.comment) : undefined;
  return {
    seq: e.seq,
    type: e.type as TimelineEntry['type'],
    at: e.at,
    actor: { kind: e.actor_kind, name: e.actor_kind === 'staff' ? e.actor_name : null },
    note: note ?? null,
    outcome: (data.outcome as Outcome | undefined) ?? null,
    rating: (data.rating as Rating | undefined) ?? null,
    method: (data.method as TimelineEntry['method'] | undefined) ?? null,
    ...(tierMoves.has(e.type) ? { tier: (data.to as Tier | undefined) ?? null } : {}),
  };
}

function core(t: TicketRecord, photos: Photo[], now: Date) {
  return {
    trackingCode: t.tracking_code,
    kind: t.kind as TicketKind,
    status: t.status as TicketStatus,
    matter: matterOf(t),
    description: t.description,
    building: { name: t.building_name, community: t.community_name, street: t.street_name },
    room: { name: t.room_name },
    createdAt: t.created_at,
    deadlines: deadlines(t, now),
    photos,
    outcome: t.outcome as Outcome | null,
    reply: t.reply,
    declineReason: t.decline_reason,
    rating: t.rating as Rating | null,
    ratingComment: t.rating_comment,
    tier: t.tier as Tier,
    reopenCount: t.reopen_count,
  };
}

/** A ticket as the resident sees it through the private link. */
export function presentResidentTicket(
  t: TicketRecord,
  events: EventRow[],
  photos: Photo[],
  extra: Pick<ResidentTicket, 'canRate' | 'canReopen' | 'mergedInto'>,
  now: Date,
): ResidentTicket {
  const timeline = events.filter((e) => residentEventTypes.has(e.type)).map((e) => entry(e, false));
  return { ...core(t, photos, now), timeline, ...extra };
}

/** A ticket as staff see it: the reporter only masked, the buttons they may press. */
export function presentStaffTicket(
  t: TicketRecord,
  events: EventRow[],
  photos: Photo[],
  extra: {
    reporterPhoneMasked: string | null;
    reporterNameMasked: string | null;
    canRevealReporter: boolean;
    actions: TicketAction[];
  } & Pick<StaffTicket, 'possibleDuplicates' | 'mergedInto' | 'mergedFrom' | 'partnerNotes'>,
  now: Date,
): StaffTicket {
  return {
    id: t.id,
    ...core(t, photos, now),
    buildingId: t.building_id,
    timeline: events.map((e) => entry(e, true)),
    assignee: assigneeOf(t),
    channel: t.channel,
    ...extra,
    resolvedTier: t.resolved_tier as Tier | null,
    handlerAssessment: t.handler_assessment as StaffTicket['handlerAssessment'],
    citizenSolved: t.citizen_solved === null ? null : t.citizen_solved === 1,
    extension:
      t.extension_requested_at !== null
        ? {
            days: t.extension_days ?? 0,
            reason: t.extension_reason ?? '',
            requestedAt: t.extension_requested_at,
          }
        : null,
    supervision:
      t.supervised_at !== null ? { reason: t.supervision_reason ?? '', at: t.supervised_at } : null,
  };
}

function matterOf(t: Pick<TicketRecord, 'matter_code' | 'matter_name' | 'matter_name_en'>) {
  if (!t.matter_code) {
    return null;
  }
  return {
    code: t.matter_code,
    name: t.matter_name ?? t.matter_code,
    nameEn: t.matter_name_en ?? t.matter_code,
  };
}

function assigneeOf(t: Pick<TicketRecord, 'assignee_id' | 'assignee_name' | 'assignee_badge'>) {
  return t.assignee_id
    ? { id: t.assignee_id, name: t.assignee_name ?? '', badgeNo: t.assignee_badge ?? '' }
    : null;
}

/** A ticket as one row of a workbench list. */
export function presentTicketRow(t: ListedTicket, now: Date): StaffTicketRow {
  const chars = [...t.description];
  return {
    id: t.id,
    trackingCode: t.tracking_code,
    kind: t.kind as TicketKind,
    status: t.status as TicketStatus,
    matter: matterOf(t),
    summary: chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : t.description,
    building: t.building_name,
    community: t.community_name,
    assignee: assigneeOf(t),
    tier: t.tier as Tier,
    channel: t.channel,
    supervised: t.supervised_at !== null,
    createdAt: t.created_at,
    deadlines: deadlines(t, now),
  };
}
