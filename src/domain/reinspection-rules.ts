/**
 * Re-inspections (回头看) of a corrected violation: which closed cases get one, the day it is due,
 * where it stands and when its liaisons are reminded. Calendar days in Asia/Shanghai, not working
 * days: a 群租 comes back on a Sunday as readily as on a Monday (DOMAIN §9.1, P20). Pure: "now"
 * is passed in.
 */
import { addDays } from './iso-week.js';
import { shanghaiDate } from './working-calendar.js';

/**
 * Calendar days from the closing of a case to its re-inspection when the bureau sets nothing:
 * practice (the choice), not a published rule; REINSPECTION_DAYS changes it.
 */
export const DEFAULT_REINSPECTION_DAYS = 30;

/**
 * The matters whose corrected cases get a re-inspection when the bureau sets nothing: 群租 (QZ),
 * 违法搭建 (WFDJ) and 楼道堆物 (LDDW) of the matter catalogue, the three that residents and
 * officers report coming back (DOMAIN §9.1, §9.9). REINSPECTION_MATTERS changes the list.
 */
export const DEFAULT_REINSPECTION_MATTERS: readonly string[] = ['QZ', 'WFDJ', 'LDDW'];

/** What the rule reads of a case. */
export interface ClosedCaseFacts {
  status: string;
  decisionKind: 'penalty' | 'no_penalty' | null;
  /** The follow-up check of a no-penalty decision: 'corrected' or 'not_corrected'. */
  checkResult: string | null;
  closedAt: string | null;
}

/**
 * Whether a case ended with the violation dealt with, so that a re-inspection is owed: closed
 * (结案) after a penalty was executed (paid, or handed to the court, 《行政处罚法》第七十二条), or
 * after a no-penalty decision whose follow-up found the violation corrected (第三十三条). A
 * cancelled registration (撤销立案), a case never registered, and a no-penalty case closed although
 * the check found it not corrected (the ticket is told it "将依法另行处理") owe none.
 */
export function closingOwesReinspection(c: ClosedCaseFacts): boolean {
  if (c.status !== 'closed' || c.closedAt === null) {
    return false;
  }
  return (
    c.decisionKind === 'penalty' ||
    (c.decisionKind === 'no_penalty' && c.checkResult === 'corrected')
  );
}

/** The day a re-inspection is due: the Shanghai calendar day of the closing plus `days`. */
export function reinspectionDueOn(closedAt: Date, days: number): string {
  return addDays(shanghaiDate(closedAt), days);
}

/** Where a re-inspection stands; overdue is derived, never stored. */
export type ReinspectionState = 'due' | 'overdue' | 'done';

/** A re-inspection not done is overdue from the day after its due day (Shanghai). */
export function reinspectionState(dueOn: string, done: boolean, now: Date): ReinspectionState {
  if (done) {
    return 'done';
  }
  return shanghaiDate(now) > dueOn ? 'overdue' : 'due';
}

/** Which reminder a re-inspection not done has earned now, if any. */
export type ReminderStage = 'soon_due' | 'overdue';

/**
 * The reminder owed now: 'soon_due' from the start of the day before the due day ("due within a
 * day"), 'overdue' from the day after it; null before that.
 */
export function reminderStage(dueOn: string, now: Date): ReminderStage | null {
  const today = shanghaiDate(now);
  if (today > dueOn) {
    return 'overdue';
  }
  return today >= addDays(dueOn, -1) ? 'soon_due' : null;
}
