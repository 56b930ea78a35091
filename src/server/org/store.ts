import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type {
  BuildingTable,
  CommunityTable,
  Database,
  DistrictTable,
  MatterTable,
  RoomTable,
  StaffTable,
  StreetTable,
} from '../db/schema.js';

/** The organisation tree's SQL; every function takes the executor (a Kysely or a transaction). */
export type Executor = Db;

/** A table of the organisation tree or its accounts, for counting. */
export type OrgTableName = Extract<
  keyof Database,
  'districts' | 'streets' | 'communities' | 'rooms' | 'staff' | 'buildings' | 'matters'
>;

/** Counts the rows of one table; pg answers count(*) as a string, hence Number(). */
export async function countRows(ex: Executor, table: OrgTableName): Promise<number> {
  const row = await ex
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A table a plain insert goes to. */
export type InsertTable = Exclude<OrgTableName, 'matters'>;

/** Inserts one row of the organisation tree or one staff account. */
export async function insertRow<T extends InsertTable>(
  ex: Executor,
  table: T,
  row: Insertable<Database[T]>,
): Promise<void> {
  await ex.insertInto(table).values(row).execute();
}

/** The district with this code, if any. */
export function findDistrictByCode(ex: Executor, code: string): Promise<DistrictTable | undefined> {
  return ex.selectFrom('districts').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Renames a district. */
export async function updateDistrictName(ex: Executor, id: string, name: string): Promise<void> {
  await ex.updateTable('districts').set({ name }).where('id', '=', id).execute();
}

/** The street with this code, if any. */
export function findStreetByCode(ex: Executor, code: string): Promise<StreetTable | undefined> {
  return ex.selectFrom('streets').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The street of a district with this name, if any. */
export function findStreetByName(
  ex: Executor,
  districtId: string,
  name: string,
): Promise<StreetTable | undefined> {
  return ex
    .selectFrom('streets')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** The highest sort value among a district's streets, 0 when it has none. */
export async function maxStreetSort(ex: Executor, districtId: string): Promise<number> {
  const row = await ex
    .selectFrom('streets')
    .select((eb) => eb.fn.max('sort').as('m'))
    .where('district_id', '=', districtId)
    .executeTakeFirst();
  return row?.m ?? 0;
}

/** A district's streets in their official order. */
export function listStreets(ex: Executor, districtId: string): Promise<StreetTable[]> {
  return ex
    .selectFrom('streets')
    .selectAll()
    .where('district_id', '=', districtId)
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

/** Changes a street's name and/or sort. */
export async function updateStreet(
  ex: Executor,
  id: string,
  patch: Partial<Pick<StreetTable, 'name' | 'sort'>>,
): Promise<void> {
  await ex.updateTable('streets').set(patch).where('id', '=', id).execute();
}

/** The community or park with this code, if any. */
export function findCommunityByCode(
  ex: Executor,
  code: string,
): Promise<CommunityTable | undefined> {
  return ex.selectFrom('communities').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The community or park of a street with this name, if any. */
export function findCommunityByName(
  ex: Executor,
  streetId: string,
  name: string,
): Promise<CommunityTable | undefined> {
  return ex
    .selectFrom('communities')
    .selectAll()
    .where('street_id', '=', streetId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** Changes a community's name and/or kind. */
export async function updateCommunity(
  ex: Executor,
  id: string,
  patch: Partial<Pick<CommunityTable, 'name' | 'kind'>>,
): Promise<void> {
  await ex.updateTable('communities').set(patch).where('id', '=', id).execute();
}

/** The room (workroom or workstation) of a community, if it has one. */
export function findRoomOfCommunity(
  ex: Executor,
  communityId: string,
): Promise<RoomTable | undefined> {
  return ex
    .selectFrom('rooms')
    .selectAll()
    .where('community_id', '=', communityId)
    .executeTakeFirst();
}

/** Every room with its community and street, for overviews and tests. */
export function listRoomsWithPlace(ex: Executor) {
  return ex
    .selectFrom('rooms')
    .innerJoin('communities', 'communities.id', 'rooms.community_id')
    .innerJoin('streets', 'streets.id', 'communities.street_id')
    .select([
      'rooms.id as roomId',
      'rooms.name as roomName',
      'rooms.kind as roomKind',
      'communities.name as communityName',
      'communities.kind as communityKind',
      'streets.name as streetName',
      'streets.id as streetId',
    ])
    .orderBy('streets.sort')
    .orderBy('communities.code')
    .execute();
}

/** Changes a room's name, kind, address or hours. */
export async function updateRoom(
  ex: Executor,
  id: string,
  patch: Partial<Pick<RoomTable, 'name' | 'kind' | 'address' | 'hours'>>,
): Promise<void> {
  await ex.updateTable('rooms').set(patch).where('id', '=', id).execute();
}

/** The matter codes of a room in placard order. */
export async function listRoomMatterCodes(ex: Executor, roomId: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('room_matters')
    .select('matter_code')
    .where('room_id', '=', roomId)
    .orderBy('sort')
    .execute();
  return rows.map((r) => r.matter_code);
}

/** Replaces a room's main matters with these codes, in this order. */
export async function replaceRoomMatters(
  ex: Executor,
  roomId: string,
  codes: readonly string[],
): Promise<void> {
  await ex.deleteFrom('room_matters').where('room_id', '=', roomId).execute();
  if (codes.length === 0) {
    return;
  }
  const rows = codes.map((code, i) => ({ room_id: roomId, matter_code: code, sort: i + 1 }));
  await ex.insertInto('room_matters').values(rows).execute();
}

/** The staff ids of a room's liaisons in placard order. */
export async function listRoomLiaisonIds(ex: Executor, roomId: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('room_liaisons')
    .select('staff_id')
    .where('room_id', '=', roomId)
    .orderBy('sort')
    .execute();
  return rows.map((r) => r.staff_id);
}

/** Replaces a room's liaisons with these staff, in this order. */
export async function replaceRoomLiaisons(
  ex: Executor,
  roomId: string,
  staffIds: readonly string[],
): Promise<void> {
  await ex.deleteFrom('room_liaisons').where('room_id', '=', roomId).execute();
  if (staffIds.length === 0) {
    return;
  }
  const rows = staffIds.map((id, i) => ({ room_id: roomId, staff_id: id, sort: i + 1 }));
  await ex.insertInto('room_liaisons').values(rows).execute();
}

/** The staff account with this user name, if any. */
export function findStaffByUsername(
  ex: Executor,
  username: string,
): Promise<StaffTable | undefined> {
  return ex.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Which of these user names already have an account. */
export async function listExistingUsernames(
  ex: Executor,
  usernames: readonly string[],
): Promise<Set<string>> {
  if (usernames.length === 0) {
    return new Set();
  }
  const rows = await ex
    .selectFrom('staff')
    .select('username')
    .where('username', 'in', usernames)
    .execute();
  return new Set(rows.map((r) => r.username));
}

/** Changes a staff member's name, badge number or work phone. */
export async function updateStaff(
  ex: Executor,
  id: string,
  patch: Partial<Pick<StaffTable, 'name' | 'badge_no' | 'work_phone'>>,
): Promise<void> {
  await ex.updateTable('staff').set(patch).where('id', '=', id).execute();
}

/** Names of these staff members. */
export function listStaffNames(ex: Executor, ids: readonly string[]) {
  if (ids.length === 0) {
    return Promise.resolve([]);
  }
  return ex.selectFrom('staff').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** The active liaisons of a street, with the names of their rooms (one row per room). */
export function listStreetLiaisonRooms(ex: Executor, streetId: string) {
  return ex
    .selectFrom('staff')
    .leftJoin('room_liaisons', 'room_liaisons.staff_id', 'staff.id')
    .leftJoin('rooms', 'rooms.id', 'room_liaisons.room_id')
    .select(['staff.id', 'staff.name', 'staff.badge_no', 'staff.username', 'rooms.name as room'])
    .where('staff.street_id', '=', streetId)
    .where('staff.role', '=', 'liaison')
    .where('staff.active', '=', 1)
    .orderBy('staff.username')
    .orderBy('rooms.code')
    .execute();
}

/** The ids of the rooms a staff member is a liaison of. */
export async function listRoomIdsOfStaff(ex: Executor, staffId: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('room_liaisons')
    .select('room_id')
    .where('staff_id', '=', staffId)
    .orderBy('room_id')
    .execute();
  return rows.map((r) => r.room_id);
}

/** The building of a community with this name, if any. */
export function findBuildingByName(
  ex: Executor,
  communityId: string,
  name: string,
): Promise<BuildingTable | undefined> {
  return ex
    .selectFrom('buildings')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** Changes a building's address. */
export async function updateBuildingAddress(
  ex: Executor,
  id: string,
  address: string,
): Promise<void> {
  await ex.updateTable('buildings').set({ address }).where('id', '=', id).execute();
}

/** Marks a building's placard as retired at this instant. */
export async function retireBuilding(ex: Executor, id: string, at: string): Promise<void> {
  await ex.updateTable('buildings').set({ retired_at: at }).where('id', '=', id).execute();
}

function placardPlaceQuery(ex: Executor) {
  return ex
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('streets', 'streets.id', 'communities.street_id')
    .leftJoin('rooms', 'rooms.community_id', 'communities.id')
    .select([
      'buildings.id as buildingId',
      'buildings.name as buildingName',
      'buildings.address as buildingAddress',
      'buildings.retired_at as retiredAt',
      'communities.id as communityId',
      'communities.name as communityName',
      'communities.kind as communityKind',
      'streets.id as streetId',
      'streets.name as streetName',
      'rooms.id as roomId',
      'rooms.name as roomName',
      'rooms.kind as roomKind',
      'rooms.address as roomAddress',
      'rooms.hours as roomHours',
    ]);
}

/** A building found by placard token, with its community, street and room. */
export function findPlacardPlace(ex: Executor, token: string) {
  return placardPlaceQuery(ex).where('buildings.placard_token', '=', token).executeTakeFirst();
}

/** A building found by id, as findPlacardPlace reads it (for a replaced placard token). */
export function findPlacardPlaceOfBuilding(ex: Executor, buildingId: string) {
  return placardPlaceQuery(ex).where('buildings.id', '=', buildingId).executeTakeFirst();
}

/** The placard token of the building with this code, if any. */
export async function findBuildingToken(ex: Executor, code: string): Promise<string | undefined> {
  const row = await ex
    .selectFrom('buildings')
    .select('placard_token')
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.placard_token;
}

/** The active liaisons of a room as a placard shows them, in placard order. */
export function listLiaisonCards(ex: Executor, roomId: string) {
  return ex
    .selectFrom('room_liaisons')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select(['staff.name', 'staff.badge_no', 'staff.work_phone'])
    .where('room_liaisons.room_id', '=', roomId)
    .where('staff.active', '=', 1)
    .orderBy('room_liaisons.sort')
    .execute();
}

/** The main matters of a room in force, with their names, in placard order. */
export function listRoomMatters(ex: Executor, roomId: string) {
  return (
    ex
      .selectFrom('room_matters')
      .innerJoin('matters', 'matters.code', 'room_matters.matter_code')
      .select(['matters.code', 'matters.name', 'matters.name_en'])
      .where('room_matters.room_id', '=', roomId)
      // A retired matter stays on the room for history but is no longer shown to residents.
      .where('matters.active', '=', 1)
      .orderBy('room_matters.sort')
      .execute()
  );
}

/** The whole matter catalogue in its order. */
export function listMatterRows(ex: Executor): Promise<MatterTable[]> {
  return ex.selectFrom('matters').selectAll().orderBy('sort').orderBy('code').execute();
}
