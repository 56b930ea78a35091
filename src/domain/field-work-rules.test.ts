import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEEKLY_VISIT_TARGET,
  editableUntil,
  recordDateProblem,
  targetForWeek,
  weekCompliance,
} from './field-work-rules.js';

describe('the date of a visit', () => {
  it('may be today or up to 7 days back, never tomorrow', () => {
    expect(recordDateProblem('2026-01-05', '2026-01-05', 7)).toBeNull();
    expect(recordDateProblem('2025-12-29', '2026-01-05', 7)).toBeNull();
    expect(recordDateProblem('2025-12-28', '2026-01-05', 7)).toBe('too_old');
    expect(recordDateProblem('2026-01-06', '2026-01-05', 7)).toBe('future');
    expect(recordDateProblem('2026-02-30', '2026-03-01', 7)).toBe('not_a_date');
  });
});

describe('the edit window', () => {
  it('ends at 24:00 Shanghai time of the 7th day after the day of recording', () => {
    // Recorded at 23:30 on Sunday 4 January 2026 in Shanghai (15:30 UTC).
    const until = editableUntil(new Date('2026-01-04T15:30:00.000Z'));
    expect(until.toISOString()).toBe('2026-01-11T15:59:59.999Z');
  });
});

describe('the weekly visit target', () => {
  it('is 2 visits a week (实施办法 四（四）) until the bureau sets another', () => {
    expect(DEFAULT_WEEKLY_VISIT_TARGET).toBe(2);
    expect(targetForWeek([], '2026-W10')).toBe(2);
  });

  it('applies a new target from its week on and leaves earlier weeks alone', () => {
    const targets = [
      { fromWeek: '2026-W10', target: 3 },
      { fromWeek: '2026-W20', target: 1 },
    ];
    expect(targetForWeek(targets, '2026-W09')).toBe(2);
    expect(targetForWeek(targets, '2026-W10')).toBe(3);
    expect(targetForWeek(targets, '2026-W19')).toBe(3);
    expect(targetForWeek(targets, '2026-W53')).toBe(1);
    expect(targetForWeek([...targets, { fromWeek: '2026-W20', target: 4 }], '2026-W21')).toBe(4);
  });

  it('marks a week met at the target, and the running week in progress until then', () => {
    expect(weekCompliance(2, 2, '2026-W01', '2026-W02')).toEqual({
      visits: 2,
      target: 2,
      met: true,
      inProgress: false,
    });
    expect(weekCompliance(1, 2, '2026-W01', '2026-W02').inProgress).toBe(false);
    expect(weekCompliance(1, 2, '2026-W02', '2026-W02')).toEqual({
      visits: 1,
      target: 2,
      met: false,
      inProgress: true,
    });
  });
});
