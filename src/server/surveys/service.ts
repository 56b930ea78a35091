import type { Transaction } from 'kysely';
import type { StaffRole } from '../../contract/auth.js';
import type {
  AnswerSurvey,
  Campaign,
  CampaignResults,
  CreateCampaign,
  PublicCampaign,
} from '../../contract/surveys.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { charge } from '../rate-limits/service.js';
import { isOpenOn, presentCampaign, presentPublicCampaign, questionsOf } from './present.js';
import { tallyByStreet } from './results.js';
import * as store from './store.js';

/** Who reads campaigns and results; only the bureau admin creates them. */
export const surveyReaderRoles: readonly StaffRole[] = ['street_admin', 'bureau_admin', 'auditor'];

function today(ctx: AppContext): string {
  return shanghaiDate(ctx.now());
}

/** The street a staff member is limited to, or null for the whole district. */
function scopeOf(actor: StaffActor): string | null {
  return actor.role === 'street_admin' ? (actor.streetId ?? '-') : null;
}

/** Lists the campaigns the officer's scope sees, with their answer counts. */
export async function listCampaigns(ctx: AppContext, actor: StaffActor): Promise<Campaign[]> {
  const rows = await store.listCampaigns(ctx.db, scopeOf(actor));
  const counts = await store.countAnswers(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentCampaign(r, today(ctx), counts.get(r.id) ?? 0));
}

async function checkNewCampaign(ctx: AppContext, input: CreateCampaign): Promise<void> {
  if (input.closesOn < input.opensOn) {
    throw new AppError('validation_failed', [
      fieldIssue('closesOn', '结束日期不能早于开始日期', 'the last day is before the first day'),
    ]);
  }
  if (input.streetId !== null && !(await store.streetExists(ctx.db, input.streetId))) {
    throw new AppError('validation_failed', [
      fieldIssue('streetId', '没有这个街道', 'no such street'),
    ]);
  }
}

/** Creates a campaign (bureau admin only), audited. */
export async function createCampaign(
  ctx: AppContext,
  actor: StaffActor,
  input: CreateCampaign,
  requestId: string,
): Promise<Campaign> {
  await checkNewCampaign(ctx, input);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertCampaign(trx, {
      id,
      street_id: input.streetId,
      title: input.title,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      questions: JSON.stringify(input.questions),
      comment_max: input.commentMax,
      created_by: actor.id,
      created_at: ctx.now().toISOString(),
    });
    await recordAudit(trx, ctx, {
      actorKind: 'staff',
      actorId: actor.id,
      action: 'survey.campaign_create',
      recordType: 'survey_campaign',
      recordId: id,
      detail: { streetId: input.streetId, questions: input.questions.length },
      requestId,
    });
  });
  const row = await store.findCampaign(ctx.db, id);
  if (!row) {
    throw new AppError('internal_error');
  }
  return presentCampaign(row, today(ctx), 0);
}

async function campaignOrNotFound(ctx: AppContext, id: string) {
  const row = await store.findCampaign(ctx.db, id);
  if (!row) {
    throw new AppError('not_found');
  }
  return row;
}

/** A campaign's results per street and question; a street admin sees only their street. */
export async function campaignResults(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
): Promise<CampaignResults> {
  const row = await campaignOrNotFound(ctx, id);
  const scope = scopeOf(actor);
  if (scope !== null && row.street_id !== null && row.street_id !== scope) {
    throw new AppError('not_found');
  }
  const answers = await store.listAnswers(ctx.db, id, scope);
  const streets = await store.listStreets(ctx.db);
  return {
    campaign: presentCampaign(row, today(ctx), answers.length),
    streets: tallyByStreet(questionsOf(row), answers, streets),
  };
}

/** A campaign as a resident sees it. */
export async function publicCampaign(ctx: AppContext, id: string): Promise<PublicCampaign> {
  const row = await campaignOrNotFound(ctx, id);
  return presentPublicCampaign(row, today(ctx), await store.listStreets(ctx.db));
}

/** The campaigns open today for the street of a placard's building (none for an unknown one). */
export async function placardCampaigns(ctx: AppContext, token: string): Promise<PublicCampaign[]> {
  const place = await store.findPlacardStreet(ctx.db, token);
  if (!place) {
    return [];
  }
  const rows = await store.listOpenCampaigns(ctx.db, place.street_id, today(ctx));
  return rows.map((r) => presentPublicCampaign(r, today(ctx), []));
}

