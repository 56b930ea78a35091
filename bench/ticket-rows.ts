// Ticket rows for the dashboard's tests and its benchmark, written through the tickets store.
import type { Insertable } from 'kysely';
import type { TicketTable } from '../src/server/db/schema.js';
import { newId, sha256Hex } from '../src/server/ids.js';
import { newTrackingCode } from '../src/server/tickets/intake.js';

/** Where a ticket was filed: its building, room and street. */
export interface TicketPlace {
  buildingId: string;
  roomId: string;
  streetId: string;
}

/** What a dashboard counts of a ticket; the rest gets plain defaults. */
export interface TicketFacts {
  createdAt: string;
  resolveDueAt: string;
  status?: string;
  matterCode?: string | null;
  resolvedAt?: string | null;
  rating?: string | null;
  outcome?: string | null;
  handlerAssessment?: string | null;
  citizenSolved?: number | null;
  supervisionDueAt?: string | null;
}

/**
 * A complete ticket row at a place with the given facts. Its tracking code and access hash are
 * random as the product's are, so a new ticket's entry in their indexes lands where a real one
 * would: on a random page of the whole index, not after a block of generated codes.
 */
export function ticketRow(place: TicketPlace, facts: TicketFacts): Insertable<TicketTable> {
  const id = newId();
  return {
    id,
    tracking_code: newTrackingCode(),
    access_hash: sha256Hex(id),
    idempotency_key: null,
    request_hash: id,
    kind: 'complaint',
    status: facts.status ?? (facts.resolvedAt ? 'resolved' : 'submitted'),
    tier: 'community',
    channel: 'placard',
    matter_code: facts.matterCode ?? null,
    description: '测试诉求',
    building_id: place.buildingId,
    room_id: place.roomId,
    street_id: place.streetId,
    assignee_id: null,
    created_at: facts.createdAt,
    updated_at: facts.resolvedAt ?? facts.createdAt,
    accepted_at: null,
    first_contact_at: null,
    resolved_at: facts.resolvedAt ?? null,
    closed_at: null,
    first_contact_due_at: null,
    resolve_due_at: facts.resolveDueAt,
    calendar_fallback: 0,
    outcome: facts.outcome ?? null,
    reply: null,
    decline_reason: null,
    rating: facts.rating ?? null,
    rating_comment: null,
    event_count: 1,
    resolved_tier: null,
    extension_days: null,
    extension_reason: null,
    extension_requested_at: null,
    supervised_at: null,
    supervision_due_at: facts.supervisionDueAt ?? null,
    supervision_reason: null,
    handler_assessment: facts.handlerAssessment ?? null,
    citizen_solved: facts.citizenSolved ?? null,
    in_case_at: null,
    returned_at: null,
    merged_into_id: null,
  };
}
