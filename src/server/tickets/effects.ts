import type { Updateable } from 'kysely';
import type { Tier } from '../../contract/tickets.js';
import { normalizeText } from '../../domain/personal-data.js';
import { tierAbove, tierBelow } from '../../domain/ticket-machine.js';
import { addWorkingDays, type WorkingCalendar } from '../../domain/working-calendar.js';
import type { TicketTable } from '../db/schema.js';

/** The body of one staff step, validated against the contract, with its action name. */
export type ActionInput =
  | { action: 'accept' }
  | { action: 'decline'; reason: string }
  | { action: 'contact'; method: string; note?: string }
  | { action: 'resolve'; outcome: string; reply: string; assessment: string }
  | { action: 'to_case'; note?: string }
  | { action: 'request_extension'; days: number; reason: string }
  | { action: 'approve_extension'; note?: string }
  | { action: 'refuse_extension'; reason: string }
  | { action: 'escalate'; reason: string }
  | { action: 'return_down'; reason: string }
  | { action: 'send_back'; reason: string }
  | { action: 'reroute'; roomId: string; streetId: string; reason?: string }
  | { action: 'reassign'; assigneeId: string; reason?: string }
  | { action: 'supervise'; reason: string }
  | { action: 'merge'; intoId: string; reason?: string };

/** What a step changes on the ticket row and what its timeline event records. */
export interface Effect {
  changes: Updateable<TicketTable>;
  type: string;
  data: Record<string, unknown>;
}

/** The ticket as the effects need it. */
export interface EffectTicket {
  assignee_id: string | null;
  tier: string;
  resolve_due_at: string;
  extension_days: number | null;
  extension_count: number;
}

/**
 * Working days a supervised ticket has from the bureau's flag (热线督办: 3 working days,
 * docs/sources.md §4).
 */
export const SUPERVISION_DAYS = 3;

function note(text: string | undefined): Record<string, string> {
  return text ? { note: normalizeText(text) } : {};
}

function tierMove(from: string, to: Tier, reason: string, type: string): Effect {
  const why = normalizeText(reason);
  return {
    changes: { tier: to, assignee_id: null, accepted_at: null },
    type,
    data: { from, to, reason: why },
  };
}

/** The effect of a staff step; `at` is now, `calendar` the working calendar in force. */
export function effectOf(
  input: ActionInput,
  actorId: string,
  t: EffectTicket,
  at: Date,
  calendar: WorkingCalendar,
): Effect {
  const now = at.toISOString();
  switch (input.action) {
    case 'accept':
      return {
        changes: { accepted_at: now, assignee_id: t.assignee_id ?? actorId },
        type: 'accepted',
        data: {},
      };
    case 'decline': {
      const reason = normalizeText(input.reason);
      return {
        changes: { decline_reason: reason, closed_at: now },
        type: 'declined',
        data: { reason },
      };
    }
    case 'contact':
      return {
        changes: { first_contact_at: now },
        type: 'contacted',
        data: { method: input.method, ...note(input.note) },
      };
    case 'resolve': {
      const reply = normalizeText(input.reply);
      return {
        changes: {
          resolved_at: now,
          outcome: input.outcome,
          reply,
          resolved_tier: t.tier,
          handler_assessment: input.assessment,
        },
        type: 'resolved',
        data: { outcome: input.outcome, reply, tier: t.tier },
      };
    }
    case 'to_case':
      return { changes: { in_case_at: now }, type: 'moved_to_case', data: note(input.note) };
    case 'request_extension': {
      const reason = normalizeText(input.reason);
      return {
        changes: {
          extension_days: input.days,
          extension_reason: reason,
          extension_requested_at: now,
        },
        type: 'extension_requested',
        data: { days: input.days, reason },
      };
    }
    case 'approve_extension': {
      const days = t.extension_days ?? 0;
      const due = addWorkingDays(calendar, new Date(t.resolve_due_at), days);
      return {
        changes: {
          resolve_due_at: due.dueAt.toISOString(),
          extension_requested_at: null,
          extension_count: t.extension_count + 1,
        },
        type: 'extension_approved',
        data: { days, resolveDueAt: due.dueAt.toISOString(), ...note(input.note) },
      };
    }
    case 'refuse_extension': {
      const reason = normalizeText(input.reason);
      return {
        changes: { extension_requested_at: null },
        type: 'extension_refused',
        data: { reason },
      };
    }
    case 'escalate':
      return tierMove(t.tier, tierAbove(t.tier as Tier), input.reason, 'escalated');
    case 'return_down':
      return tierMove(t.tier, tierBelow(t.tier as Tier), input.reason, 'returned_down');
    case 'send_back': {
      const reason = normalizeText(input.reason);
      return {
        changes: { returned_at: now, assignee_id: null, accepted_at: null },
        type: 'sent_back',
        data: { reason },
      };
    }
    case 'reroute':
      return {
        changes: {
          room_id: input.roomId,
          street_id: input.streetId,
          assignee_id: null,
          tier: 'community',
        },
        type: 'rerouted',
        data: { roomId: input.roomId, ...note(input.reason) },
      };
    case 'reassign':
      return {
        changes: { assignee_id: input.assigneeId },
        type: 'reassigned',
        data: { from: t.assignee_id, to: input.assigneeId, ...note(input.reason) },
      };
    case 'supervise': {
      const reason = normalizeText(input.reason);
      const due = addWorkingDays(calendar, at, SUPERVISION_DAYS).dueAt.toISOString();
      return {
        changes: { supervised_at: now, supervision_due_at: due, supervision_reason: reason },
        type: 'supervised',
        data: { reason, supervisionDueAt: due },
      };
    }
    case 'merge':
      // The duplicate is finished here; its survivor's side is written by duplicates.ts.
      return {
        changes: { merged_into_id: input.intoId, closed_at: now },
        type: 'merged_into',
        data: { intoId: input.intoId, ...note(input.reason) },
      };
  }
}
