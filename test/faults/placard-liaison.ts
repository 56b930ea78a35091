import type { TestApp } from '../app.js';

/** The username of the first liaison of the room behind the demo placard. */
export async function firstPlacardLiaison(t: TestApp): Promise<string> {
  const row = await t.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select(['staff.username'])
    .where('buildings.placard_token', '=', t.demo.samplePlacard.token)
    .orderBy('room_liaisons.sort')
    .executeTakeFirstOrThrow();
  return row.username;
}
