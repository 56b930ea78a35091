// The time limits of one case: each computed once, when the stage it belongs to begins, and kept
// with the case as JSON (cases.limits), so a later change of the rules or the calendar never
// moves a limit already running. The row also keeps the next limit the officers owe
// (next_due_key, next_due_at), which the list sorts and filters by.
import type { CaseLimitKey, CaseStatus } from '../../contract/cases.js';
import type { CaseLimit } from '../../contract/case-views.js';
import {
  dueAfter,
  earliestHearingDay,
  limitStanding,
  type LimitDue,
  type TimeLimit,
} from '../../domain/case-deadlines.js';
import { endOfShanghaiDay } from '../../domain/working-calendar.js';
import type { WorkingCalendar } from '../../domain/working-calendar.js';
import type { CaseTable } from '../db/schema.js';

/** One limit as stored with the case. */
export interface StoredLimit {
  days: number | null;
  unit: TimeLimit['unit'] | null;
  sense: 'by' | 'not_before';
  lastDay: string;
  dueAt: string;
  fallback: boolean;
}

export type StoredLimits = Partial<Record<CaseLimitKey, StoredLimit>>;

/** Reads the limits stored with a case. */
export function readLimits(row: Pick<CaseTable, 'limits'>): StoredLimits {
  return JSON.parse(row.limits) as StoredLimits;
}

function stored(limit: TimeLimit, due: LimitDue, sense: StoredLimit['sense']): StoredLimit {
  return {
    days: limit.days,
    unit: limit.unit,
    sense,
    lastDay: due.lastDay,
    dueAt: due.dueAt.toISOString(),
    fallback: due.fallback,
  };
}

/** A limit that ends a number of days after `fromDay`. */
export function limitAfter(
  calendar: WorkingCalendar,
  fromDay: string,
  limit: TimeLimit,
): StoredLimit {
  return stored(limit, dueAfter(calendar, fromDay, limit), 'by');
}

/** The earliest day of a hearing announced on `noticeDay`. */
export function hearingLimit(
  calendar: WorkingCalendar,
  noticeDay: string,
  limit: TimeLimit,
): StoredLimit {
  return stored(limit, earliestHearingDay(calendar, noticeDay, limit), 'not_before');
}

/** A limit set by a date of the decision itself (the correction deadline). */
export function fixedLimit(lastDay: string): StoredLimit {
  const dueAt = endOfShanghaiDay(lastDay).toISOString();
  return { days: null, unit: null, sense: 'by', lastDay, dueAt, fallback: false };
}

/** The limit the officers (or, for payment and correction, the party) work to in each stage. */
function runningKey(row: NextDueRow): CaseLimitKey | null {
  switch (row.status as CaseStatus) {
    case 'registered':
    case 'investigating':
    case 'notified':
      return 'decision';
    case 'decided':
      return 'delivery';
    case 'delivered':
    case 'executing':
      if (row.decision_kind === 'penalty') {
        return row.paid_on || row.court_applied_on ? null : 'payment';
      }
      return row.follow_up_done ? null : 'correction';
    default:
      return null;
  }
}

/** What the next limit depends on. */
export interface NextDueRow {
  status: string;
  decision_kind: string | null;
  paid_on: string | null;
  court_applied_on: string | null;
  follow_up_done: boolean;
}

/** The next limit of a case in its state, for the columns the list filters by. */
export function nextDueColumns(row: NextDueRow, limits: StoredLimits) {
  const key = runningKey(row);
  const limit = key ? limits[key] : undefined;
  return {
    next_due_key: limit ? key : null,
    next_due_at: limit ? limit.dueAt : null,
  };
}

/** The date each limit was met on, from the case row. */
export interface DoneDates {
  decision: string | null;
  hearing_request: string | null;
  hearing_notice: string | null;
  delivery: string | null;
  payment: string | null;
  correction: string | null;
}

/** Party windows lapse rather than fall overdue: nobody owes the step. */
const partyWindows: readonly CaseLimitKey[] = ['hearing_request'];

/** The limits as the workbench shows them on `today`, in the order they come up. */
export function presentLimits(
  limits: StoredLimits,
  done: DoneDates,
  today: string,
  options: { hearingWaived: boolean; correction: string | null },
): CaseLimit[] {
  const keys: CaseLimitKey[] = [
    'decision',
    'hearing_request',
    'hearing_notice',
    'delivery',
    'payment',
    'correction',
  ];
  return keys.flatMap((key) => {
    const limit = limits[key];
    if (!limit) {
      return [];
    }
    const doneOn = done[key];
    let state = limitStanding(limit.lastDay, doneOn, today, {
      sense: limit.sense,
      partyWindow: partyWindows.includes(key),
    });
    // A party who waived the hearing has used the window, whatever day it is.
    if (key === 'hearing_request' && options.hearingWaived && doneOn === null) {
      state = 'waived';
    }
    // The check is made after the deadline; what it found decides whether the party complied.
    if (key === 'correction' && options.correction !== null) {
      state = options.correction === 'corrected' ? 'met' : 'overdue';
    }
    return [
      {
        key,
        days: limit.days,
        unit: limit.unit,
        sense: limit.sense,
        lastDay: limit.lastDay,
        dueAt: limit.dueAt,
        doneOn,
        state,
        calendarFallback: limit.fallback,
      },
    ];
  });
}
