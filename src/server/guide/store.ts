// SQL of the service guide's place search. The guide is a read model over the organisation's
// tables (buildings, communities, streets, rooms, liaisons): it reads them, never writes them.
import type { Db } from '../db/database.js';
import { containsText } from '../db/text-match.js';

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
        containsText(eb.ref('buildings.name'), text),
        containsText(eb.ref('buildings.address'), text),
        containsText(eb.ref('communities.name'), text),
        containsText(eb.ref('rooms.address'), text),
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
