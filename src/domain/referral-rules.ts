// The rules of a referral, pure: deadlines, the overdue mark, the department's
// steps and the scrubbing of phone numbers from text a department reads. Time is passed in.
import type { ReferralStatus, ReferralStep } from '../contract/referrals.js';
import {
  addWorkingDays,
  endOfShanghaiDay,
  shanghaiDate,
  type WorkingCalendar,
} from './working-calendar.js';

const DAY_MS = 24 * 3600 * 1000;

/** 城管条例 Art 29: the department gives its written opinion within 10 (calendar) days. */
export const REPLY_DAYS = 10;

/** 城管条例 Art 26: a matter outside the bureau's duties is transferred within 3 working days. */
export const TRANSFER_WORKING_DAYS = 3;

/**
 * The end of a department's reply period: 10 calendar days after the day it received the notice,
 * that day not counted, ending at 24:00 Shanghai (城管条例 Art 29; 《民法典》第二百零一条).
 */
export function replyDueAt(sentAt: Date): Date {
  const start = Date.parse(`${shanghaiDate(sentAt)}T00:00:00.000Z`);
  const lastDay = new Date(start + REPLY_DAYS * DAY_MS).toISOString().slice(0, 10);
  return endOfShanghaiDay(lastDay);
}

/** The end of the 3 working days a transfer must be sent in, counted from the ticket's receipt. */
export function transferDueAt(calendar: WorkingCalendar, receivedAt: Date): Date {
  return addWorkingDays(calendar, receivedAt, TRANSFER_WORKING_DAYS).dueAt;
}

/** Whether a transfer sent at `sentAt` missed the Art 26 limit. */
export function isSentLate(dueAt: Date, sentAt: Date): boolean {
  return sentAt.getTime() > dueAt.getTime();
}

/** States in which the department still owes its written reply. */
export const awaitingReply: readonly ReferralStatus[] = ['sent', 'accepted'];

/**
 * Overdue: the reply deadline has passed while the department has neither answered nor declined.
 */
export function isReferralOverdue(status: ReferralStatus, dueAt: Date | null, now: Date): boolean {
  return dueAt !== null && awaitingReply.includes(status) && now.getTime() > dueAt.getTime();
}

/** Whether a reply came after its deadline. */
export function isRepliedLate(dueAt: Date | null, repliedAt: Date | null): boolean {
  return dueAt !== null && repliedAt !== null && repliedAt.getTime() > dueAt.getTime();
}

/** Each department step, the states it may be taken from, and the state it leads to. */
const steps: Record<ReferralStep, { from: readonly ReferralStatus[]; to: ReferralStatus }> = {
  accept: { from: ['sent'], to: 'accepted' },
  decline: { from: ['sent', 'accepted'], to: 'declined' },
  answer: { from: ['sent', 'accepted'], to: 'answered' },
};

/** The state a step leads to, or null when it may not be taken in this state. */
export function nextReferralStatus(
  status: ReferralStatus,
  step: ReferralStep,
): ReferralStatus | null {
  const rule = steps[step];
  return rule.from.includes(status) ? rule.to : null;
}

/** The steps a department may take now, in a stable order: exactly the buttons to show. */
export function allowedReferralSteps(status: ReferralStatus): ReferralStep[] {
  return (Object.keys(steps) as ReferralStep[]).filter((s) => nextReferralStatus(status, s));
}

// A mainland mobile number as people write it: ASCII or full-width digits, optionally +86, with
// spaces or dashes between digit groups, not part of a longer number.
const digit = '[0-9\\uFF10-\\uFF19]';
const gap = '[\\s\\-\\u2010-\\u2015\\u200B-\\u200D]?';
const mobile = new RegExp(
  `(?<![0-9\\uFF10-\\uFF19])(?:(?:\\+|\\uFF0B)?(?:86|\\uFF18\\uFF16)${gap})?` +
    `[1\\uFF11]${gap}[3-9\\uFF13-\\uFF19](?:${gap}${digit}){9}(?![0-9\\uFF10-\\uFF19])`,
  'g',
);

// A mobile number masked as staff see it (138****8000): it still narrows down who reported.
const maskedMobile = new RegExp(
  `(?<![0-9\\uFF10-\\uFF19])[1\\uFF11][3-9\\uFF13-\\uFF19]${digit}[*\\uFF0A]{4}${digit}{4}` +
    `(?![0-9\\uFF10-\\uFF19])`,
  'g',
);

/** What replaces a phone number in text shown to a department. */
export const REDACTED_PHONE = '[号码已隐去]';

/**
 * Removes mobile numbers from free text a department reads. A resident may write their number
 * into the description; the department must never learn who reported (城管条例 Art 26).
 */
export function redactPhones(text: string): string {
  return text.replace(mobile, REDACTED_PHONE).replace(maskedMobile, REDACTED_PHONE);
}
