import type { TicketAction, TicketStatus } from '../contract/tickets.js';

/**
 * The ticket state machine: the one source for the server, the workbench buttons and the tests.
 * Who may take a step depends on the actor's relation to the ticket, worked out by the caller.
 */
export type ActorRelation =
  'resident_owner' | 'assignee' | 'room_liaison' | 'street_admin' | 'bureau_admin' | 'unrelated';

interface Transition {
  from: readonly TicketStatus[];
  to: TicketStatus | 'same';
  by: readonly ActorRelation[];
}

const supervisors = ['street_admin', 'bureau_admin'] as const;

/** Every step a ticket can take, from which states, by whom. */
export const transitions: Record<TicketAction, Transition> = {
  accept: { from: ['submitted'], to: 'accepted', by: ['room_liaison', 'assignee', ...supervisors] },
  decline: {
    from: ['submitted'],
    to: 'declined',
    by: ['room_liaison', 'assignee', ...supervisors],
  },
  contact: { from: ['accepted'], to: 'contacted', by: ['assignee', ...supervisors] },
  resolve: { from: ['contacted'], to: 'resolved', by: ['assignee', ...supervisors] },
  reassign: { from: ['submitted', 'accepted', 'contacted'], to: 'same', by: supervisors },
  rate: { from: ['resolved'], to: 'closed', by: ['resident_owner'] },
};

/** Why a step was refused: the actor may never take it, or not in this state. */
export type Refusal = 'forbidden' | 'transition_refused';

/** The outcome of asking for a step. */
export type Decision = { ok: true; to: TicketStatus } | { ok: false; refusal: Refusal };

/** Decides whether `relation` may take `action` on a ticket in `status`. */
export function decide(
  status: TicketStatus,
  relation: ActorRelation,
  action: TicketAction,
): Decision {
  const t = transitions[action];
  if (!t.by.includes(relation)) {
    return { ok: false, refusal: 'forbidden' };
  }
  if (!t.from.includes(status)) {
    return { ok: false, refusal: 'transition_refused' };
  }
  return { ok: true, to: t.to === 'same' ? status : t.to };
}

/** The steps an actor may take now, in a stable order: exactly the buttons to show. */
export function allowedActions(status: TicketStatus, relation: ActorRelation): TicketAction[] {
  const actions = Object.keys(transitions) as TicketAction[];
  return actions.filter((a) => decide(status, relation, a).ok);
}

/** States in which the ticket still needs work from staff. */
export const openStatuses: readonly TicketStatus[] = ['submitted', 'accepted', 'contacted'];

/** States after which nothing more happens. */
export const finalStatuses: readonly TicketStatus[] = ['closed', 'declined'];
