// The staff steps of a suggestion: acknowledge (受理), handle (办理, with the handling unit and
// notes), decide the adoption with feedback to the proposer (Art 12), or find it a personal claim
// (Art 10), optionally filed as a ticket at the building it is about.
import type { Transaction, Updateable } from 'kysely';
import type { z } from 'zod';
import type {
  StaffSuggestion,
  SuggestionStatus,
  SuggestionStep,
} from '../../contract/suggestions.js';
import { suggestionStepSchemas } from '../../contract/suggestions.js';
import { DESCRIPTION_MAX } from '../../contract/tickets.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { Database, SuggestionTable } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { enqueueSuggestionFeedback } from '../notifications/service.js';
import { getBuildingContext } from '../org/service.js';
import { checkMatter, prepareTicket, writeTicket, type PreparedTicket } from '../tickets/intake.js';
import { allowedSteps, isAdopted, statusAfter } from './rules.js';
import { getStaffSuggestion, loadVisibleSuggestion } from './service.js';
import * as store from './store.js';

type StepBody<S extends SuggestionStep> = z.infer<(typeof suggestionStepSchemas)[S]>;

/** One step as the route hands it over. */
export type StepInput = {
  [S in SuggestionStep]: { step: S } & StepBody<S>;
}[SuggestionStep];

type Changes = Updateable<SuggestionTable>;

function changesOf(input: StepInput, actorId: string, at: string): Changes {
  switch (input.step) {
    case 'accept':
      return { accepted_at: at, accepted_by: actorId };
    case 'handle':
      return {
        handling_unit: normalizeText(input.handlingUnit),
        handling_notes: normalizeText(input.notes),
        handled_at: at,
        handled_by: actorId,
      };
    case 'decide':
      return {
        adoption_level: input.adoptionLevel,
        // What it became (Art 13) applies only to what was taken up.
        conversion_type: isAdopted(input.adoptionLevel) ? (input.conversionType ?? null) : null,
        feedback: normalizeText(input.feedback),
        decided_at: at,
        decided_by: actorId,
      };
    case 'personal_claim':
      return { claim_reason: normalizeText(input.reason) };
  }
}

type Loaded = Awaited<ReturnType<typeof loadVisibleSuggestion>>;

/** The ticket a personal claim is filed as, at the building with the given code. */
async function claimTicket(
  ctx: AppContext,
  actor: StaffActor,
  s: Loaded,
  ticket: NonNullable<StepBody<'personal_claim'>['ticket']>,
): Promise<PreparedTicket> {
  const issue = (zh: string, en: string) =>
    new AppError('validation_failed', [fieldIssue('ticket.buildingCode', zh, en)]);
  const token = await store.findPlacardTokenOfBuilding(ctx.db, ticket.buildingCode);
  const place = token ? await getBuildingContext(ctx.db, token).catch(() => null) : null;
  if (!place) {
    throw issue('没有找到该楼栋', 'no such building');
  }
  if (actor.role === 'street_admin' && place.streetId !== actor.streetId) {
    throw issue('该楼栋不在本街道', 'not a building of your street');
  }
  await checkMatter(ctx, ticket.matterCode ?? null);
  const text = [s.topic, s.reason, s.proposal].join('\n\n');
  return prepareTicket(ctx, {
    kind: ticket.kind,
    matterCode: ticket.matterCode ?? null,
    description: [...text].slice(0, DESCRIPTION_MAX).join(''),
    photoIds: [],
    channel: 'suggestion',
    place,
    idempotencyKey: null,
    requestHash: `suggestion:${s.id}`,
    // The proposer becomes the reporter, so the ticket's replies reach them as a ticket's do.
    phone: s.proposer_phone_enc ? ctx.cipher.decrypt(s.proposer_phone_enc) : null,
    reporterName: s.proposer_name_enc ? ctx.cipher.decrypt(s.proposer_name_enc) : null,
    submitter: { kind: 'staff', staffId: actor.id },
    firstEventData: { suggestionId: s.id },
  });
}

async function writeStep(
  trx: Transaction<Database>,
  ctx: AppContext,
  actor: StaffActor,
  s: Loaded,
  step: { input: StepInput; changes: Changes; to: SuggestionStatus; ticket: PreparedTicket | null },
  requestId: string | null,
): Promise<void> {
  const at = ctx.now().toISOString();
  const ticketId = step.ticket ? (await writeTicket(trx, ctx, step.ticket)).id : null;
  const written = await store.updateSuggestionIf(trx, s.id, s.version, {
    ...step.changes,
    ...(ticketId ? { ticket_id: ticketId } : {}),
    status: step.to,
    updated_at: at,
  });
  if (!written) {
    throw new AppError('state_conflict');
  }
  if (step.input.step === 'decide' && s.proposer_phone_enc) {
    await enqueueSuggestionFeedback(trx, s.id, at);
  }
  const actorKind = staffActorKind(actor.role);
  if (ticketId) {
    await recordAudit(trx, ctx, {
      actorKind,
      actorId: actor.id,
      action: 'ticket.submit',
      recordType: 'ticket',
      recordId: ticketId,
      detail: { channel: 'suggestion', suggestionId: s.id },
      requestId,
    });
  }
  await recordAudit(trx, ctx, {
    actorKind,
    actorId: actor.id,
    action: `suggestion.${step.input.step}`,
    recordType: 'suggestion',
    recordId: s.id,
    detail: {
      from: s.status,
      to: step.to,
      ...(step.input.step === 'decide' ? { adoptionLevel: step.input.adoptionLevel } : {}),
      ...(ticketId ? { ticketId } : {}),
    },
    requestId,
  });
}

/**
 * Takes one staff step on a suggestion the actor may handle: refused unless its state allows the
 * step; the change, the feedback SMS (a decision, when a phone was given), a ticket for a personal
 * claim and the audit entries are written in one transaction.
 */
export async function takeSuggestionStep(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: StepInput,
  requestId: string | null = null,
): Promise<StaffSuggestion> {
  const s = await loadVisibleSuggestion(ctx, actor, id);
  if (!allowedSteps(s.status as SuggestionStatus).includes(input.step)) {
    throw new AppError('transition_refused');
  }
  const ticket =
    input.step === 'personal_claim' && input.ticket
      ? await claimTicket(ctx, actor, s, input.ticket)
      : null;
  const step = {
    input,
    changes: changesOf(input, actor.id, ctx.now().toISOString()),
    to: statusAfter(input.step),
    ticket,
  };
  await ctx.db.transaction().execute((trx) => writeStep(trx, ctx, actor, s, step, requestId));
  return getStaffSuggestion(ctx, actor, id);
}
