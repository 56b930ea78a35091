import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBuilding,
  createLiaison,
  createPlacardScene,
  createRoom,
  createCommunity,
  openTestDatabase,
  retireBuilding,
  type PlacardScene,
} from '../../../test/factories.js';
import type { DatabaseHandle } from '../db/database.js';
import {
  getBuildingContext,
  getPlacard,
  getStaffName,
  listLiaisonsOfStreet,
  listRoomIdsOfLiaison,
} from './service.js';

let handle: DatabaseHandle;
let scene: PlacardScene;

beforeAll(async () => {
  handle = await openTestDatabase();
  scene = await createPlacardScene(handle.db);
});

afterAll(async () => {
  await handle.close();
});

describe('what the ticket feature asks of the organisation', () => {
  it('finds the building, room, community and street of a placard token', async () => {
    expect(await getBuildingContext(handle.db, scene.building.placard_token)).toEqual({
      buildingId: scene.building.id,
      roomId: scene.room.id,
      streetId: scene.street.id,
      communityId: scene.community.id,
      retired: false,
    });
  });

  it('refuses an unknown token, and a retired one unless asked to allow it', async () => {
    await expect(getBuildingContext(handle.db, 'unknown')).rejects.toMatchObject({
      code: 'placard_not_found',
    });
    const other = await createPlacardScene(handle.db, { street: scene.street });
    await retireBuilding(handle.db, other.building);
    await expect(getBuildingContext(handle.db, other.building.placard_token)).rejects.toMatchObject(
      { code: 'placard_retired' },
    );
    const allowed = await getBuildingContext(handle.db, other.building.placard_token, {
      allowRetired: true,
    });
    expect(allowed.retired).toBe(true);
  });

  it('lists the rooms a liaison serves', async () => {
    const [first] = scene.liaisons;
    const secondRoom = await createRoom(handle.db, {
      community: await createCommunity(handle.db, { street: scene.street }),
    });
    await createLiaison(handle.db, { room: secondRoom });
    expect(await listRoomIdsOfLiaison(handle.db, first?.id ?? '')).toEqual([scene.room.id]);
  });

  it('lists the active liaisons of a street with their rooms', async () => {
    const street = (await createPlacardScene(handle.db, { liaisons: 2 })).street;
    const liaisons = await listLiaisonsOfStreet(handle.db, street.id);
    expect(liaisons).toHaveLength(2);
    for (const l of liaisons) {
      expect(l.badgeNo).toMatch(/^T-\d{4}$/);
      expect(l.rooms).toHaveLength(1);
      expect(l.rooms[0]).toMatch(/城管社区工作室$/);
    }
  });

  it('leaves inactive liaisons off the street list and the placard', async () => {
    const s = await createPlacardScene(handle.db, { liaisons: 1 });
    await createLiaison(handle.db, { room: s.room, active: 0 });
    expect(await listLiaisonsOfStreet(handle.db, s.street.id)).toHaveLength(1);
    expect((await getPlacard(handle.db, s.building.placard_token)).liaisons).toHaveLength(1);
  });

  it('names staff by id and leaves unknown ids out', async () => {
    const [a, b] = scene.liaisons;
    const names = await getStaffName(handle.db, [a?.id ?? '', b?.id ?? '', 'nobody']);
    expect(names.get(a?.id ?? '')).toBe(a?.name);
    expect(names.get(b?.id ?? '')).toBe(b?.name);
    expect(names.has('nobody')).toBe(false);
  });

  it('shows a park placard with its workstation', async () => {
    const park = await createCommunity(handle.db, { kind: 'park', name: '测试园区' });
    const room = await createRoom(handle.db, { community: park, matters: ['WFDJ'] });
    await createLiaison(handle.db, { room });
    const building = await createBuilding(handle.db, { community: park });
    const placard = await getPlacard(handle.db, building.placard_token);
    expect(placard.community.kind).toBe('park');
    expect(placard.room).toMatchObject({ kind: 'workstation', name: '测试园区城管园区工作站' });
    expect(placard.matters.map((m) => m.code)).toEqual(['WFDJ']);
  });
});
