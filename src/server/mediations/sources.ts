// What a mediation comes from (a ticket or a visit) and where it goes when it does not settle the
// dispute (a referral or an enforcement case). Each id is checked here, through the owning
// feature's service for tickets, and by a plain lookup for tables other migrations add.
import type { FollowupInput, OpenMediation } from '../../contract/mediations.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { loadVisible } from '../tickets/service.js';
import { seesCommunity } from './access.js';
import * as store from './store.js';

/** The place a mediation belongs to, and the ticket it was opened from. */
export interface ResolvedSource {
  streetId: string;
  communityId: string;
  communityName: string;
  ticket: { id: string; event_count: number; tracking_code: string } | null;
}

/** The ticket states in which a dispute is being handled and can go to mediation. */
const ticketStatesForMediation = ['accepted', 'contacted'];

/** Who may open a mediation from a ticket: those who work it (the ticket machine's relations). */
const ticketRelationsForMediation = ['assignee', 'street_admin', 'bureau_admin'];

const noSuchVisit = () =>
  new AppError('validation_failed', [fieldIssue('source.id', '没有这条走访记录', 'no such visit')]);

async function fromTicket(
  ctx: AppContext,
  actor: StaffActor,
  ticketId: string,
): Promise<ResolvedSource> {
  const { t, relation } = await loadVisible(ctx, actor, ticketId);
  if (!ticketRelationsForMediation.includes(relation)) {
    throw new AppError('forbidden');
  }
  if (!ticketStatesForMediation.includes(t.status)) {
    throw new AppError('transition_refused');
  }
  const community = await store.findRoomCommunity(ctx.db, t.room_id);
  if (!community) {
    throw new AppError('ticket_not_found');
  }
  return {
    streetId: t.street_id,
    communityId: community.id,
    communityName: community.name,
    ticket: { id: t.id, event_count: t.event_count, tracking_code: t.tracking_code },
  };
}

async function fromVisit(
  ctx: AppContext,
  actor: StaffActor,
  visitId: string,
): Promise<ResolvedSource> {
  const lookup = await store.findVisit(ctx.db, visitId);
  if (lookup === 'no_table' || lookup === 'not_found') {
    throw noSuchVisit();
  }
  const visit = lookup.found;
  const community = await store.findCommunity(ctx.db, visit.community_id);
  if (!community) {
    throw noSuchVisit();
  }
  const own = visit.liaison_id === actor.id;
  const communities = await store.communityIdsOfLiaison(ctx.db, actor.id);
  if (
    !own &&
    !seesCommunity(actor, communities, { id: community.id, streetId: community.street_id })
  ) {
    throw noSuchVisit();
  }
  return {
    streetId: community.street_id,
    communityId: community.id,
    communityName: community.name,
    ticket: null,
  };
}

/**
 * The place of a new mediation from its source. A ticket must be one the actor works, in
 * handling; a visit one they made or whose community they serve. Any other id is refused.
 */
export function resolveSource(
  ctx: AppContext,
  actor: StaffActor,
  source: OpenMediation['source'],
): Promise<ResolvedSource> {
  return source.kind === 'ticket'
    ? fromTicket(ctx, actor, source.id)
    : fromVisit(ctx, actor, source.id);
}

async function checkReferral(ctx: AppContext, actor: StaffActor, id: string, field: string) {
  const referral = await store.findReferralTicket(ctx.db, id);
  const refused = new AppError('validation_failed', [
    fieldIssue(field, '没有这条转交/协助记录', 'no such referral'),
  ]);
  if (!referral) {
    throw refused;
  }
  try {
    await loadVisible(ctx, actor, referral.ticket_id);
  } catch (error) {
    throw error instanceof AppError && error.code === 'ticket_not_found' ? refused : error;
  }
}

/** The id of the case named by its id or its number (殷行街道〔2026〕0001号). */
async function checkCase(ctx: AppContext, idOrNumber: string, field: string): Promise<string> {
  const lookup = await store.findCase(ctx.db, idOrNumber.trim());
  if (lookup === 'no_table' || lookup === 'not_found') {
    throw new AppError('validation_failed', [
      fieldIssue(
        field,
        '没有这个执法案件（请填写案件编号）',
        'no such enforcement case (give its number)',
      ),
    ]);
  }
  return lookup.found.id;
}

/**
 * Checks the follow-up named: a referral of a ticket the actor may see, or an existing
 * enforcement case by id or number; `idField` names the id in the body. Answers the id to
 * store. Checked before the write's transaction (see store.findCase).
 */
export async function checkFollowup(
  ctx: AppContext,
  actor: StaffActor,
  followup: FollowupInput,
  idField: string,
): Promise<string> {
  if (followup.kind === 'referral') {
    await checkReferral(ctx, actor, followup.id, idField);
    return followup.id;
  }
  return checkCase(ctx, followup.id, idField);
}
