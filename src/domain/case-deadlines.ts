import {
  addWorkingDays,
  endOfShanghaiDay,
  yearIsCovered,
  type WorkingCalendar,
} from './working-calendar.js';

/**
 * The time limits of an enforcement case (一般程序, docs/cases.md). Every limit is data: its number
 * of days and whether they are calendar days or working days of the Chinese calendar. Dates are
 * Shanghai calendar dates written YYYY-MM-DD; the day a period starts from is not counted and the
 * period ends at 24:00 of its last day (《民法典》第二百零一条、第二百零三条).
 */
export type DayUnit = 'calendar' | 'working';

/** A number of days in a unit. */
export interface TimeLimit {
  days: number;
  unit: DayUnit;
}

/** The thresholds above which a decision needs 法制审核 first (《行政处罚法》第五十八条). */
export interface LegalReviewRule {
  /** A fine on a person of at least this many fen. */
  personFen: number;
  /** A fine on an organisation of at least this many fen. */
  organisationFen: number;
  /** Whether every case in which a hearing was held needs the review. */
  afterHearing: boolean;
}

/** Every rule of the case clock the bureau can set. */
export interface CaseRules {
  /** From 立案 to the decision. */
  decision: TimeLimit;
  /** From the delivery of the 告知 to the last day a hearing can be asked for. */
  hearingRequest: TimeLimit;
  /** How long before the hearing the party must be told of it. */
  hearingNotice: TimeLimit;
  /** From the decision to its delivery. */
  delivery: TimeLimit;
  /** From the delivery of a fine to the last day of payment. */
  payment: TimeLimit;
  /** 加处罚款 per day late, in basis points of the fine (300 = 3 %). */
  surchargeBasisPointsPerDay: number;
  legalReview: LegalReviewRule;
}

/**
 * The defaults, from 《中华人民共和国行政处罚法》(2021):
 * - decision within 90 days of 立案 (第六十条), counted as calendar days;
 * - a hearing asked for within 5 days of the 告知 and announced 7 days before it is held
 *   (第六十四条), and a decision delivered within 7 days (第六十一条): 第八十五条 makes the
 *   "二日、三日、五日、七日" of the law working days (to verify against the official text);
 * - payment within 15 days of delivery (第六十七条), counted as calendar days;
 * - 加处罚款 of 3 % of the fine a day (第七十二条), capped at the fine (《行政强制法》第四十五条);
 * - 法制审核 at 5,000 元 for a person, 50,000 元 for an organisation, or after a hearing: the
 *   thresholds of one street's 目录 (控江路街道, docs/sources.md §2), not a national rule.
 */
export const defaultCaseRules: CaseRules = {
  decision: { days: 90, unit: 'calendar' },
  hearingRequest: { days: 5, unit: 'working' },
  hearingNotice: { days: 7, unit: 'working' },
  delivery: { days: 7, unit: 'working' },
  payment: { days: 15, unit: 'calendar' },
  surchargeBasisPointsPerDay: 300,
  legalReview: { personFen: 500_000, organisationFen: 5_000_000, afterHearing: true },
};

const DAY_MS = 24 * 3600 * 1000;

/** Whether a text is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return false;
  }
  const parsed = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`) / DAY_MS;
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** How many calendar days `later` is after `earlier` (negative when it is before). */
export function daysBetween(earlier: string, later: string): number {
  return dayNumber(later) - dayNumber(earlier);
}

/** When a limit counted from a day ends, and whether an unknown year made it weekends-only. */
export interface LimitDue {
  lastDay: string;
  dueAt: Date;
  fallback: boolean;
}

/** The last day of a limit counted from the day after `fromDay`, in the limit's unit. */
export function dueAfter(calendar: WorkingCalendar, fromDay: string, limit: TimeLimit): LimitDue {
  if (limit.unit === 'working') {
    // Noon of the day: addWorkingDays counts from the Shanghai date of the instant it is given.
    const due = addWorkingDays(calendar, new Date(`${fromDay}T12:00:00.000+08:00`), limit.days);
    return { lastDay: due.lastDay, dueAt: due.dueAt, fallback: due.fallback };
  }
  const lastDay = addCalendarDays(fromDay, limit.days);
  return { lastDay, dueAt: endOfShanghaiDay(lastDay), fallback: false };
}

/**
 * The first day a hearing may be held when the party is told of it on `noticeDay`: the whole
 * notice period (第六十四条: 七日前通知) lies between the notice and the hearing, neither counted.
 */
export function earliestHearingDay(
  calendar: WorkingCalendar,
  noticeDay: string,
  notice: TimeLimit,
): LimitDue {
  const end = dueAfter(calendar, noticeDay, notice);
  const day = addCalendarDays(end.lastDay, 1);
  const year = Number(day.slice(0, 4));
  return {
    lastDay: day,
    dueAt: endOfShanghaiDay(day),
    fallback: end.fallback || !yearIsCovered(calendar, year),
  };
}

/** Days of 加处罚款: every calendar day from the first day after the payment's last day. */
export function daysLate(paymentLastDay: string, paidOn: string): number {
  return Math.max(0, daysBetween(paymentLastDay, paidOn));
}

/** The 加处罚款 owed on a fine after some days late, in fen, and what the party then owes. */
export interface Surcharge {
  daysLate: number;
  surchargeFen: number;
  totalFen: number;
  /** The surcharge reached the amount of the fine and grows no more (《行政强制法》第四十五条). */
  capped: boolean;
}

/**
 * 加处罚款 (《行政处罚法》第七十二条): the daily rate of the fine for each day late, never more than
 * the fine itself (《行政强制法》第四十五条). Exact in whole fen: the total of all days is rounded
 * down once, so a party never owes a fraction of a fen more than the rate gives.
 */
export function surchargeOf(fineFen: number, days: number, basisPointsPerDay: number): Surcharge {
  const raw = Math.floor((fineFen * basisPointsPerDay * days) / 10_000);
  const surchargeFen = Math.min(raw, fineFen);
  return {
    daysLate: days,
    surchargeFen,
    totalFen: fineFen + surchargeFen,
    capped: days > 0 && raw >= fineFen,
  };
}

/** The surcharge on a fine whose payment was due by `paymentLastDay`, paid (or counted) on `on`. */
export function surchargeOn(
  fineFen: number,
  paymentLastDay: string,
  on: string,
  rules: Pick<CaseRules, 'surchargeBasisPointsPerDay'>,
): Surcharge {
  return surchargeOf(fineFen, daysLate(paymentLastDay, on), rules.surchargeBasisPointsPerDay);
}

/** Where a limit stands on `today`; a party's own window lapses instead of falling overdue. */
export type LimitStanding = 'running' | 'met' | 'late' | 'overdue' | 'lapsed' | 'waived';

/**
 * The standing of a limit whose last day is `lastDay`: done by then is met, done after is late,
 * not done and past is overdue (or lapsed, for a window the party may leave unused). A
 * 'not_before' limit (the earliest hearing day) is met by any day from it on.
 */
export function limitStanding(
  lastDay: string,
  doneOn: string | null,
  today: string,
  options: { sense: 'by' | 'not_before'; partyWindow: boolean },
): LimitStanding {
  if (options.sense === 'not_before') {
    if (doneOn === null) {
      return 'running';
    }
    return doneOn >= lastDay ? 'met' : 'late';
  }
  if (doneOn !== null) {
    return doneOn <= lastDay ? 'met' : 'late';
  }
  if (today <= lastDay) {
    return 'running';
  }
  return options.partyWindow ? 'lapsed' : 'overdue';
}
