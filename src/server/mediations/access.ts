// Who sees a mediation: the officers of its place. Partner departments and auditors never do:
// the parties' details are personal data gathered for the committee's work (《人民调解法》第十五条),
// and departments have no part in it.
import type { StaffRole } from '../../contract/auth.js';
import { mediationRoles as officerRoles } from '../../contract/mediations.js';
import type { MediationRelation } from '../../domain/mediation-machine.js';
import type { StaffActor } from '../accounts/service.js';
import type { MediationScope } from './store.js';

/** The accounts the mediation routes admit; department and auditor accounts get 403. */
export const mediationRoles: readonly StaffRole[] = officerRoles;

/** What decides a staff member's relation to a mediation. */
export interface MediationPlace {
  streetId: string;
  communityId: string;
  openedBy: string;
  mediatorStaffIds: readonly string[];
}

/**
 * How a staff member stands to a mediation. A liaison who opened it or is one of its mediators
 * is its 'mediator'; a liaison of a room in its community is a 'community_liaison'; a street
 * admin sees their street, the bureau admin everything.
 */
export function mediationRelation(
  actor: StaffActor,
  liaisonCommunityIds: readonly string[],
  place: MediationPlace,
): MediationRelation {
  if (actor.role === 'bureau_admin') {
    return 'bureau_admin';
  }
  if (actor.role === 'street_admin') {
    return actor.streetId === place.streetId ? 'street_admin' : 'unrelated';
  }
  if (actor.role !== 'liaison') {
    return 'unrelated';
  }
  if (place.openedBy === actor.id || place.mediatorStaffIds.includes(actor.id)) {
    return 'mediator';
  }
  return liaisonCommunityIds.includes(place.communityId) ? 'community_liaison' : 'unrelated';
}

/** The list scope of a staff member, matching mediationRelation. */
export function mediationScope(
  actor: StaffActor,
  liaisonCommunityIds: readonly string[],
): MediationScope {
  if (actor.role === 'bureau_admin') {
    return { all: true };
  }
  if (actor.role === 'street_admin') {
    return { streetId: actor.streetId ?? '-' };
  }
  if (actor.role === 'liaison') {
    return { communityIds: liaisonCommunityIds, staffId: actor.id };
  }
  return { communityIds: [], staffId: '-' };
}

/** Whether a staff member may see a community's work: its liaisons, its street, the bureau. */
export function seesCommunity(
  actor: StaffActor,
  liaisonCommunityIds: readonly string[],
  community: { id: string; streetId: string },
): boolean {
  if (actor.role === 'bureau_admin') {
    return true;
  }
  if (actor.role === 'street_admin') {
    return actor.streetId === community.streetId;
  }
  return actor.role === 'liaison' && liaisonCommunityIds.includes(community.id);
}
