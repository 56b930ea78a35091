// Who may see, print and keep which placards: the bureau admin every one, a street admin those
// of their street, a liaison those of the communities whose room they serve. Only admins rotate
// a QR code, because every posted copy must then be replaced.
import type { PlacardScope, PlacardScopeQuery } from '../../contract/placards.js';
import type { StaffRole } from '../../contract/auth.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { listRoomIdsOfLiaison } from '../org/service.js';
import * as store from './store.js';
import type { PlacardScopeRef } from './store.js';

/** The officers whose work placards are; departments and auditors have none. */
export const placardRoles: readonly StaffRole[] = ['liaison', 'street_admin', 'bureau_admin'];

/** The officers who may give a building a new QR code. */
export const rotateRoles: readonly StaffRole[] = ['street_admin', 'bureau_admin'];

/** A scope the actor may act on: what to query and how to name it. */
export interface ResolvedScope {
  ref: PlacardScopeRef;
  scope: PlacardScope;
}

function mayReach(
  actor: StaffActor,
  place: { streetId: string; roomId: string | null },
  roomIds: readonly string[] | null,
): boolean {
  if (actor.role === 'bureau_admin') {
    return true;
  }
  if (actor.role === 'street_admin') {
    return actor.streetId === place.streetId;
  }
  return (
    actor.role === 'liaison' && place.roomId !== null && (roomIds ?? []).includes(place.roomId)
  );
}

async function roomsOf(ctx: AppContext, actor: StaffActor): Promise<string[] | null> {
  return actor.role === 'liaison' ? listRoomIdsOfLiaison(ctx.db, actor.id) : null;
}

/**
 * The community or street a request names, when the actor may act on it. Exactly one code must
 * be given; an unknown code is not found; a place outside the actor's reach is forbidden (codes
 * are no secret). A liaison prints the communities of their rooms, never a whole street. The
 * operator at the command line (actor null) may name any.
 */
export async function resolveScope(
  ctx: AppContext,
  actor: StaffActor | null,
  query: PlacardScopeQuery,
): Promise<ResolvedScope> {
  if (Boolean(query.communityCode) === Boolean(query.streetCode)) {
    throw new AppError('validation_failed', [
      fieldIssue(
        'communityCode',
        '请选择一个社区或一个街道',
        'give either a community or a street',
      ),
    ]);
  }
  if (query.communityCode) {
    const community = await store.findCommunityByCode(ctx.db, query.communityCode);
    if (!community) {
      throw new AppError('not_found');
    }
    if (actor && !mayReach(actor, community, await roomsOf(ctx, actor))) {
      throw new AppError('forbidden');
    }
    return {
      ref: { kind: 'community', id: community.id },
      scope: { kind: 'community', code: community.code, name: community.name },
    };
  }
  const street = await store.findStreetByCode(ctx.db, query.streetCode ?? '');
  if (!street) {
    throw new AppError('not_found');
  }
  if (actor && !mayReach(actor, { streetId: street.id, roomId: null }, null)) {
    throw new AppError('forbidden');
  }
  return {
    ref: { kind: 'street', id: street.id },
    scope: { kind: 'street', code: street.code, name: street.name },
  };
}

/**
 * An active building whose placard the actor may act on. A building outside their reach is
 * not found, as tickets outside it are: its id tells them nothing.
 */
export async function reachableBuilding(ctx: AppContext, actor: StaffActor, buildingId: string) {
  const place = await store.findBuildingPlace(ctx.db, buildingId);
  if (!place || place.retiredAt !== null || !mayReach(actor, place, await roomsOf(ctx, actor))) {
    throw new AppError('not_found');
  }
  return place;
}

/**
 * The places of a batch of buildings, each active and within the actor's reach; the first one
 * that is not is answered as not found, naming its position in the batch.
 */
export async function reachableBuildings(
  ctx: AppContext,
  actor: StaffActor | null,
  buildingIds: readonly string[],
) {
  const places = await store.listBuildingPlaces(ctx.db, [...new Set(buildingIds)]);
  const byId = new Map(places.map((p) => [p.id, p]));
  const roomIds = actor ? await roomsOf(ctx, actor) : null;
  return buildingIds.map((id, index) => {
    const place = byId.get(id);
    if (!place || place.retiredAt !== null || (actor && !mayReach(actor, place, roomIds))) {
      throw new AppError('not_found', [
        fieldIssue(`buildings.${index}.id`, '没有这个楼栋', 'no such building'),
      ]);
    }
    return place;
  });
}

/** Refuses anyone who may not rotate a building's QR code. */
export function requireRotator(actor: StaffActor): void {
  if (!rotateRoles.includes(actor.role)) {
    throw new AppError('forbidden');
  }
}

/** The streets and communities the actor may choose in the register and print. */
export async function scopeTree(ctx: AppContext, actor: StaffActor) {
  const roomIds = await roomsOf(ctx, actor);
  const filter =
    actor.role === 'street_admin'
      ? { streetId: actor.streetId ?? '-' }
      : roomIds
        ? { roomIds }
        : {};
  const rows = await store.listCommunitiesWithRooms(ctx.db, filter);
  const streets = new Map<
    string,
    { code: string; name: string; whole: boolean; communities: { code: string; name: string }[] }
  >();
  for (const r of rows) {
    const street = streets.get(r.streetCode) ?? {
      code: r.streetCode,
      name: r.streetName,
      whole: actor.role !== 'liaison',
      communities: [],
    };
    street.communities.push({ code: r.code, name: r.name });
    streets.set(r.streetCode, street);
  }
  return { streets: [...streets.values()], mayRotate: rotateRoles.includes(actor.role) };
}
