// The organisation as field work reads it: the communities an officer may log visits and
// meetings in, their buildings, and the officers of a street. Reads only.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

function communitiesWithRoom(db: Executor) {
  return db
    .selectFrom('communities')
    .innerJoin('rooms', 'rooms.community_id', 'communities.id')
    .innerJoin('streets', 'streets.id', 'communities.street_id')
    .select([
      'communities.id',
      'communities.name',
      'communities.street_id',
      'streets.name as street_name',
      'rooms.id as room_id',
    ])
    .orderBy('streets.sort')
    .orderBy('communities.code');
}

/** A community that has a room, with its street. */
export type CommunityPlace = Awaited<ReturnType<typeof listCommunitiesOfStreet>>[number];

/** The communities of the rooms a liaison serves. */
export function listCommunitiesOfLiaison(db: Executor, staffId: string) {
  return communitiesWithRoom(db)
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .where('room_liaisons.staff_id', '=', staffId)
    .execute();
}

/** The communities of a street that have a room. */
export function listCommunitiesOfStreet(db: Executor, streetId: string) {
  return communitiesWithRoom(db).where('communities.street_id', '=', streetId).execute();
}

/** The buildings of a community whose placards are in use, by code. */
export function listLiveBuildings(db: Executor, communityId: string) {
  return db
    .selectFrom('buildings')
    .select(['id', 'name', 'address'])
    .where('community_id', '=', communityId)
    .where('retired_at', 'is', null)
    .orderBy('code')
    .execute();
}

/** Buildings by id with their community, whether retired. */
export function findBuildings(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('buildings')
    .select(['id', 'community_id', 'retired_at'])
    .where('id', 'in', ids)
    .execute();
}

/** Which officers to list: one person, a street's, or the whole district's. */
export type OfficerScope = { staffId: string } | { streetId: string } | { all: true };

/** Active staff of some roles in a scope, with their street, by user name. */
export function listOfficers(
  db: Executor,
  scope: OfficerScope,
  roles: readonly ('liaison' | 'street_admin')[],
) {
  let query = db
    .selectFrom('staff')
    .leftJoin('streets', 'streets.id', 'staff.street_id')
    .select([
      'staff.id',
      'staff.name',
      'staff.badge_no',
      'staff.role',
      'staff.street_id',
      'streets.name as street_name',
    ])
    .where('staff.active', '=', 1)
    .where('staff.role', 'in', roles);
  if ('staffId' in scope) {
    query = query.where('staff.id', '=', scope.staffId);
  } else if ('streetId' in scope) {
    query = query.where('staff.street_id', '=', scope.streetId);
  }
  return query.orderBy('streets.sort').orderBy('staff.username').execute();
}

/** The names of the rooms each of these liaisons serves. */
export function listRoomNames(db: Executor, staffIds: readonly string[]) {
  if (staffIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('room_liaisons')
    .innerJoin('rooms', 'rooms.id', 'room_liaisons.room_id')
    .select(['room_liaisons.staff_id', 'rooms.name'])
    .where('room_liaisons.staff_id', 'in', staffIds)
    .orderBy('rooms.code')
    .execute();
}
