// Where an officer may record field work, and whom they may name: a liaison logs in the
// communities of their own rooms, a street admin anywhere in their street. The bureau admin and
// every other role reads but does not record.
import type { FieldPlaces } from '../../contract/visits.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import * as places from './place-store.js';

export type { CommunityPlace } from './place-store.js';

/** A staff member as records name them. */
export function staffRef(s: { id: string; name: string; badge_no: string | null }) {
  return { id: s.id, name: s.name, badgeNo: s.badge_no ?? '' };
}

/** Refuses anyone but a liaison or a street admin: they record visits and meetings. */
export function requireRecorder(actor: StaffActor): void {
  if (actor.role !== 'liaison' && actor.role !== 'street_admin') {
    throw new AppError('forbidden');
  }
}

/** The communities the actor may record field work in. */
export function recordableCommunities(
  ctx: AppContext,
  actor: StaffActor,
): Promise<places.CommunityPlace[]> {
  if (actor.role === 'liaison') {
    return places.listCommunitiesOfLiaison(ctx.db, actor.id);
  }
  if (actor.role === 'street_admin' && actor.streetId) {
    return places.listCommunitiesOfStreet(ctx.db, actor.streetId);
  }
  return Promise.resolve([]);
}

/** The community a form names, if the actor may record there; otherwise a refusal naming it. */
export async function recordableCommunity(
  ctx: AppContext,
  actor: StaffActor,
  communityId: string,
): Promise<places.CommunityPlace> {
  const found = (await recordableCommunities(ctx, actor)).find((c) => c.id === communityId);
  if (!found) {
    throw new AppError('validation_failed', [
      fieldIssue('communityId', '不是您负责的社区', 'not a community you are responsible for'),
    ]);
  }
  return found;
}

/** The active officers of a street who can be named as attending a meeting. */
export function streetOfficers(ctx: AppContext, streetId: string) {
  return places.listOfficers(ctx.db, { streetId }, ['liaison', 'street_admin']);
}

/** The liaisons a visit can be logged for: the liaison themself, or the street admin's liaisons. */
function loggableLiaisons(ctx: AppContext, actor: StaffActor) {
  if (actor.role === 'liaison') {
    return places.listOfficers(ctx.db, { staffId: actor.id }, ['liaison']);
  }
  if (actor.role === 'street_admin' && actor.streetId) {
    return places.listOfficers(ctx.db, { streetId: actor.streetId }, ['liaison']);
  }
  return Promise.resolve([]);
}

/**
 * The liaison a visit is for: the signed-in liaison, or a liaison of the street admin's street
 * named by `liaisonId`.
 */
export async function visitLiaison(
  ctx: AppContext,
  actor: StaffActor,
  liaisonId: string | undefined,
) {
  const wanted = actor.role === 'liaison' ? (liaisonId ?? actor.id) : liaisonId;
  const found = (await loggableLiaisons(ctx, actor)).find((l) => l.id === wanted);
  if (!found) {
    throw new AppError('staff_not_found', [
      fieldIssue('liaisonId', '请选择本街道的联络员', 'choose a liaison of your street'),
    ]);
  }
  return found;
}

/** The communities, liaisons and officers the actor's forms offer. */
export async function fieldPlaces(ctx: AppContext, actor: StaffActor): Promise<FieldPlaces> {
  const [communities, liaisons, officers] = await Promise.all([
    recordableCommunities(ctx, actor),
    loggableLiaisons(ctx, actor),
    actor.streetId && (actor.role === 'liaison' || actor.role === 'street_admin')
      ? streetOfficers(ctx, actor.streetId)
      : Promise.resolve([]),
  ]);
  return {
    communities: communities.map((c) => ({ id: c.id, name: c.name, street: c.street_name })),
    liaisons: liaisons.map(staffRef),
    officers: officers.map(staffRef),
  };
}

/**
 * The live buildings of a community the actor may record in. The community is the URL's record
 * here, not a form's field: one outside the actor's reach is answered 404, as if it did not exist.
 */
export async function communityBuildings(ctx: AppContext, actor: StaffActor, communityId: string) {
  const community = (await recordableCommunities(ctx, actor)).find((c) => c.id === communityId);
  if (!community) {
    throw new AppError('not_found');
  }
  return { items: await places.listLiveBuildings(ctx.db, community.id) };
}
