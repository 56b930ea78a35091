import { describe, expect, it } from 'vitest';
import {
  addWeeks,
  isCalendarDate,
  isIsoWeek,
  isoWeekOf,
  weekDays,
  weeksEndingWith,
  weeksInYear,
} from './iso-week.js';
import { shanghaiDate } from './working-calendar.js';

/** The ISO week of an instant written in Shanghai time, as a visit's date is taken. */
function weekAt(shanghaiTime: string): string {
  return isoWeekOf(shanghaiDate(new Date(`${shanghaiTime}+08:00`)));
}

describe('ISO weeks in Asia/Shanghai', () => {
  it('puts Sunday 2026-01-04 23:30 in 2026-W01, the week of the year’s first Thursday', () => {
    expect(weekAt('2026-01-04T23:30:00')).toBe('2026-W01');
    expect(weekDays('2026-W01')).toEqual({ monday: '2025-12-29', sunday: '2026-01-04' });
  });

  it('starts 2026-W02 at Monday 00:30 in Shanghai although it is still Sunday in UTC', () => {
    const instant = new Date('2026-01-05T00:30:00+08:00');
    expect(instant.toISOString()).toBe('2026-01-04T16:30:00.000Z');
    expect(weekAt('2026-01-05T00:30:00')).toBe('2026-W02');
  });

  it('keeps Sunday 23:59 in the old week and Monday 00:00 in the new one', () => {
    expect(weekAt('2026-03-08T23:59:59')).toBe('2026-W10');
    expect(weekAt('2026-03-09T00:00:00')).toBe('2026-W11');
  });

  it('counts 29 to 31 December 2025 in 2026-W01', () => {
    expect(isoWeekOf('2025-12-28')).toBe('2025-W52');
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
    expect(isoWeekOf('2025-12-31')).toBe('2026-W01');
  });

  it('gives 2026 a 53rd week from Monday 28 December to Sunday 3 January 2027', () => {
    expect(isoWeekOf('2026-12-28')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    expect(weekDays('2026-W53')).toEqual({ monday: '2026-12-28', sunday: '2027-01-03' });
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
  });

  it('knows which week names exist', () => {
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-W1')).toBe(false);
    expect(isIsoWeek('2026W01')).toBe(false);
  });

  it('steps over the year end in both directions', () => {
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2026-W01', -1)).toBe('2025-W52');
    expect(weeksEndingWith('2026-W02', 4)).toEqual([
      '2025-W51',
      '2025-W52',
      '2026-W01',
      '2026-W02',
    ]);
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-1-05')).toBe(false);
  });
});
