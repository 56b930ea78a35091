import { describe, expect, it } from 'vitest';
import {
  allowedMediationSteps,
  decideMediationStep,
  type MediationFacts,
} from './mediation-machine.js';
import {
  addCalendarDays,
  defaultCheckDate,
  isCheckOverdue,
  judicialConfirmationLastDay,
} from './mediation-dates.js';
import type { WorkingCalendar } from './working-calendar.js';

const facts = (over: Partial<MediationFacts> = {}): MediationFacts => ({
  status: 'open',
  hasCommitteeMediator: true,
  checkResult: null,
  hasFollowup: false,
  ...over,
});

describe('the mediation state machine', () => {
  it('offers a new mediation a session or an end, nothing else', () => {
    expect(allowedMediationSteps(facts(), 'community_liaison')).toEqual(['add_session', 'end']);
  });

  it('moves to in_session with the first session and stays there with the next', () => {
    expect(decideMediationStep(facts(), 'mediator', 'add_session')).toEqual({
      ok: true,
      to: 'in_session',
    });
    expect(decideMediationStep(facts({ status: 'in_session' }), 'mediator', 'add_session')).toEqual(
      { ok: true, to: 'in_session' },
    );
  });

  it('records an agreement only after a session (Art 27: the mediation is on record)', () => {
    expect(decideMediationStep(facts(), 'mediator', 'record_written')).toEqual({
      ok: false,
      refusal: 'not_in_this_state',
    });
    expect(allowedMediationSteps(facts({ status: 'in_session' }), 'street_admin')).toEqual([
      'add_session',
      'record_written',
      'record_oral',
      'end',
    ]);
  });

  it('refuses a written agreement without a mediator of the people’s mediation committee', () => {
    const f = facts({ status: 'in_session', hasCommitteeMediator: false });
    expect(decideMediationStep(f, 'mediator', 'record_written')).toEqual({
      ok: false,
      refusal: 'committee_mediator_required',
    });
    expect(decideMediationStep(f, 'mediator', 'record_oral')).toEqual({
      ok: true,
      to: 'agreed_oral',
    });
  });

  it('checks the agreement is performed once, then allows a follow-up if not', () => {
    const agreed = facts({ status: 'agreed_written' });
    expect(allowedMediationSteps(agreed, 'bureau_admin')).toEqual([
      'schedule_check',
      'record_check',
    ]);
    expect(decideMediationStep(agreed, 'mediator', 'record_check')).toEqual({
      ok: true,
      to: 'performance_checked',
    });
    const performed = facts({ status: 'performance_checked', checkResult: 'performed' });
    expect(allowedMediationSteps(performed, 'mediator')).toEqual([]);
    const notPerformed = facts({ status: 'performance_checked', checkResult: 'not_performed' });
    expect(allowedMediationSteps(notPerformed, 'mediator')).toEqual(['set_followup']);
    const partly = facts({ status: 'performance_checked', checkResult: 'partly' });
    expect(allowedMediationSteps(partly, 'mediator')).toEqual(['set_followup']);
  });

  it('names a follow-up after an end without agreement, only once', () => {
    const ended = facts({ status: 'ended_no_agreement' });
    expect(allowedMediationSteps(ended, 'community_liaison')).toEqual(['set_followup']);
    expect(allowedMediationSteps({ ...ended, hasFollowup: true }, 'community_liaison')).toEqual([]);
  });

  it('lets nobody unrelated take any step', () => {
    for (const status of ['open', 'in_session', 'agreed_written'] as const) {
      expect(allowedMediationSteps(facts({ status }), 'unrelated')).toEqual([]);
    }
    expect(decideMediationStep(facts(), 'unrelated', 'add_session')).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
  });
});

const calendar: WorkingCalendar = {
  holidays: new Set([
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ]),
  swappedWorkdays: new Set(['2025-09-28', '2025-10-11']),
  packageYears: new Set([2025]),
  overrides: new Map(),
};

describe('the dates of a mediation', () => {
  it('adds calendar days across month ends', () => {
    expect(addCalendarDays('2025-10-09', 30)).toBe('2025-11-08');
    expect(addCalendarDays('2025-12-20', 14)).toBe('2026-01-03');
  });

  it('gives 30 days from the agreement for judicial confirmation (Art 33)', () => {
    // Signed Friday 2025-10-10: the 30th day is Sunday 9 November, so the period ends Monday.
    expect(judicialConfirmationLastDay(calendar, '2025-10-10')).toBe('2025-11-10');
    // Signed Wednesday 2025-10-15: the 30th day, Friday 14 November, is a working day.
    expect(judicialConfirmationLastDay(calendar, '2025-10-15')).toBe('2025-11-14');
    // Signed 2025-09-02: the 30th day is 2 October, inside the National Day holiday.
    expect(judicialConfirmationLastDay(calendar, '2025-09-02')).toBe('2025-10-09');
  });

  it('checks performance the configured days after the deadline, or after the day agreed', () => {
    expect(defaultCheckDate('2025-10-31', '2025-10-10', 7)).toBe('2025-11-07');
    expect(defaultCheckDate(null, '2025-10-10', 7)).toBe('2025-10-17');
  });

  it('calls a check overdue the day after its date in Shanghai, until a result is recorded', () => {
    expect(isCheckOverdue('2025-11-07', false, new Date('2025-11-07T15:59:59Z'))).toBe(false);
    expect(isCheckOverdue('2025-11-07', false, new Date('2025-11-07T16:00:00Z'))).toBe(true);
    expect(isCheckOverdue('2025-11-07', true, new Date('2025-11-20T00:00:00Z'))).toBe(false);
  });
});
