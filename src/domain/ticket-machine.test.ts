import { describe, expect, it } from 'vitest';
import { ticketActions, ticketStatuses, type TicketAction } from '../contract/tickets.js';
import { allowedActions, decide, type ActorRelation } from './ticket-machine.js';

const relations: ActorRelation[] = [
  'resident_owner',
  'assignee',
  'room_liaison',
  'street_admin',
  'bureau_admin',
  'unrelated',
];

/** The whole machine written out by hand: status → relation → allowed actions. */
const expected: Record<string, Partial<Record<ActorRelation, TicketAction[]>>> = {
  submitted: {
    assignee: ['accept', 'decline'],
    room_liaison: ['accept', 'decline'],
    street_admin: ['accept', 'decline', 'reassign'],
    bureau_admin: ['accept', 'decline', 'reassign'],
  },
  accepted: {
    assignee: ['contact'],
    street_admin: ['contact', 'reassign'],
    bureau_admin: ['contact', 'reassign'],
  },
  contacted: {
    assignee: ['resolve'],
    street_admin: ['resolve', 'reassign'],
    bureau_admin: ['resolve', 'reassign'],
  },
  resolved: { resident_owner: ['rate'] },
  closed: {},
  declined: {},
};

describe('the ticket state machine', () => {
  for (const status of ticketStatuses) {
    for (const relation of relations) {
      const allowed = expected[status]?.[relation] ?? [];
      it(`offers ${relation} in ${status} exactly: ${allowed.join(', ') || 'nothing'}`, () => {
        expect(allowedActions(status, relation)).toEqual(allowed);
      });
    }
  }

  it('moves a ticket along the whole happy path', () => {
    expect(decide('submitted', 'room_liaison', 'accept')).toEqual({ ok: true, to: 'accepted' });
    expect(decide('accepted', 'assignee', 'contact')).toEqual({ ok: true, to: 'contacted' });
    expect(decide('contacted', 'assignee', 'resolve')).toEqual({ ok: true, to: 'resolved' });
    expect(decide('resolved', 'resident_owner', 'rate')).toEqual({ ok: true, to: 'closed' });
  });

  it('keeps the state when a street admin reassigns', () => {
    expect(decide('contacted', 'street_admin', 'reassign')).toEqual({ ok: true, to: 'contacted' });
  });

  it('ends a declined ticket', () => {
    expect(decide('submitted', 'assignee', 'decline')).toEqual({ ok: true, to: 'declined' });
  });

  it('refuses a step the actor may take, but not in this state, as a refused transition', () => {
    expect(decide('submitted', 'assignee', 'resolve')).toEqual({
      ok: false,
      refusal: 'transition_refused',
    });
    expect(decide('closed', 'resident_owner', 'rate')).toEqual({
      ok: false,
      refusal: 'transition_refused',
    });
  });

  it('refuses a step the actor may never take as forbidden', () => {
    for (const action of ticketActions) {
      expect(decide('submitted', 'unrelated', action)).toEqual({ ok: false, refusal: 'forbidden' });
    }
    expect(decide('resolved', 'assignee', 'rate')).toEqual({ ok: false, refusal: 'forbidden' });
    expect(decide('submitted', 'room_liaison', 'reassign')).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
    expect(decide('accepted', 'room_liaison', 'contact')).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
  });
});
