import {
  SUGGESTION_TEXT_MAX,
  SUGGESTION_TOPIC_MAX,
  type SubmitSuggestion,
} from '../../../contract/suggestions';
import { PERSON_NAME_MAX } from '../../../contract/tickets';
import { textLength } from '../../shared/text-length';
import { normalizePhone } from '../form/ticket-draft';

/** What the resident has typed so far. */
export interface SuggestionDraft {
  topic: string;
  reason: string;
  proposal: string;
  name: string;
  phone: string;
  publishConsent: boolean;
}

export const emptySuggestionDraft: SuggestionDraft = {
  topic: '',
  reason: '',
  proposal: '',
  name: '',
  phone: '',
  publishConsent: false,
};

/** A field of the form, named as the server names it. */
export type SuggestionField = 'topic' | 'reason' | 'proposal' | 'name' | 'phone';

const namePattern = /^[\p{L}\p{M}][\p{L}\p{M}·•.'\- ]*$/u;

function textProblem(text: string, max: number, field: SuggestionField): string | null {
  const length = textLength(text.trim());
  if (length === 0) {
    return `suggest.form.${field}.required`;
  }
  return length > max ? 'suggest.form.too_long' : null;
}

/** Locale keys of what is wrong before anything is sent. */
export function checkSuggestionDraft(d: SuggestionDraft): Partial<Record<SuggestionField, string>> {
  const problems: Partial<Record<SuggestionField, string>> = {};
  const texts = [
    ['topic', d.topic, SUGGESTION_TOPIC_MAX],
    ['reason', d.reason, SUGGESTION_TEXT_MAX],
    ['proposal', d.proposal, SUGGESTION_TEXT_MAX],
  ] as const;
  for (const [field, text, max] of texts) {
    const problem = textProblem(text, max, field);
    if (problem) {
      problems[field] = problem;
    }
  }
  const phone = normalizePhone(d.phone);
  if (phone && !/^1[3-9]\d{9}$/.test(phone)) {
    problems.phone = 'form.phone.invalid';
  }
  const name = d.name.trim().replace(/\s+/g, ' ');
  if (name && (!namePattern.test(name) || textLength(name) > PERSON_NAME_MAX)) {
    problems.name = 'form.name.invalid';
  }
  return problems;
}

/** The request body, leaving out what the resident left empty. */
export function toSubmitSuggestion(
  d: SuggestionDraft,
  campaignId: string | null,
): SubmitSuggestion {
  const phone = normalizePhone(d.phone);
  const name = d.name.trim().replace(/\s+/g, ' ');
  return {
    topic: d.topic.trim(),
    reason: d.reason.trim(),
    proposal: d.proposal.trim(),
    publishConsent: d.publishConsent,
    ownMatter: false,
    ...(campaignId ? { campaignId } : {}),
    ...(phone ? { phone } : {}),
    ...(name ? { name } : {}),
  };
}
