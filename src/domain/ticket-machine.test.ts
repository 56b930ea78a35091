import { describe, expect, it } from 'vitest';
import { ticketActions, type TicketStatus, type Tier } from '../contract/tickets.js';
import {
  afterRating,
  allowedActions,
  decide,
  tierAbove,
  tierBelow,
  type ActorRelation,
  type TicketFacts,
} from './ticket-machine.js';

function facts(status: TicketStatus, more: Partial<TicketFacts> = {}): TicketFacts {
  return {
    status,
    tier: 'community',
    extensionPending: false,
    supervised: false,
    reopenCount: 0,
    ...more,
  };
}

/** The community tier written out by hand: status → relation → the buttons offered. */
const community: Record<string, Partial<Record<ActorRelation, string[]>>> = {
  submitted: {
    assignee: ['accept', 'decline', 'escalate', 'send_back', 'merge'],
    room_liaison: ['accept', 'decline', 'escalate', 'send_back'],
    street_admin: ['accept', 'decline', 'escalate', 'reassign', 'merge'],
    bureau_admin: ['accept', 'decline', 'escalate', 'reassign', 'supervise', 'merge'],
  },
  accepted: {
    assignee: ['contact', 'to_case', 'request_extension', 'escalate', 'send_back', 'merge'],
    room_liaison: ['escalate', 'send_back'],
    street_admin: ['contact', 'to_case', 'escalate', 'reassign', 'merge'],
    bureau_admin: ['contact', 'to_case', 'escalate', 'reassign', 'supervise', 'merge'],
  },
  contacted: {
    assignee: ['resolve', 'to_case', 'request_extension', 'escalate', 'merge'],
    room_liaison: ['escalate'],
    street_admin: ['resolve', 'to_case', 'escalate', 'reassign', 'merge'],
    bureau_admin: ['resolve', 'to_case', 'escalate', 'reassign', 'supervise', 'merge'],
  },
  in_case: {
    assignee: ['resolve'],
    street_admin: ['resolve', 'reassign'],
    bureau_admin: ['resolve', 'reassign', 'supervise'],
  },
  resolved: { resident_owner: ['rate', 'reopen'] },
  returned: { street_admin: ['reroute'], bureau_admin: ['reroute', 'supervise'] },
  closed: {},
  declined: {},
  merged: {},
};

const relations: ActorRelation[] = [
  'resident_owner',
  'assignee',
  'room_liaison',
  'street_admin',
  'bureau_admin',
  'unrelated',
];

describe('the ticket state machine at the community tier', () => {
  for (const [status, byRelation] of Object.entries(community)) {
    for (const relation of relations) {
      const expected = byRelation[relation] ?? [];
      it(`offers ${relation} in ${status} exactly: ${expected.join(', ') || 'nothing'}`, () => {
        expect(allowedActions(facts(status as TicketStatus), relation)).toEqual(expected);
      });
    }
  }

  it('moves a ticket along the whole happy path', () => {
    expect(decide(facts('submitted'), 'room_liaison', 'accept')).toEqual({
      ok: true,
      to: 'accepted',
    });
    expect(decide(facts('accepted'), 'assignee', 'contact')).toEqual({ ok: true, to: 'contacted' });
    expect(decide(facts('contacted'), 'assignee', 'resolve')).toEqual({ ok: true, to: 'resolved' });
    expect(decide(facts('resolved'), 'resident_owner', 'rate')).toEqual({ ok: true, to: 'closed' });
  });

  it('refuses a step the actor may take, but not in this state, as a refused transition', () => {
    expect(decide(facts('accepted'), 'assignee', 'resolve')).toEqual({
      ok: false,
      refusal: 'transition_refused',
    });
    expect(decide(facts('closed'), 'resident_owner', 'rate')).toEqual({
      ok: false,
      refusal: 'transition_refused',
    });
  });

  it('refuses a step the actor may never take as forbidden', () => {
    for (const action of ticketActions) {
      expect(decide(facts('submitted'), 'unrelated', action)).toEqual({
        ok: false,
        refusal: 'forbidden',
      });
    }
    expect(decide(facts('resolved'), 'assignee', 'rate')).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
    expect(decide(facts('accepted'), 'room_liaison', 'contact')).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
  });
});

describe('a colleague of the room', () => {
  it('sees a ticket assigned to someone else but can take no step on it', () => {
    for (const status of ['submitted', 'accepted', 'contacted', 'in_case'] as const) {
      expect(allowedActions(facts(status), 'room_colleague')).toEqual([]);
    }
  });
});

