import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from './working-calendar.js';
import { packageCalendar } from '../server/calendar/holiday-data.js';
import {
  allowedReferralSteps,
  isReferralOverdue,
  isSentLate,
  nextReferralStatus,
  redactPhones,
  REDACTED_PHONE,
  replyDueAt,
  transferDueAt,
} from './referral-rules.js';

const calendar: WorkingCalendar = { ...packageCalendar(), overrides: new Map() };

function local(text: string): Date {
  return new Date(`${text}+08:00`);
}

describe('the written reply a department owes (城管条例 Art 29)', () => {
  it('is due at the end of 10 October 2025 for a referral sent at 15:00 on 30 September', () => {
    expect(replyDueAt(local('2025-09-30T15:00:00')).toISOString()).toBe(
      local('2025-10-10T23:59:59.999').toISOString(),
    );
  });

  it('counts calendar days, holidays included, from the Shanghai date of sending', () => {
    // 00:30 on 1 October in Shanghai is still 30 September in UTC.
    expect(replyDueAt(local('2025-10-01T00:30:00')).toISOString()).toBe(
      local('2025-10-11T23:59:59.999').toISOString(),
    );
  });

  it('is overdue only once the due instant has passed, and never once answered or declined', () => {
    const due = local('2025-10-10T23:59:59.999');
    expect(isReferralOverdue('sent', due, local('2025-10-10T23:59:59.000'))).toBe(false);
    expect(isReferralOverdue('sent', due, local('2025-10-11T00:00:00.000'))).toBe(true);
    expect(isReferralOverdue('accepted', due, local('2025-10-11T00:00:00.000'))).toBe(true);
    expect(isReferralOverdue('answered', due, local('2025-10-20T00:00:00.000'))).toBe(false);
    expect(isReferralOverdue('declined', due, local('2025-10-20T00:00:00.000'))).toBe(false);
    expect(isReferralOverdue('sent', null, local('2025-10-20T00:00:00.000'))).toBe(false);
  });
});

describe('the transfer of an out-of-scope matter (城管条例 Art 26)', () => {
  // Working days after 30 Sep 2025: 9, 10 and 11 October (a swapped Saturday).
  const due = transferDueAt(calendar, local('2025-09-30T15:00:00'));

  it('must be sent within 3 working days of receipt: by the end of 11 October 2025', () => {
    expect(due.toISOString()).toBe(local('2025-10-11T23:59:59.999').toISOString());
  });

  it('is in time on 10 October and late on 13 October', () => {
    expect(isSentLate(due, local('2025-10-10T10:00:00'))).toBe(false);
    expect(isSentLate(due, local('2025-10-13T09:00:00'))).toBe(true);
  });
});

describe("a department's steps", () => {
  it('accepts, then answers or declines; nothing follows an answer or a refusal', () => {
    expect(allowedReferralSteps('sent')).toEqual(['accept', 'decline', 'answer']);
    expect(allowedReferralSteps('accepted')).toEqual(['decline', 'answer']);
    expect(allowedReferralSteps('answered')).toEqual([]);
    expect(allowedReferralSteps('declined')).toEqual([]);
    expect(nextReferralStatus('sent', 'accept')).toBe('accepted');
    expect(nextReferralStatus('accepted', 'answer')).toBe('answered');
    expect(nextReferralStatus('answered', 'decline')).toBeNull();
  });
});

describe('phone numbers in text a department reads', () => {
  it('are removed however they are written', () => {
    for (const written of [
      '13800138000',
      '138 0013 8000',
      '138-0013-8000',
      '+86 13800138000',
      '１３８００１３８０００',
      '138****8000',
    ]) {
      expect(redactPhones(`请回电${written}，谢谢`)).toBe(`请回电${REDACTED_PHONE}，谢谢`);
    }
  });

  it('leaves other numbers alone', () => {
    const text = '12号楼302室，2025年10月1日，面积138平方米，编号310110016';
    expect(redactPhones(text)).toBe(text);
  });
});
