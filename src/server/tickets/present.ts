import type {
  Outcome,
  Rating,
  ResidentTicket,
  StaffTicket,
  StaffTicketRow,
  TicketAction,
  TicketKind,
  TicketStatus,
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

/** Events the resident sees; internal steps (reassignment) stay in the workbench. */
const residentEventTypes = new Set([
  'submitted',
  'accepted',
  'declined',
  'contacted',
  'resolved',
  'rated',
]);

function date(value: string | null): Date | null {
  return value ? new Date(value) : null;
}

function deadlines(t: TicketRecord, now: Date) {
  return {
    firstContactDueAt: t.first_contact_due_at,
    resolveDueAt: t.resolve_due_at,
    firstContactOverdue:
      t.status !== 'declined' &&
      isOverdue(date(t.first_contact_due_at), date(t.first_contact_at), now),
    resolveOverdue:
      t.status !== 'declined' && isOverdue(date(t.resolve_due_at), date(t.resolved_at), now),
    calendarFallback: t.calendar_fallback === 1,
  };
}

function entry(e: EventRow, showStaffNote: boolean): TimelineEntry {
  const data = JSON.parse(e.data) as Record<string, string | undefined>;
  const note = data.reason ?? data.reply ?? (showStaffNote ? data.note : undefined) ?? data.comment;
  return {
    seq: e.seq,
    type: e.type as TimelineEntry['type'],
    at: e.at,
    actor: { kind: e.actor_kind, name: e.actor_kind === 'staff' ? e.actor_name : null },
    note: note ?? null,
    outcome: (data.outcome as Outcome | undefined) ?? null,
    rating: (data.rating as Rating | undefined) ?? null,
    method: (data.method as TimelineEntry['method'] | undefined) ?? null,
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
  };
}

/** A ticket as the resident sees it through the private link. */
export function presentResidentTicket(
  t: TicketRecord,
  events: EventRow[],
  photos: Photo[],
  now: Date,
): ResidentTicket {
  const timeline = events.filter((e) => residentEventTypes.has(e.type)).map((e) => entry(e, false));
  return { ...core(t, photos, now), timeline, canRate: t.status === 'resolved' };
}

/** A ticket as staff see it: the reporter only masked, the buttons they may press. */
export function presentStaffTicket(
  t: TicketRecord,
  events: EventRow[],
  photos: Photo[],
  extra: { reporterPhoneMasked: string | null; actions: TicketAction[] },
  now: Date,
): StaffTicket {
  return {
    id: t.id,
    ...core(t, photos, now),
    timeline: events.map((e) => entry(e, true)),
    assignee: assigneeOf(t),
    ...extra,
  };
}

function matterOf(t: TicketRecord) {
  if (!t.matter_code) {
    return null;
  }
  return {
    code: t.matter_code,
    name: t.matter_name ?? t.matter_code,
    nameEn: t.matter_name_en ?? t.matter_code,
  };
}

function assigneeOf(t: TicketRecord) {
  return t.assignee_id
    ? { id: t.assignee_id, name: t.assignee_name ?? '', badgeNo: t.assignee_badge ?? '' }
    : null;
}

/** A ticket as one row of a workbench list. */
export function presentTicketRow(t: TicketRecord, now: Date): StaffTicketRow {
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
    createdAt: t.created_at,
    deadlines: deadlines(t, now),
  };
}
