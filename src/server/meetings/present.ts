import type { Meeting, MeetingRow } from '../../contract/meetings.js';
import { editableUntil } from '../../domain/field-work-rules.js';
import { presentLinkedTicket, type LinkedTicketRecord } from '../visits/present.js';
import type { MeetingRecord } from './store.js';

type StaffRow = { id: string; name: string; badge_no: string | null };

/** A meeting as one row of a list, with the officers who attended. */
export function presentMeetingRow(m: MeetingRecord, staff: readonly StaffRow[]): MeetingRow {
  return {
    id: m.id,
    kind: m.kind,
    date: m.meeting_date,
    community: { id: m.community_id, name: m.community_name },
    street: m.street_name,
    topic: m.topic,
    staff: staff.map((s) => ({ id: s.id, name: s.name, badgeNo: s.badge_no ?? '' })),
    producedCount: Number(m.produced_count),
    settledCount: Number(m.settled_count),
    createdAt: m.created_at,
  };
}

/**
 * A meeting with participants, outcomes and its tickets, and whether this viewer may correct it.
 */
export function presentMeeting(
  m: MeetingRecord,
  staff: readonly StaffRow[],
  tickets: readonly (LinkedTicketRecord & { link: 'produced' | 'settled' })[],
  canEdit: boolean,
): Meeting {
  return {
    ...presentMeetingRow(m, staff),
    participants: JSON.parse(m.participants) as string[],
    outcomes: m.outcomes,
    tickets: tickets.map((t) => ({ ...presentLinkedTicket(t), link: t.link })),
    recordedBy: { id: m.created_by, name: m.author_name, badgeNo: m.author_badge ?? '' },
    updatedAt: m.updated_at,
    editCount: m.edit_count,
    editableUntil: editableUntil(new Date(m.created_at)).toISOString(),
    canEdit,
  };
}
