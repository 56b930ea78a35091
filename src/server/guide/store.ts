// SQL of the service guide's place search. The guide is a read model over the organisation's
// tables (buildings, communities, streets, rooms, liaisons): it reads them, never writes them.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';

/** A LIKE pattern that finds `text` anywhere, its `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `value` contains `text` the same on SQLite and PostgreSQL (docs/database.md): both sides
 * lowered, because SQLite's LIKE ignores ASCII case and PostgreSQL's does not; the wildcards
 * escaped; the pattern a bound parameter.
 */
function contains(value: Expression<unknown>, text: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${value}) like lower(${containsPattern(text)}) escape '\\'`;
}

/**
 * Active buildings with a room whose name or address, community name or room address contains
 * `text`; at most `limit`, by id so that both engines pick the same rows whatever their collation.
 */
export function searchPlaces(db: Db, text: string, limit: number) {
  return db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('streets', 'streets.id', 'communities.street_id')
    .innerJoin('rooms', 'rooms.community_id', 'communities.id')
    .select([
      'buildings.id as buildingId',
      'buildings.name as buildingName',
      'buildings.address as buildingAddress',
      'buildings.placard_token as token',
      'communities.name as communityName',
      'communities.kind as communityKind',
      'streets.name as streetName',
      'rooms.id as roomId',
      'rooms.name as roomName',
      'rooms.kind as roomKind',
      'rooms.address as roomAddress',
      'rooms.hours as roomHours',
    ])
    .where('buildings.retired_at', 'is', null)
    .where((eb) =>
      eb.or([
        contains(eb.ref('buildings.name'), text),
        contains(eb.ref('buildings.address'), text),
        contains(eb.ref('communities.name'), text),
        contains(eb.ref('rooms.address'), text),
      ]),
    )
    .orderBy('buildings.id')
    .limit(limit)
    .execute();
}

/** The active liaisons of some rooms as the placard shows them, each room's in placard order. */
export function listLiaisonCardsOfRooms(db: Db, roomIds: readonly string[]) {
  if (roomIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('room_liaisons')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select(['room_liaisons.room_id as roomId', 'staff.name', 'staff.badge_no', 'staff.work_phone'])
    .where('room_liaisons.room_id', 'in', roomIds)
    .where('staff.active', '=', 1)
    .orderBy('room_liaisons.room_id')
    .orderBy('room_liaisons.sort')
    .execute();
}
