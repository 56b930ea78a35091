// The rules of public suggestions, kept free of I/O: the time limits, a campaign's phase on a
// day, and which staff step a suggestion's state allows.
import type {
  CampaignPhase,
  SuggestionSettings,
  SuggestionStatus,
  SuggestionStep,
} from '../../contract/suggestions.js';
import { addCalendarDays } from '../../domain/mediation-dates.js';
import { endOfShanghaiDay, shanghaiDate } from '../../domain/working-calendar.js';

/**
 * The default limits in calendar days: decide acceptance within 15 days, finish within 60. The
 * 《上海市人民建议征集若干规定》 Art 11 leaves the limits to "规定的时限" without fixing them;
 * these are the limits of 《上海市信访条例》 Art 34 and 37, taken as the fallback. The bureau can
 * set its own.
 */
export const defaultSuggestionSettings: SuggestionSettings = {
  acceptanceDays: 15,
  completionDays: 60,
};

/** The acceptance and completion deadlines of a suggestion received at `receivedAt`. */
export function suggestionDeadlines(receivedAt: Date, settings: SuggestionSettings) {
  // Counted from the day after receipt, to the end of the last day in Shanghai.
  const day = shanghaiDate(receivedAt);
  return {
    acceptanceDueAt: endOfShanghaiDay(addCalendarDays(day, settings.acceptanceDays)),
    completionDueAt: endOfShanghaiDay(addCalendarDays(day, settings.completionDays)),
  };
}

/**
 * Where a campaign stands at `now`: it takes suggestions from the start of its first day to the
 * end of its deadline day in Shanghai (the published 征集期限, Art 9).
 */
export function campaignPhase(startsOn: string, deadlineOn: string, now: Date): CampaignPhase {
  const today = shanghaiDate(now);
  if (today < startsOn) {
    return 'upcoming';
  }
  return today > deadlineOn ? 'closed' : 'open';
}

const stepsFrom: Record<SuggestionStatus, readonly SuggestionStep[]> = {
  submitted: ['accept', 'personal_claim'],
  accepted: ['handle', 'personal_claim'],
  handling: ['handle', 'decide'],
  closed: [],
  personal_claim: [],
};

/** The staff steps a suggestion in this state allows, in order. */
export function allowedSteps(status: SuggestionStatus): readonly SuggestionStep[] {
  return stepsFrom[status];
}

/** The state a step leads to. */
export function statusAfter(step: SuggestionStep): SuggestionStatus {
  switch (step) {
    case 'accept':
      return 'accepted';
    case 'handle':
      return 'handling';
    case 'decide':
      return 'closed';
    case 'personal_claim':
      return 'personal_claim';
  }
}

/** Whether a decision is published in the adopted list (采纳 and 部分采纳 only). */
export function isAdopted(level: string | null): boolean {
  return level === 'adopted' || level === 'partly_adopted';
}

/** A receipt code as a person types it, tidied: upper case, spaces removed, dashes kept. */
export function normalizeReceiptCode(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
}