describe('tiers: 小事不出社区，大事不出街道', () => {
  it('escalates community → street → district and returns down the same way', () => {
    expect(tierAbove('community')).toBe('street');
    expect(tierAbove('street')).toBe('district');
    expect(tierBelow('district')).toBe('street');
    expect(tierBelow('street')).toBe('community');
  });

  it('puts an escalated ticket back to awaiting acceptance at the new tier', () => {
    expect(decide(facts('contacted'), 'assignee', 'escalate')).toEqual({
      ok: true,
      to: 'submitted',
    });
  });

  it('lets only the street admin work a ticket at the street tier, not the room liaison', () => {
    const atStreet = facts('submitted', { tier: 'street' });
    expect(allowedActions(atStreet, 'room_liaison')).toEqual([]);
    expect(allowedActions(atStreet, 'street_admin')).toEqual([
      'accept',
      'decline',
      'escalate',
      'return_down',
      'reassign',
      'merge',
    ]);
  });

  it('leaves the district tier to the bureau, which can return it to the street', () => {
    const atDistrict = facts('submitted', { tier: 'district' as Tier });
    expect(allowedActions(atDistrict, 'street_admin')).toEqual([]);
    expect(allowedActions(atDistrict, 'bureau_admin')).toEqual([
      'accept',
      'decline',
      'return_down',
      'reassign',
      'supervise',
      'merge',
    ]);
    expect(decide(atDistrict, 'bureau_admin', 'escalate')).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
  });

  it('cannot return a community ticket further down', () => {
    expect(decide(facts('submitted'), 'street_admin', 'return_down')).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
  });
});

describe('exceptions', () => {
  it('allows one pending extension request at a time, decided by a supervisor', () => {
    const pending = facts('contacted', { extensionPending: true });
    expect(decide(pending, 'assignee', 'request_extension').ok).toBe(false);
    expect(allowedActions(pending, 'street_admin')).toContain('approve_extension');
    expect(allowedActions(pending, 'street_admin')).toContain('refuse_extension');
    expect(decide(pending, 'assignee', 'approve_extension')).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
  });

  it('lets the bureau supervise a ticket once', () => {
    expect(decide(facts('accepted'), 'bureau_admin', 'supervise').ok).toBe(true);
    expect(decide(facts('accepted', { supervised: true }), 'bureau_admin', 'supervise')).toEqual({
      ok: false,
      refusal: 'transition_refused',
    });
  });

  it('sends a wrongly routed ticket back to the street dispatcher, who reroutes it', () => {
    expect(decide(facts('submitted'), 'room_liaison', 'send_back')).toEqual({
      ok: true,
      to: 'returned',
    });
    expect(decide(facts('returned'), 'street_admin', 'reroute')).toEqual({
      ok: true,
      to: 'submitted',
    });
  });
});

describe('merging duplicates', () => {
  it('finishes a duplicate as merged, by its handlers, not by a liaison who never took it', () => {
    expect(decide(facts('accepted'), 'assignee', 'merge')).toEqual({ ok: true, to: 'merged' });
    expect(decide(facts('submitted'), 'room_liaison', 'merge')).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
    expect(decide(facts('in_case'), 'bureau_admin', 'merge')).toEqual({
      ok: false,
      refusal: 'transition_refused',
    });
    expect(decide(facts('submitted', { tier: 'district' }), 'street_admin', 'merge')).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
  });

  it('lets nothing more happen to a merged ticket', () => {
    for (const relation of relations) {
      expect(allowedActions(facts('merged'), relation)).toEqual([]);
    }
  });
});

describe('re-handling (重办)', () => {
  it('reopens a ticket rated unsatisfied while a re-handling remains, and closes it after', () => {
    expect(afterRating('unsatisfied', facts('resolved'))).toBe('accepted');
    expect(afterRating('unsatisfied', facts('resolved', { reopenCount: 1 }))).toBe('closed');
    expect(afterRating('basically_satisfied', facts('resolved'))).toBe('closed');
  });

  it('lets the resident say "not solved" once by default, more when the bureau allows', () => {
    expect(decide(facts('resolved'), 'resident_owner', 'reopen')).toEqual({
      ok: true,
      to: 'accepted',
    });
    const again = facts('resolved', { reopenCount: 1 });
    expect(decide(again, 'resident_owner', 'reopen').ok).toBe(false);
    expect(decide(again, 'resident_owner', 'reopen', { maxReopens: 2 }).ok).toBe(true);
  });
});
