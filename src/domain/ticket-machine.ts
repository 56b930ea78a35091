import type { TicketAction, TicketStatus, Tier } from '../contract/tickets.js';

/**
 * The ticket state machine: the one source for the server, the workbench buttons, the service
 * path diagram and the tests. Who may take a step depends on the actor's relation to the ticket
 * (worked out by the caller) and on the tier the ticket is at.
 */
export type ActorRelation =
  | 'resident_owner'
  | 'assignee'
  | 'room_liaison'
  | 'room_colleague'
  | 'street_admin'
  | 'bureau_admin'
  | 'unrelated';

/** What the machine needs to know of a ticket besides its state. */
export interface TicketFacts {
  status: TicketStatus;
  tier: Tier;
  extensionPending: boolean;
  supervised: boolean;
  reopenCount: number;
}

/** Rules the bureau can set; the defaults are below. */
export interface HandlingRules {
  /** How often a resident can send a ticket back for re-handling (重办). */
  maxReopens: number;
}

type Authority = readonly Tier[] | 'any';

interface Transition {
  from: readonly TicketStatus[];
  to: TicketStatus | 'same';
  /** Who may take the step, and at which tiers. */
  by: Partial<Record<ActorRelation, Authority>>;
  /** A condition beyond the state; false refuses the step as not allowed now. */
  when?: (facts: TicketFacts, rules: HandlingRules) => boolean;
}

const working: readonly TicketStatus[] = ['accepted', 'contacted', 'in_case'];
const open: readonly TicketStatus[] = ['submitted', 'accepted', 'contacted'];
const atCommunity = ['community'] as const;
const handlers = {
  assignee: 'any',
  street_admin: ['community', 'street'],
  bureau_admin: 'any',
} as const;
const firstTier = {
  room_liaison: atCommunity,
  assignee: 'any',
  street_admin: ['community', 'street'],
  bureau_admin: 'any',
} as const;

/** Every step a ticket can take, from which states, by whom, in button order. */
export const transitions: Record<TicketAction, Transition> = {
  accept: { from: ['submitted'], to: 'accepted', by: firstTier },
  decline: { from: ['submitted'], to: 'declined', by: firstTier },
  contact: { from: ['accepted'], to: 'contacted', by: handlers },
  resolve: { from: ['contacted', 'in_case'], to: 'resolved', by: handlers },
  to_case: { from: ['accepted', 'contacted'], to: 'in_case', by: handlers },
  request_extension: {
    from: ['accepted', 'contacted'],
    to: 'same',
    by: { assignee: 'any' },
    when: (f) => !f.extensionPending,
  },
  approve_extension: {
    from: working,
    to: 'same',
    by: { street_admin: 'any', bureau_admin: 'any' },
    when: (f) => f.extensionPending,
  },
  refuse_extension: {
    from: working,
    to: 'same',
    by: { street_admin: 'any', bureau_admin: 'any' },
    when: (f) => f.extensionPending,
  },
  escalate: {
    from: open,
    to: 'submitted',
    by: {
      assignee: atCommunity,
      room_liaison: atCommunity,
      street_admin: 'any',
      bureau_admin: ['community', 'street'],
    },
    when: (f) => f.tier !== 'district',
  },
  return_down: {
    from: open,
    to: 'submitted',
    by: { street_admin: ['street'], bureau_admin: ['street', 'district'] },
    when: (f) => f.tier !== 'community',
  },
  send_back: {
    from: ['submitted', 'accepted'],
    to: 'returned',
    by: { room_liaison: atCommunity, assignee: atCommunity },
  },
  reroute: {
    from: ['returned'],
    to: 'submitted',
    by: { street_admin: 'any', bureau_admin: 'any' },
  },
  reassign: {
    from: [...open, 'in_case'],
    to: 'same',
    by: { street_admin: ['community', 'street'], bureau_admin: 'any' },
  },
  supervise: {
    from: [...open, 'in_case', 'returned'],
    to: 'same',
    by: { bureau_admin: 'any' },
    when: (f) => !f.supervised,
  },
  /**
   * A duplicate goes into an open ticket of the same building and matter (src/server/tickets/
   * duplicates.ts checks the target); the same handlers as a reassignment, and the assignee.
   */
  merge: { from: open, to: 'merged', by: handlers },
  rate: { from: ['resolved'], to: 'closed', by: { resident_owner: 'any' } },
  reopen: {
    from: ['resolved'],
    to: 'accepted',
    by: { resident_owner: 'any' },
    when: (f, rules) => f.reopenCount < rules.maxReopens,
  },
};

/** Why a step was refused: the actor may never take it, or not in this state. */
export type Refusal = 'forbidden' | 'transition_refused';

/** The outcome of asking for a step. */
export type Decision = { ok: true; to: TicketStatus } | { ok: false; refusal: Refusal };

/** The default rules: one re-handling, as 12345 practice has it [unverified]; configurable. */
export const defaultHandlingRules: HandlingRules = { maxReopens: 1 };

function hasAuthority(t: Transition, relation: ActorRelation, tier: Tier): boolean {
  const authority = t.by[relation];
  return authority === 'any' || (authority?.includes(tier) ?? false);
}

/** Decides whether `relation` may take `action` on a ticket with these facts. */
export function decide(
  facts: TicketFacts,
  relation: ActorRelation,
  action: TicketAction,
  rules: HandlingRules = defaultHandlingRules,
): Decision {
  const t = transitions[action];
  if (!hasAuthority(t, relation, facts.tier)) {
    return { ok: false, refusal: 'forbidden' };
  }
  if (!t.from.includes(facts.status) || (t.when && !t.when(facts, rules))) {
    return { ok: false, refusal: 'transition_refused' };
  }
  return { ok: true, to: t.to === 'same' ? facts.status : t.to };
}

/** The steps an actor may take now, in button order: exactly the buttons to show. */
export function allowedActions(
  facts: TicketFacts,
  relation: ActorRelation,
  rules: HandlingRules = defaultHandlingRules,
): TicketAction[] {
  const actions = Object.keys(transitions) as TicketAction[];
  return actions.filter((a) => decide(facts, relation, a, rules).ok);
}

/** The tier above, for escalation (社区 → 街道 → 区). */
export function tierAbove(tier: Tier): Tier {
  return tier === 'community' ? 'street' : 'district';
}

/** The tier below, for returning a ticket down. */
export function tierBelow(tier: Tier): Tier {
  return tier === 'district' ? 'street' : 'community';
}

/**
 * Where a rated ticket goes: an unsatisfied rating reopens it for re-handling while re-handlings
 * remain; any other rating closes it.
 */
export function afterRating(
  rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied',
  facts: TicketFacts,
  rules: HandlingRules = defaultHandlingRules,
): TicketStatus {
  return rating === 'unsatisfied' && facts.reopenCount < rules.maxReopens ? 'accepted' : 'closed';
}

/** States in which the ticket still needs work from staff. */
export const openStatuses: readonly TicketStatus[] = [
  'submitted',
  'accepted',
  'contacted',
  'in_case',
  'returned',
];

/** States after which nothing more happens. */
export const finalStatuses: readonly TicketStatus[] = ['closed', 'declined', 'merged'];
