import type { Db } from '../db/database.js';

// The placards' reads of the organisation tree: the buildings of a scope with what their placard
// prints (room, liaisons, matters), and the streets and communities an officer may choose.

/** The executor every store function takes first: the database or a transaction. */
export type Executor = Db;

/** Which buildings a request is about: one community, one street, or one building. */
export type PlacardScopeRef =
  | { kind: 'community'; id: string }
  | { kind: 'street'; id: string }
  | { kind: 'building'; id: string };

/** The column a scope's id is compared with, in queries that join buildings and communities. */
export function scopeColumn(
  scope: PlacardScopeRef,
): 'communities.id' | 'communities.street_id' | 'buildings.id' {
  if (scope.kind === 'community') {
    return 'communities.id';
  }
  return scope.kind === 'street' ? 'communities.street_id' : 'buildings.id';
}

/**
 * The active buildings of a scope whose community has a room, with their place and room, in
 * community and building code order. A building without a room has nobody to print.
 */
export function listScopeBuildings(ex: Executor, scope: PlacardScopeRef) {
  return ex
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('streets', 'streets.id', 'communities.street_id')
    .innerJoin('districts', 'districts.id', 'streets.district_id')
    .innerJoin('rooms', 'rooms.community_id', 'communities.id')
    .select([
      'buildings.id as buildingId',
      'buildings.code as buildingCode',
      'buildings.name as buildingName',
      'buildings.address as buildingAddress',
      'buildings.placard_token as token',
      'buildings.is_demo as buildingDemo',
      'communities.code as communityCode',
      'communities.name as communityName',
      'streets.name as streetName',
      'districts.name as districtName',
      'districts.is_demo as districtDemo',
      'rooms.id as roomId',
      'rooms.name as roomName',
      'rooms.kind as roomKind',
      'rooms.address as roomAddress',
      'rooms.hours as roomHours',
    ])
    .where('buildings.retired_at', 'is', null)
    .where(scopeColumn(scope), '=', scope.id)
    .orderBy('communities.code')
    .orderBy('buildings.code')
    .execute();
}

/** One building of a scope as listScopeBuildings reads it. */
export type ScopeBuildingRow = Awaited<ReturnType<typeof listScopeBuildings>>[number];

/** The active liaisons of these rooms, in placard order within each room. */
export function listLiaisonsOfRooms(ex: Executor, roomIds: readonly string[]) {
  if (roomIds.length === 0) {
    return Promise.resolve([]);
  }
  return ex
    .selectFrom('room_liaisons')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select([
      'room_liaisons.room_id as roomId',
      'staff.name',
      'staff.badge_no as badgeNo',
      'staff.work_phone as workPhone',
      'staff.is_demo as isDemo',
    ])
    .where('room_liaisons.room_id', 'in', roomIds)
    .where('staff.active', '=', 1)
    .orderBy('room_liaisons.room_id')
    .orderBy('room_liaisons.sort')
    .execute();
}

/** The main matters of these rooms, in placard order within each room. */
export function listMattersOfRooms(ex: Executor, roomIds: readonly string[]) {
  if (roomIds.length === 0) {
    return Promise.resolve([]);
  }
  return (
    ex
      .selectFrom('room_matters')
      .innerJoin('matters', 'matters.code', 'room_matters.matter_code')
      .select(['room_matters.room_id as roomId', 'matters.name'])
      .where('room_matters.room_id', 'in', roomIds)
      // A retired matter is no longer printed, as the placard page no longer shows it.
      .where('matters.active', '=', 1)
      .orderBy('room_matters.room_id')
      .orderBy('room_matters.sort')
      .execute()
  );
}

/** The community with this code and its street. */
export function findCommunityByCode(ex: Executor, code: string) {
  return ex
    .selectFrom('communities')
    .leftJoin('rooms', 'rooms.community_id', 'communities.id')
    .select([
      'communities.id',
      'communities.code',
      'communities.name',
      'communities.street_id as streetId',
      'rooms.id as roomId',
    ])
    .where('communities.code', '=', code)
    .executeTakeFirst();
}

/** The street with this code. */
export function findStreetByCode(ex: Executor, code: string) {
  return ex
    .selectFrom('streets')
    .select(['id', 'code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Where a building is, for deciding who may act on its placard. */
export function findBuildingPlace(ex: Executor, buildingId: string) {
  return ex
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .leftJoin('rooms', 'rooms.community_id', 'communities.id')
    .select([
      'buildings.id',
      'buildings.code',
      'buildings.placard_token as token',
      'buildings.retired_at as retiredAt',
      'communities.street_id as streetId',
      'rooms.id as roomId',
    ])
    .where('buildings.id', '=', buildingId)
    .executeTakeFirst();
}

/**
 * The communities that have a room, with their streets, in official street order: of one
 * street, of these rooms, or (neither given) of the district.
 */
export function listCommunitiesWithRooms(
  ex: Executor,
  filter: { streetId?: string; roomIds?: readonly string[] },
) {
  let query = ex
    .selectFrom('communities')
    .innerJoin('rooms', 'rooms.community_id', 'communities.id')
    .innerJoin('streets', 'streets.id', 'communities.street_id')
    .select([
      'streets.code as streetCode',
      'streets.name as streetName',
      'communities.code',
      'communities.name',
    ]);
  if (filter.streetId) {
    query = query.where('streets.id', '=', filter.streetId);
  }
  if (filter.roomIds) {
    if (filter.roomIds.length === 0) {
      return Promise.resolve([]);
    }
    query = query.where('rooms.id', 'in', filter.roomIds);
  }
  return query
    .orderBy('streets.sort')
    .orderBy('streets.code')
    .orderBy('communities.code')
    .execute();
}

/** Where each of these buildings is, for a batch that names them. */
export function listBuildingPlaces(ex: Executor, buildingIds: readonly string[]) {
  if (buildingIds.length === 0) {
    return Promise.resolve([]);
  }
  return ex
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .leftJoin('rooms', 'rooms.community_id', 'communities.id')
    .select([
      'buildings.id',
      'buildings.code',
      'buildings.retired_at as retiredAt',
      'communities.id as communityId',
      'communities.street_id as streetId',
      'rooms.id as roomId',
    ])
    .where('buildings.id', 'in', buildingIds)
    .execute();
}
