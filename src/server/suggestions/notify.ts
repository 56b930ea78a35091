// The SMS to a suggestion's proposer when it is decided (《上海市人民建议征集若干规定》 Art 12:
// daily suggestions are answered in writing, by phone, SMS or the web). Resolved by the outbox
// worker at send time, so the number is read from the suggestion then, never from the outbox.
import type { AdoptionLevel } from '../../contract/suggestions.js';
import { maskPhone } from '../../domain/personal-data.js';
import type { AppContext } from '../context.js';
import type { Resolution } from '../notifications/recipient.js';
import { renderText } from '../notifications/render.js';
import * as store from './store.js';

/** The adoption decision as the SMS words it. */
export const adoptionWords: Record<AdoptionLevel, string> = {
  adopted: '采纳',
  partly_adopted: '部分采纳',
  for_reference: '留作参考',
  not_adopted: '未采纳',
};

/** Whom the feedback SMS of a suggestion goes to and what it says, or why it is skipped. */
export async function resolveSuggestionFeedback(
  ctx: AppContext,
  suggestionId: string,
): Promise<Resolution> {
  const s = await store.findSuggestion(ctx.db, suggestionId);
  if (!s) {
    return { kind: 'skip', reason: 'ticket_gone' };
  }
  if (!s.proposer_phone_enc) {
    return { kind: 'skip', reason: 'no_reporter_phone' };
  }
  const phone = ctx.cipher.decrypt(s.proposer_phone_enc);
  const level = s.adoption_level as AdoptionLevel | null;
  const text = renderText('suggestion_feedback', {
    trackingCode: s.receipt_code,
    kind: 'suggestion',
    resolveDueAt: s.completion_due_at,
    place: '',
    decision: level ? adoptionWords[level] : '',
  });
  return { kind: 'send', to: phone, masked: maskPhone(phone), text };
}
