import type { TicketKind } from '../contract/tickets.js';
import { addWorkingDays, type WorkingCalendar } from './working-calendar.js';

/** Working-day limits for one ticket kind (or kind and matter). */
export interface DeadlinePolicy {
  firstContactDays: number;
  resolveDays: number;
}

/**
 * Default limits: 1 working day for consultations and suggestions, 5 for help, complaints and
 * reports (沪府办〔2018〕62号 docs/sources.md §4). The first-contact limit of 1 working
 * day is common practice, not a published rule [unverified]; the bureau can change both.
 */
export const defaultDeadlinePolicies: Record<TicketKind, DeadlinePolicy> = {
  consultation: { firstContactDays: 1, resolveDays: 1 },
  suggestion: { firstContactDays: 1, resolveDays: 1 },
  help: { firstContactDays: 1, resolveDays: 5 },
  complaint: { firstContactDays: 1, resolveDays: 5 },
  report: { firstContactDays: 1, resolveDays: 5 },
};

/** The deadlines a new ticket gets. */
export interface TicketDeadlines {
  firstContactDueAt: Date;
  resolveDueAt: Date;
  calendarFallback: boolean;
}

/** Computes a ticket's deadlines from its receipt time and policy. */
export function ticketDeadlines(
  calendar: WorkingCalendar,
  receivedAt: Date,
  policy: DeadlinePolicy,
): TicketDeadlines {
  const contact = addWorkingDays(calendar, receivedAt, policy.firstContactDays);
  const resolve = addWorkingDays(calendar, receivedAt, policy.resolveDays);
  return {
    firstContactDueAt: contact.dueAt,
    resolveDueAt: resolve.dueAt,
    calendarFallback: contact.fallback || resolve.fallback,
  };
}

/** Whether a due instant has passed without the step being done. */
export function isOverdue(dueAt: Date | null, doneAt: Date | null, now: Date): boolean {
  if (!dueAt) {
    return false;
  }
  const reference = doneAt ?? now;
  return reference.getTime() > dueAt.getTime();
}