interface AnswerPlace {
  streetId: string;
  buildingId: string | null;
}

/** Where an answer counts: the campaign's street, else the placard's, else the one picked. */
async function placeOf(
  ctx: AppContext,
  campaign: store.CampaignRecord,
  input: AnswerSurvey,
): Promise<AnswerPlace> {
  const placard = input.placardToken
    ? await store.findPlacardStreet(ctx.db, input.placardToken)
    : undefined;
  if (campaign.street_id !== null) {
    const inStreet = placard?.street_id === campaign.street_id;
    return { streetId: campaign.street_id, buildingId: inStreet ? placard.building_id : null };
  }
  if (placard) {
    return { streetId: placard.street_id, buildingId: placard.building_id };
  }
  if (input.streetId && (await store.streetExists(ctx.db, input.streetId))) {
    return { streetId: input.streetId, buildingId: null };
  }
  throw new AppError('validation_failed', [
    fieldIssue('streetId', '请选择所在街道', 'choose your street'),
  ]);
}

function checkChoices(campaign: store.CampaignRecord, input: AnswerSurvey): void {
  if (input.choices.length !== questionsOf(campaign).length) {
    throw new AppError('validation_failed', [
      fieldIssue('choices', '请回答每一个问题', 'answer every question'),
    ]);
  }
  if ([...(input.comment ?? '')].length > campaign.comment_max) {
    throw new AppError('validation_failed', [
      fieldIssue(
        'comment',
        `意见最多${campaign.comment_max}个字`,
        `at most ${campaign.comment_max} characters`,
      ),
    ]);
  }
}

async function storeAnswer(
  ctx: AppContext,
  trx: Transaction<Database>,
  campaign: store.CampaignRecord,
  input: AnswerSurvey & AnswerPlace,
): Promise<void> {
  const deviceHash = ctx.cipher
    .mac('survey-device', `${campaign.id}:${input.deviceKey}`)
    .toString('hex');
  const stored = await store.insertAnswer(trx, {
    id: newId(),
    campaign_id: campaign.id,
    street_id: input.streetId,
    building_id: input.buildingId,
    device_hash: deviceHash,
    choices: JSON.stringify(input.choices),
    overall: input.choices[0] ?? 'unsatisfied',
    comment: input.comment ? input.comment : null,
    answered_at: ctx.now().toISOString(),
  });
  if (!stored) {
    throw new AppError('survey_already_answered', [
      fieldIssue('deviceKey', '本设备已参加过这次测评', 'this device already answered'),
    ]);
  }
}

/**
 * Stores a resident's anonymous answer: one per device key and campaign (409 on the second), and
 * at most `ctx.surveys.answersPerAddressDay` per client address a day (429; the setting
 * SURVEY_ANSWERS_PER_ADDRESS_DAY), counted only when the answer is stored.
 */
export async function answerSurvey(
  ctx: AppContext,
  id: string,
  input: AnswerSurvey,
  address: string,
): Promise<void> {
  const campaign = await campaignOrNotFound(ctx, id);
  if (!isOpenOn(campaign, today(ctx))) {
    throw new AppError('survey_closed');
  }
  checkChoices(campaign, input);
  const place = await placeOf(ctx, campaign, input);
  const limits = [
    {
      bucket: 'survey_address' as const,
      max: ctx.surveys.answersPerAddressDay,
      windowSeconds: 86_400,
    },
  ];
  await ctx.db.transaction().execute(async (trx) => {
    await storeAnswer(ctx, trx, campaign, { ...input, ...place });
    await charge(ctx, trx, [{ value: address, field: 'deviceKey', limits }]);
  });
}

/**
 * The survey answers of a street given in [from, to) (ISO instants), counted by their overall
 * question: the survey part of the satisfaction dimension, kept apart from the ticket ratings.
 */
export async function surveySatisfaction(
  ctx: Pick<AppContext, 'db'>,
  range: { streetId: string; from: string; to: string },
): Promise<{ answered: number; satisfied: number; basicallySatisfied: number }> {
  const counts = await store.countOverall(ctx.db, range.streetId, range.from, range.to);
  const answered = [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    answered,
    satisfied: counts.get('satisfied') ?? 0,
    basicallySatisfied: counts.get('basically_satisfied') ?? 0,
  };
}
