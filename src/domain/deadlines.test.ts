import { describe, expect, it } from 'vitest';
import { packageCalendar } from '../server/calendar/holiday-data.js';
import { defaultDeadlinePolicies, isOverdue, ticketDeadlines } from './deadlines.js';
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from './working-calendar.js';

const calendar: WorkingCalendar = { ...packageCalendar(), overrides: new Map() };

/** An instant written as Shanghai local time. */
function local(text: string): Date {
  return new Date(`${text}+08:00`);
}

/** The instant a person reads as "that day, 23:59:59.999 in Shanghai". */
function endOf(date: string): string {
  return local(`${date}T23:59:59.999`).toISOString();
}

describe('working days in the Chinese calendar', () => {
  it('knows the 2025 National Day holiday and its swapped Saturdays', () => {
    expect(isWorkingDay(calendar, '2025-10-01')).toBe(false);
    expect(isWorkingDay(calendar, '2025-10-08')).toBe(false);
    expect(isWorkingDay(calendar, '2025-09-28')).toBe(true);
    expect(isWorkingDay(calendar, '2025-10-11')).toBe(true);
    expect(isWorkingDay(calendar, '2025-10-12')).toBe(false);
  });

  it('does not count the day of receipt', () => {
    const due = addWorkingDays(calendar, local('2025-11-03T09:00:00'), 1);
    expect(due.lastDay).toBe('2025-11-04');
  });

  it('counts a Friday evening receipt from the next Monday', () => {
    expect(addWorkingDays(calendar, local('2025-11-07T21:30:00'), 1).lastDay).toBe('2025-11-10');
  });

  it('uses the Shanghai date, not the UTC date, of a receipt after midnight', () => {
    // 2025-11-04 00:30 in Shanghai is still 2025-11-03 in UTC.
    expect(addWorkingDays(calendar, local('2025-11-04T00:30:00'), 1).lastDay).toBe('2025-11-05');
  });
});

describe('ticket deadlines', () => {
  it('gives a complaint filed the afternoon before National Day 2025 until 14 October', () => {
    // Working days after 30 Sep: 9, 10, 11 (Saturday, swapped), 13, 14 October.
    const d = ticketDeadlines(
      calendar,
      local('2025-09-30T15:20:00'),
      defaultDeadlinePolicies.complaint,
    );
    expect(d.resolveDueAt.toISOString()).toBe(endOf('2025-10-14'));
    expect(d.firstContactDueAt.toISOString()).toBe(endOf('2025-10-09'));
    expect(d.calendarFallback).toBe(false);
  });

  it('gives a consultation filed the same afternoon until 9 October', () => {
    const d = ticketDeadlines(
      calendar,
      local('2025-09-30T15:20:00'),
      defaultDeadlinePolicies.consultation,
    );
    expect(d.resolveDueAt.toISOString()).toBe(endOf('2025-10-09'));
  });

  it('counts the swapped Saturday before Spring Festival 2026', () => {
    // Working days after Fri 13 Feb 2026: 14 (Saturday, swapped), then 24, 25, 26, 27 February.
    const d = ticketDeadlines(calendar, local('2026-02-13T10:00:00'), defaultDeadlinePolicies.help);
    expect(d.resolveDueAt.toISOString()).toBe(endOf('2026-02-27'));
    expect(d.firstContactDueAt.toISOString()).toBe(endOf('2026-02-14'));
  });

  it('gives a suggestion filed on a 2025 Spring Festival holiday the next working day', () => {
    // Spring Festival 2025: 28 Jan – 4 Feb off; 26 Jan and 8 Feb are working Saturdays/Sundays.
    const d = ticketDeadlines(
      calendar,
      local('2025-01-30T11:00:00'),
      defaultDeadlinePolicies.suggestion,
    );
    expect(d.resolveDueAt.toISOString()).toBe(endOf('2025-02-05'));
  });

  it('falls back to weekends only for 2027, which the holiday package does not cover yet', () => {
    // After Wed 30 Dec 2026: 31 Dec, 1 Jan (a Friday, unknown holiday), 4, 5, 6 January.
    const d = ticketDeadlines(
      calendar,
      local('2026-12-30T10:00:00'),
      defaultDeadlinePolicies.complaint,
    );
    expect(d.resolveDueAt.toISOString()).toBe(endOf('2027-01-06'));
    expect(d.calendarFallback).toBe(true);
  });

  it('lets the bureau enter 2027 New Year as a holiday, which then wins', () => {
    const withOverride: WorkingCalendar = {
      ...calendar,
      overrides: new Map([['2027-01-01', 'holiday' as const]]),
    };
    expect(
      ticketDeadlines(withOverride, local('2026-12-30T10:00:00'), defaultDeadlinePolicies.complaint)
        .calendarFallback,
    ).toBe(true);
    withOverride.confirmedYears = new Set([2027]);
    const d = ticketDeadlines(
      withOverride,
      local('2026-12-30T10:00:00'),
      defaultDeadlinePolicies.complaint,
    );
    expect(d.resolveDueAt.toISOString()).toBe(endOf('2027-01-07'));
    expect(d.calendarFallback).toBe(false);
  });

  it('lets an override turn a package holiday into a working day', () => {
    const withOverride: WorkingCalendar = {
      ...calendar,
      overrides: new Map([['2025-10-01', 'workday' as const]]),
    };
    const d = addWorkingDays(withOverride, local('2025-09-30T15:20:00'), 1);
    expect(d.lastDay).toBe('2025-10-01');
  });
});

describe('overdue marks', () => {
  const due = local('2025-10-14T23:59:59.999');

  it('is not overdue until the due instant has passed', () => {
    expect(isOverdue(due, null, local('2025-10-14T23:59:00'))).toBe(false);
    expect(isOverdue(due, null, local('2025-10-15T00:00:01'))).toBe(true);
  });

  it('judges a finished step by when it was done', () => {
    expect(isOverdue(due, local('2025-10-14T18:00:00'), local('2025-11-01T00:00:00'))).toBe(false);
    expect(isOverdue(due, local('2025-10-15T09:00:00'), local('2025-10-15T10:00:00'))).toBe(true);
  });
});
