// A suggestion received: from the resident's online form, or registered by staff from another
// channel (a letter, a 12345 order, a call). The proposer's name and phone are stored encrypted,
// with their masked forms and the phone's keyed digest beside them; the deadlines come from the
// bureau's limits in force on the day of receipt.
import type {
  RegisterSuggestion,
  SubmitSuggestion,
  SuggestionChannel,
  SuggestionReceipt,
} from '../../contract/suggestions.js';
import {
  maskName,
  maskPhone,
  normalizePersonName,
  normalizeText,
} from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { residentPhoneDigest } from '../crypto/phone-digest.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId, randomBase32, sha256Hex } from '../ids.js';
import { openCampaign } from './campaigns.js';
import { suggestionDeadlines } from './rules.js';
import { suggestionSettings } from './settings.js';
import * as store from './store.js';

/** The private access token of a suggestion: derived with the data key, stored only as a hash. */
export function suggestionAccessToken(ctx: AppContext, id: string): string {
  return ctx.cipher.mac('suggestion-access', id).subarray(0, 20).toString('base64url');
}

/** The resident page of a suggestion. */
export function suggestionFollowPath(ctx: AppContext, id: string): string {
  return `/suggest/r/${suggestionAccessToken(ctx, id)}`;
}

/** A receipt code people read aloud: JY- and two groups of five base32 characters (50 bits). */
export function newReceiptCode(): string {
  const code = randomBase32(10);
  return `JY-${code.slice(0, 5)}-${code.slice(5)}`;
}

type Received = Omit<SubmitSuggestion, 'ownMatter'> & { channel: SuggestionChannel };

async function receive(
  ctx: AppContext,
  input: Received,
  by: StaffActor | null,
  requestId: string | null,
): Promise<SuggestionReceipt> {
  const campaign = input.campaignId ? await openCampaign(ctx, input.campaignId) : null;
  const settings = await suggestionSettings(ctx);
  const now = ctx.now();
  const due = suggestionDeadlines(now, settings);
  const id = newId();
  const at = now.toISOString();
  const name = input.name ? normalizePersonName(input.name) : null;
  const phone = input.phone ?? null;
  const receiptCode = newReceiptCode();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertSuggestion(trx, {
      id,
      receipt_code: receiptCode,
      access_hash: sha256Hex(suggestionAccessToken(ctx, id)),
      campaign_id: campaign?.id ?? null,
      // A street admin's registration stays in their street, so they can go on handling it.
      street_id: campaign?.street_id ?? (by?.role === 'street_admin' ? by.streetId : null),
      channel: input.channel,
      topic: normalizeText(input.topic),
      reason: normalizeText(input.reason),
      proposal: normalizeText(input.proposal),
      proposer_name_enc: name ? ctx.cipher.encrypt(name) : null,
      proposer_name_masked: name ? maskName(name) : null,
      proposer_phone_enc: phone ? ctx.cipher.encrypt(phone) : null,
      proposer_phone_masked: phone ? maskPhone(phone) : null,
      proposer_phone_digest: phone ? residentPhoneDigest(ctx.cipher, phone) : null,
      publish_consent: input.publishConsent ? 1 : 0,
      status: 'submitted',
      acceptance_due_at: due.acceptanceDueAt.toISOString(),
      completion_due_at: due.completionDueAt.toISOString(),
      created_by: by?.id ?? null,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, ctx, {
      actorKind: by ? staffActorKind(by.role) : 'resident',
      actorId: by?.id ?? null,
      action: by ? 'suggestion.register' : 'suggestion.submit',
      recordType: 'suggestion',
      recordId: id,
      // Which personal fields were given, never their values.
      detail: {
        channel: input.channel,
        campaignId: campaign?.id ?? null,
        name: name ? 'given' : 'none',
        phone: phone ? 'given' : 'none',
      },
      requestId,
    });
  });
  const accessToken = suggestionAccessToken(ctx, id);
  return { receiptCode, accessToken, followPath: `/suggest/r/${accessToken}`, createdAt: at };
}

/**
 * Takes a resident's suggestion from the online form, to an open campaign or as a daily one. A
 * suggestion about the resident's own matter is refused (《上海市人民建议征集若干规定》 Art 10: a
 * personal claim is not a 人民建议); the form sends it the ticket way instead.
 */
export async function submitSuggestion(
  ctx: AppContext,
  input: SubmitSuggestion,
): Promise<SuggestionReceipt> {
  if (input.ownMatter) {
    throw new AppError('personal_matter', [
      fieldIssue(
        'ownMatter',
        '个人诉求请通过楼栋联络牌提交（咨询、求助、投诉）',
        'a personal matter is filed as a request at your building',
      ),
    ]);
  }
  return receive(ctx, { ...input, channel: 'online' }, null, null);
}

/** Registers a suggestion that came by another channel; the street and bureau admins may. */
export async function registerSuggestion(
  ctx: AppContext,
  actor: StaffActor,
  input: RegisterSuggestion,
  requestId: string | null = null,
): Promise<SuggestionReceipt> {
  if (actor.role !== 'bureau_admin' && actor.role !== 'street_admin') {
    throw new AppError('forbidden');
  }
  return receive(ctx, input, actor, requestId);
}
