import { describe, expect, it } from 'vitest';
import { packageCalendar } from '../server/calendar/holiday-data.js';
import {
  addCalendarDays,
  daysLate,
  defaultCaseRules,
  dueAfter,
  earliestHearingDay,
  isCalendarDate,
  limitStanding,
  surchargeOf,
  surchargeOn,
} from './case-deadlines.js';
import type { WorkingCalendar } from './working-calendar.js';

const calendar: WorkingCalendar = { ...packageCalendar(), overrides: new Map() };
const rules = defaultCaseRules;

/** The instant a person reads as "that day, 23:59:59.999 in Shanghai". */
function endOf(date: string): string {
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
}

describe('the decision limit (《行政处罚法》第六十条)', () => {
  it('gives a case registered on 2 March 2026 until the end of 31 May 2026', () => {
    const due = dueAfter(calendar, '2026-03-02', rules.decision);
    expect(due.lastDay).toBe('2026-05-31');
    expect(due.dueAt.toISOString()).toBe(endOf('2026-05-31'));
    expect(due.fallback).toBe(false);
  });

  it('counts calendar days across the Labour Day holiday without stretching them', () => {
    expect(dueAfter(calendar, '2026-04-20', rules.decision).lastDay).toBe('2026-07-19');
  });
});

describe('the delivery limit (第六十一条, working days per 第八十五条)', () => {
  it('gives a decision of Wednesday 30 September 2026 until 15 October, after National Day', () => {
    // Working days: 8, 9, 10 (a swapped Saturday), 12, 13, 14, 15 October.
    expect(dueAfter(calendar, '2026-09-30', rules.delivery).lastDay).toBe('2026-10-15');
  });

  it('gives a decision of Thursday 24 September 2026, before Mid-Autumn, until 12 October', () => {
    // 25–27 September and 1–7 October are holidays: 28, 29, 30 September, 8, 9, 10, 12 October.
    expect(dueAfter(calendar, '2026-09-24', rules.delivery).lastDay).toBe('2026-10-12');
  });

  it('counts the same decision as 7 calendar days when the unit is set to calendar days', () => {
    const limit = { days: 7, unit: 'calendar' as const };
    expect(dueAfter(calendar, '2026-09-30', limit).lastDay).toBe('2026-10-07');
  });

  it('marks a limit that runs into a year the calendar does not know', () => {
    expect(dueAfter(calendar, '2026-12-28', rules.delivery).fallback).toBe(true);
  });
});

describe('the hearing (第六十四条)', () => {
  it('lets a party told on Thursday 30 April 2026 ask for a hearing until 11 May', () => {
    // 1–5 May are holidays; 9 May is a swapped working Saturday: 6, 7, 8, 9, 11 May.
    expect(dueAfter(calendar, '2026-04-30', rules.hearingRequest).lastDay).toBe('2026-05-11');
  });

  it('holds a hearing announced on 15 June 2026 no earlier than 26 June', () => {
    // 19 June (Dragon Boat) is a holiday: 16, 17, 18, 22, 23, 24, 25 June lie between.
    expect(earliestHearingDay(calendar, '2026-06-15', rules.hearingNotice).lastDay).toBe(
      '2026-06-26',
    );
  });
});

describe('payment and 加处罚款 (第六十七条, 第七十二条)', () => {
  const fine = 50_000; // 500 元

  it('gives a decision delivered on 16 March 2026 until 31 March to pay', () => {
    expect(dueAfter(calendar, '2026-03-16', rules.payment).lastDay).toBe('2026-03-31');
  });

  it('owes nothing more when paid on the last day', () => {
    expect(surchargeOn(fine, '2026-03-31', '2026-03-31', rules)).toEqual({
      daysLate: 0,
      surchargeFen: 0,
      totalFen: 50_000,
      capped: false,
    });
  });

  it('adds 150 元 to a 500 元 fine paid 10 days late', () => {
    expect(daysLate('2026-03-31', '2026-04-10')).toBe(10);
    expect(surchargeOn(fine, '2026-03-31', '2026-04-10', rules)).toEqual({
      daysLate: 10,
      surchargeFen: 15_000,
      totalFen: 65_000,
      capped: false,
    });
  });

  it('caps the surcharge at the 500 元 fine when paid 40 days late', () => {
    expect(surchargeOn(fine, '2026-03-31', '2026-05-10', rules)).toEqual({
      daysLate: 40,
      surchargeFen: 50_000,
      totalFen: 100_000,
      capped: true,
    });
  });

  it('stays below the cap on day 33 and reaches it on day 34', () => {
    expect(surchargeOf(fine, 33, 300)).toMatchObject({ surchargeFen: 49_500, capped: false });
    expect(surchargeOf(fine, 34, 300)).toMatchObject({ surchargeFen: 50_000, capped: true });
  });

  it('rounds the total down to a whole fen', () => {
    expect(surchargeOf(333, 1, 300).surchargeFen).toBe(9);
  });
});

describe('dates and standings', () => {
  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-1')).toBe(false);
  });

  it('adds calendar days across a month end', () => {
    expect(addCalendarDays('2026-01-31', 1)).toBe('2026-02-01');
  });

  it('tells running, met, late, overdue and lapsed apart', () => {
    const by = { sense: 'by' as const, partyWindow: false };
    expect(limitStanding('2026-05-31', null, '2026-05-31', by)).toBe('running');
    expect(limitStanding('2026-05-31', '2026-05-30', '2026-06-10', by)).toBe('met');
    expect(limitStanding('2026-05-31', '2026-06-01', '2026-06-10', by)).toBe('late');
    expect(limitStanding('2026-05-31', null, '2026-06-01', by)).toBe('overdue');
    const window = { sense: 'by' as const, partyWindow: true };
    expect(limitStanding('2026-05-11', null, '2026-05-12', window)).toBe('lapsed');
    const notBefore = { sense: 'not_before' as const, partyWindow: false };
    expect(limitStanding('2026-06-26', '2026-06-25', '2026-06-25', notBefore)).toBe('late');
    expect(limitStanding('2026-06-26', '2026-06-26', '2026-06-26', notBefore)).toBe('met');
  });
});
