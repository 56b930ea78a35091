import { describe, expect, it } from 'vitest';
import {
  closingOwesReinspection,
  reinspectionDueOn,
  reinspectionState,
  reminderStage,
} from './reinspection-rules.js';

/** Shanghai wall-clock time as an instant. */
const local = (text: string) => new Date(`${text}+08:00`);

describe('which closed cases owe a re-inspection', () => {
  const closed = { status: 'closed', closedAt: '2026-03-10T02:00:00.000Z' };

  it('counts an executed penalty and a no-penalty case found corrected', () => {
    expect(closingOwesReinspection({ ...closed, decisionKind: 'penalty', checkResult: null })).toBe(
      true,
    );
    expect(
      closingOwesReinspection({ ...closed, decisionKind: 'no_penalty', checkResult: 'corrected' }),
    ).toBe(true);
  });

  it('does not count a cancelled registration, an open case or a correction not made', () => {
    expect(
      closingOwesReinspection({
        status: 'cancelled',
        closedAt: null,
        decisionKind: null,
        checkResult: null,
      }),
    ).toBe(false);
    expect(
      closingOwesReinspection({
        status: 'executing',
        closedAt: null,
        decisionKind: 'penalty',
        checkResult: null,
      }),
    ).toBe(false);
    expect(
      closingOwesReinspection({
        ...closed,
        decisionKind: 'no_penalty',
        checkResult: 'not_corrected',
      }),
    ).toBe(false);
  });
});

describe('the due day', () => {
  it('is 9 April 2026 for a case closed on 10 March 2026 with 30 days', () => {
    expect(reinspectionDueOn(local('2026-03-10T16:30:00'), 30)).toBe('2026-04-09');
  });

  it('counts the Shanghai day of the closing: 23:30 on 31 March is 31 March, not 1 April', () => {
    expect(reinspectionDueOn(local('2026-03-31T23:30:00'), 30)).toBe('2026-04-30');
    expect(reinspectionDueOn(local('2026-04-01T00:10:00'), 7)).toBe('2026-04-08');
  });
});

describe('state and reminders', () => {
  it('is due through the due day and overdue from the day after', () => {
    expect(reinspectionState('2026-04-09', false, local('2026-04-09T23:59:00'))).toBe('due');
    expect(reinspectionState('2026-04-09', false, local('2026-04-10T00:00:00'))).toBe('overdue');
    expect(reinspectionState('2026-04-09', true, local('2026-05-01T00:00:00'))).toBe('done');
  });

  it('reminds from the day before the due day, then again once overdue', () => {
    expect(reminderStage('2026-04-09', local('2026-04-07T23:59:00'))).toBeNull();
    expect(reminderStage('2026-04-09', local('2026-04-08T00:00:00'))).toBe('soon_due');
    expect(reminderStage('2026-04-09', local('2026-04-09T18:00:00'))).toBe('soon_due');
    expect(reminderStage('2026-04-09', local('2026-04-10T08:00:00'))).toBe('overdue');
  });
});
