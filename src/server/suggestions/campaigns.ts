// Suggestion campaigns (专项征集): the bureau admin publishes the topic, the channels and the
// period (《上海市人民建议征集若干规定》 Art 9), and after the deadline the collective report that
// answers the campaign's proposers (Art 12).
import type { CreateCampaign, PublicCampaign } from '../../contract/suggestions.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { presentCampaign } from './present.js';
import { campaignPhase } from './rules.js';
import * as store from './store.js';

function requireBureau(actor: StaffActor): void {
  if (actor.role !== 'bureau_admin') {
    throw new AppError('forbidden');
  }
}

/** Publishes a campaign; the deadline may not be before the start, nor the start before today. */
export async function createCampaign(
  ctx: AppContext,
  actor: StaffActor,
  input: CreateCampaign,
  requestId: string | null = null,
): Promise<PublicCampaign> {
  requireBureau(actor);
  if (input.deadlineOn < input.startsOn) {
    throw new AppError('validation_failed', [
      fieldIssue('deadlineOn', '截止日期不能早于开始日期', 'must not be before the start'),
    ]);
  }
  if (campaignPhase(input.startsOn, input.deadlineOn, ctx.now()) === 'closed') {
    throw new AppError('validation_failed', [
      fieldIssue('deadlineOn', '截止日期已过', 'the deadline has already passed'),
    ]);
  }
  if (input.streetId && !(await store.streetExists(ctx.db, input.streetId))) {
    throw new AppError('not_found', [fieldIssue('streetId', '没有这个街道', 'no such street')]);
  }
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertCampaign(trx, {
      id,
      topic: normalizeText(input.topic),
      description: normalizeText(input.description),
      channels: JSON.stringify([...new Set(input.channels)]),
      starts_on: input.startsOn,
      deadline_on: input.deadlineOn,
      street_id: input.streetId,
      public_report: null,
      report_published_at: null,
      created_by: actor.id,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, ctx, {
      actorKind: 'staff',
      actorId: actor.id,
      action: 'suggestion.campaign_create',
      recordType: 'suggestion_campaign',
      recordId: id,
      detail: { startsOn: input.startsOn, deadlineOn: input.deadlineOn, channels: input.channels },
      requestId,
    });
  });
  return getCampaign(ctx, id);
}

/** Publishes (or replaces) a campaign's collective report, once its deadline has passed. */
export async function publishCampaignReport(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  report: string,
  requestId: string | null = null,
): Promise<PublicCampaign> {
  requireBureau(actor);
  const campaign = await store.findCampaign(ctx.db, id);
  if (!campaign) {
    throw new AppError('not_found');
  }
  if (campaignPhase(campaign.starts_on, campaign.deadline_on, ctx.now()) !== 'closed') {
    throw new AppError('transition_refused', [
      fieldIssue('report', '征集截止后才能发布报告', 'the report is published after the deadline'),
    ]);
  }
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await store.updateCampaign(trx, id, {
      public_report: normalizeText(report),
      report_published_at: at,
      updated_at: at,
    });
    await recordAudit(trx, ctx, {
      actorKind: 'staff',
      actorId: actor.id,
      action: 'suggestion.campaign_report',
      recordType: 'suggestion_campaign',
      recordId: id,
      detail: { replaced: campaign.report_published_at !== null },
      requestId,
    });
  });
  return getCampaign(ctx, id);
}

/** Every campaign, the latest deadline first, as the public reads them. */
export async function listCampaigns(ctx: AppContext): Promise<{ items: PublicCampaign[] }> {
  const now = ctx.now();
  const rows = await store.listCampaigns(ctx.db);
  return { items: rows.map((c) => presentCampaign(c, now)) };
}

/** One campaign as the public reads it. */
export async function getCampaign(ctx: AppContext, id: string): Promise<PublicCampaign> {
  const campaign = await store.findCampaign(ctx.db, id);
  if (!campaign) {
    throw new AppError('not_found');
  }
  return presentCampaign(campaign, ctx.now());
}

/**
 * The campaign a suggestion is sent to, refused with `campaign_closed` when it is not taking
 * suggestions now (before its start or after the end of its deadline day).
 */
export async function openCampaign(ctx: AppContext, id: string) {
  const campaign = await store.findCampaign(ctx.db, id);
  if (!campaign) {
    throw new AppError('not_found', [
      fieldIssue('campaignId', '没有这个征集活动', 'no such campaign'),
    ]);
  }
  const phase = campaignPhase(campaign.starts_on, campaign.deadline_on, ctx.now());
  if (phase !== 'open') {
    const [zh, en] =
      phase === 'closed'
        ? [
            `该征集已于${campaign.deadline_on}截止`,
            `this campaign closed on ${campaign.deadline_on}`,
          ]
        : [`该征集自${campaign.starts_on}开始`, `this campaign opens on ${campaign.starts_on}`];
    throw new AppError('campaign_closed', [fieldIssue('campaignId', zh, en)]);
  }
  return campaign;
}
