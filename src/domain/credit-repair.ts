/**
 * Credit repair (信用修复) of a published administrative-penalty record: the class of a decision,
 * its publication period and the earliest day its party may apply. The rules are those of
 * 国家发展改革委令第36号《信用修复管理办法》 (in force 2026-04-01) and 国办发〔2025〕22号: three classes
 * (轻微 not published as a rule, at most 3 months if published; 一般 3 months to 1 year; 严重 1 to
 * 3 years), counted from the date of the decision document; an application only after the
 * minimum period (轻微: as soon as the obligation is met); publication stops by itself at the
 * maximum. Every number is a setting (docs/credit-repair.md). Pure: today is passed in.
 */
import type { PartyKind } from './case-fines.js';

/** 轻微 / 一般 / 严重 失信信息. */
export const creditClasses = ['minor', 'general', 'serious'] as const;
export type CreditClass = (typeof creditClasses)[number];

/** The publication period of one class in months: from the decision, at least and at most. */
export interface PublicationPeriod {
  minMonths: number;
  maxMonths: number;
}

/** The settings of credit repair; the defaults and their sources are in defaultCreditRules. */
export interface CreditRules {
  periods: Record<CreditClass, PublicationPeriod>;
  /**
   * The fine up to which a penalty counts as 轻微 by default, in fen: the amounts of the simple
   * procedure (《行政处罚法》第五十一条: persons 200 元, organisations 3,000 元), which 令第36号 puts
   * in the 轻微 class. Linli records every case under the general procedure, so the amount is
   * the sign that the penalty is of the simple-procedure size.
   */
  minorFineFen: Record<PartyKind, number>;
  /** Working days to decide a complete application [unverified]. */
  decideWorkingDays: number;
  /** Working days from the decision to ending the publication [上海市社会信用条例 第三十八条]. */
  completeWorkingDays: number;
}

/** The defaults, each with its source in docs/credit-repair.md. */
export const defaultCreditRules: CreditRules = {
  periods: {
    minor: { minMonths: 0, maxMonths: 3 },
    general: { minMonths: 3, maxMonths: 12 },
    serious: { minMonths: 12, maxMonths: 36 },
  },
  minorFineFen: { person: 20_000, organisation: 300_000 },
  decideWorkingDays: 5,
  completeWorkingDays: 3,
};

/** What the class of a decision is read from. */
export interface DecisionFacts {
  kind: 'penalty' | 'no_penalty';
  fineFen: number | null;
  partyKind: PartyKind;
}

/**
 * The class a penalty decision has unless an officer sets another: a fine of simple-procedure
 * size is 轻微, any other fine 一般. 严重 (吊销许可证件, 限制从业 …) is never inferred from a fine:
 * 令第36号 names it for other kinds of penalty, so an officer sets it with a reason. A no-penalty
 * decision (《行政处罚法》第三十三条) is no 失信信息 at all: null.
 */
export function defaultCreditClass(d: DecisionFacts, rules: CreditRules): CreditClass | null {
  if (d.kind !== 'penalty') {
    return null;
  }
  return (d.fineFen ?? 0) <= rules.minorFineFen[d.partyKind] ? 'minor' : 'general';
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The last day of a period of `months` months starting on `date` (《民法典》第二百零二条): the
 * corresponding day of the last month, or that month's last day when it has none, so
 * 2026-01-31 + 3 months ends on 2026-04-30 and 2024-02-29 + 12 months on 2025-02-28.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return format(year, month, Math.min(d, lastOfMonth));
}

/** The calendar day after a date. */
export function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The later of two dates. */
function later(a: string, b: string): string {
  return a > b ? a : b;
}

/** Where the publication of one decision stands. */
export interface PublicationDates {
  /** The last day of the minimum period, or null for 轻微, which has none. */
  minLastDay: string | null;
  /** The last day it is published; it stops by itself after this day. */
  maxLastDay: string;
  /** The first day an application can be made for the period alone. */
  periodEarliestOn: string;
}

/** The publication dates of a decision of `cls` made on `decidedOn`. */
export function publicationDates(
  cls: CreditClass,
  decidedOn: string,
  rules: CreditRules,
): PublicationDates {
  const period = rules.periods[cls];
  const minLastDay = period.minMonths > 0 ? addMonths(decidedOn, period.minMonths) : null;
  return {
    minLastDay,
    maxLastDay: addMonths(decidedOn, period.maxMonths),
    // "最短公示期届满后方可申请": the day after the minimum period's last day.
    periodEarliestOn: minLastDay ? dayAfter(minLastDay) : decidedOn,
  };
}

/** A decision's repair standing on one day. */
export interface RepairStanding extends PublicationDates {
  cls: CreditClass;
  /** The day the obligation was met (paid, executed), or null while it is not. */
  obligationMetOn: string | null;
  /**
   * The first day both conditions of time hold: the period and the obligation. While the
   * obligation is not met this is the period's day alone.
   */
  earliestOn: string;
  /** Why an application on `today` would be refused; empty when it may be made. */
  blockers: RepairBlocker[];
}

/** Why an application cannot be made now. */
export type RepairBlocker = 'too_early' | 'obligation_unmet' | 'publication_ended';

/**
 * The standing of a decision on `today`: its dates, the earliest application day, and what
 * stands in the way. After the maximum period nothing is published any more, so there is
 * nothing to repair (令第36号: 最长公示期届满后自动停止公示).
 */
export function repairStanding(
  input: { cls: CreditClass; decidedOn: string; obligationMetOn: string | null; today: string },
  rules: CreditRules,
): RepairStanding {
  const dates = publicationDates(input.cls, input.decidedOn, rules);
  const earliestOn = input.obligationMetOn
    ? later(dates.periodEarliestOn, input.obligationMetOn)
    : dates.periodEarliestOn;
  const blockers: RepairBlocker[] = [];
  if (input.today > dates.maxLastDay) {
    blockers.push('publication_ended');
  } else {
    if (!input.obligationMetOn) {
      blockers.push('obligation_unmet');
    }
    if (input.today < earliestOn) {
      blockers.push('too_early');
    }
  }
  return { ...dates, cls: input.cls, obligationMetOn: input.obligationMetOn, earliestOn, blockers };
}

/**
 * The day the obligation of a penalty was met: the day the fine was paid; a case closed
 * without a payment (enforced through the court) counts from its closing day.
 */
export function obligationMetOn(c: { paidOn: string | null; closedOn: string | null }) {
  return c.paidOn ?? c.closedOn;
}
