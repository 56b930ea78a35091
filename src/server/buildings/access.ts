// Who may open which building file: a liaison the buildings of their rooms' communities, a street
// admin the buildings of their street, the bureau admin every building. Departments and auditors
// have no building file (403); a building outside one's reach is not found (404), as a ticket is.
import type { StaffRole } from '../../contract/auth.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { listRoomIdsOfLiaison } from '../org/service.js';
import * as store from './store.js';

/** The officers who keep building files. */
export const buildingRoles: readonly StaffRole[] = ['liaison', 'street_admin', 'bureau_admin'];

/** The admins who may clear a building's flag. */
export const flagClearRoles: readonly StaffRole[] = ['street_admin', 'bureau_admin'];

/** The buildings an actor reaches, as the stores filter them. */
export async function buildingScopeOf(
  ctx: AppContext,
  actor: StaffActor,
): Promise<store.BuildingScope> {
  if (actor.role === 'bureau_admin') {
    return { all: true };
  }
  if (actor.role === 'street_admin') {
    return { streetId: actor.streetId ?? '-' };
  }
  if (actor.role === 'liaison') {
    return { roomIds: await listRoomIdsOfLiaison(ctx.db, actor.id) };
  }
  throw new AppError('forbidden');
}

/** Whether a building's place lies in a scope. */
export function inScope(
  scope: store.BuildingScope,
  place: { streetId: string; roomId: string | null },
): boolean {
  if ('all' in scope) {
    return true;
  }
  if ('streetId' in scope) {
    return scope.streetId === place.streetId;
  }
  return place.roomId !== null && scope.roomIds.includes(place.roomId);
}

/** A building the actor reaches, with its place; any other id is not found. */
export async function reachableBuilding(ctx: AppContext, actor: StaffActor, buildingId: string) {
  const scope = await buildingScopeOf(ctx, actor);
  const building = await store.findBuilding(ctx.db, buildingId);
  if (!building || !inScope(scope, building)) {
    throw new AppError('not_found');
  }
  return { building, scope };
}

/** Whether the actor may clear the flag of a building they reach. */
export function mayClearFlag(actor: StaffActor): boolean {
  return flagClearRoles.includes(actor.role);
}
