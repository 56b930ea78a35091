import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placardSchema } from '../../contract/org.js';
import { createPlacardScene, openTestDatabase, retireBuilding } from '../../../test/factories.js';
import { verifyPassword } from '../accounts/passwords.js';
import type { DatabaseHandle } from '../db/database.js';
import {
  demoPassword,
  getPlacard,
  listStreetsOfDistrict,
  seedDemoOrg,
  type DemoOrgSummary,
} from './service.js';
import * as store from './store.js';

const yangpuStreets = [
  '定海路街道',
  '平凉路街道',
  '江浦路街道',
  '四平路街道',
  '控江路街道',
  '长白新村街道',
  '延吉新村街道',
  '殷行街道',
  '大桥街道',
  '五角场街道',
  '新江湾城街道',
  '长海路街道',
];

let handle: DatabaseHandle;
let summary: DemoOrgSummary;

beforeAll(async () => {
  handle = await openTestDatabase();
  const seeded = await seedDemoOrg(handle.db);
  if (!seeded) {
    throw new Error('the demo was not seeded into an empty database');
  }
  summary = seeded;
});

afterAll(async () => {
  await handle.close();
});

async function roomsByCommunity() {
  const rooms = await store.listRoomsWithPlace(handle.db);
  return new Map(rooms.map((r) => [r.communityName, r]));
}

describe('the Yangpu demo organisation', () => {
  it('has the 12 streets of 杨浦区 in the official order', async () => {
    const streets = await listStreetsOfDistrict(handle.db, '310110');
    expect(streets.map((s) => s.name)).toEqual(yangpuStreets);
    expect(streets.find((s) => s.name === '殷行街道')?.code).toBe('310110016');
    expect(streets.find((s) => s.name === '平凉路街道')?.code).toBe('310110006');
    expect(streets.find((s) => s.name === '延吉新村街道')?.code).toBe('310110015');
    expect(streets.find((s) => s.name === '定海路街道')?.code).toContain('demo');
  });

  it('marks every row as demo data', async () => {
    const district = await store.findDistrictByCode(handle.db, '310110');
    expect(district?.is_demo).toBe(1);
    const streets = await store.listStreets(handle.db, district?.id ?? '');
    expect(streets.every((s) => s.is_demo === 1)).toBe(true);
    const admin = await store.findStaffByUsername(handle.db, 'yinhang.1');
    expect(admin?.is_demo).toBe(1);
  });

  it('uses the real community names of 延吉新村, 五角场 and 殷行', async () => {
    const rooms = await roomsByCommunity();
    for (const name of ['敦化路居委会', '控江路645弄居委会', '杨家浜居委会', '创智坊居委会']) {
      expect(rooms.has(name)).toBe(true);
    }
    expect(rooms.get('工农二村第一居委会')?.streetName).toBe('殷行街道');
    expect(rooms.get('敦化路居委会')?.roomName).toBe('敦化路居委会城管社区工作室');
  });

  it('marks generated community names as 示例', async () => {
    const rooms = [...(await roomsByCommunity()).values()];
    const dinghai = rooms.filter((r) => r.streetName === '定海路街道');
    expect(dinghai.length).toBeGreaterThanOrEqual(3);
    expect(dinghai.every((r) => r.communityName.endsWith('（示例）'))).toBe(true);
    expect(dinghai.every((r) => r.roomName.endsWith('城管社区工作室（示例）'))).toBe(true);
  });

  it('has 长阳创谷 and 杨浦滨江 as parks, each with a workstation', async () => {
    const rooms = await roomsByCommunity();
    for (const park of ['长阳创谷', '杨浦滨江']) {
      expect(rooms.get(park)).toMatchObject({ communityKind: 'park', roomKind: 'workstation' });
    }
    expect(rooms.get('长阳创谷')?.roomName).toBe('长阳创谷城管园区工作站');
  });

  it('gives every room one or two liaisons with a badge number and a work landline', async () => {
    const rooms = await store.listRoomsWithPlace(handle.db);
    expect(rooms.length).toBe(summary.counts.rooms);
    for (const room of rooms) {
      const cards = await store.listLiaisonCards(handle.db, room.roomId);
      expect(cards.length, room.roomName).toBeGreaterThanOrEqual(1);
      expect(cards.length, room.roomName).toBeLessThanOrEqual(2);
      for (const card of cards) {
        expect(card.badge_no).toMatch(/^310110-\d{4}$/);
        expect(card.work_phone).toMatch(/^021-6543\d{4}$/);
      }
    }
  });

  it('gives every room three to five main matters', async () => {
    for (const room of await store.listRoomsWithPlace(handle.db)) {
      const matters = await store.listRoomMatterCodes(handle.db, room.roomId);
      expect(matters.length).toBeGreaterThanOrEqual(3);
      expect(matters.length).toBeLessThanOrEqual(5);
    }
  });

  it('resolves the sample placard in 殷行街道 to a room with two liaisons', async () => {
    expect(summary.samplePlacard.street).toBe('殷行街道');
    const placard = await getPlacard(handle.db, summary.samplePlacard.token);
    expect(placardSchema.parse(placard)).toEqual(placard);
    expect(placard.street.name).toBe('殷行街道');
    expect(placard.community.name).toBe('殷行一村居委会');
    expect(placard.room.hours).toBe('周一至周五 9:00-17:00');
    expect(placard.liaisons).toHaveLength(2);
    expect(placard.building.address).toBe(summary.samplePlacard.address);
    expect(placard.matters.length).toBeGreaterThanOrEqual(3);
  });

  it('lists the demo accounts with one shared password', async () => {
    const names = summary.accounts.map((a) => a.username);
    expect(names).toContain('admin');
    expect(names).toContain('yinhang.admin');
    expect(names).toContain('yinhang.1');
    expect(names).toContain('yinhang.2');
    expect(new Set(names).size).toBe(names.length);
    expect(summary.accounts.find((a) => a.username === 'yinhang.admin')).toEqual({
      username: 'yinhang.admin',
      role: 'street_admin',
      street: '殷行街道',
    });
    const admin = await store.findStaffByUsername(handle.db, 'admin');
    const liaison = await store.findStaffByUsername(handle.db, 'wujiaochang.1');
    expect(admin?.role).toBe('bureau_admin');
    expect(await verifyPassword(admin?.password_hash ?? '', demoPassword)).toBe(true);
    expect(liaison?.password_hash).toBe(admin?.password_hash);
    const streetAdmins = summary.accounts.filter((a) => a.role === 'street_admin');
    expect(new Set(streetAdmins.map((a) => a.street))).toEqual(new Set(yangpuStreets));
    expect(summary.accounts.filter((a) => a.role === 'bureau_admin')).toHaveLength(1);
  });

  it('counts what it created', async () => {
    expect(summary.counts.streets).toBe(12);
    expect(summary.counts.parks).toBe(2);
    expect(await store.countRows(handle.db, 'buildings')).toBe(summary.counts.buildings);
    expect(await store.countRows(handle.db, 'staff')).toBe(summary.counts.accounts);
    // 1 bureau admin, the 3 separate administrators, 12 street admins and 5 department accounts
    // besides the liaisons.
    expect(summary.counts.accounts).toBe(summary.counts.liaisons + 16 + 5);
  });

  it('does nothing when a district already exists', async () => {
    const before = await store.countRows(handle.db, 'buildings');
    expect(await seedDemoOrg(handle.db)).toBeNull();
    expect(await store.countRows(handle.db, 'buildings')).toBe(before);
    expect(await store.countRows(handle.db, 'streets')).toBe(12);
  });
});

describe('placard lookup', () => {
  it('refuses an unknown token with placard_not_found', async () => {
    await expect(getPlacard(handle.db, 'nosuchtoken00000')).rejects.toMatchObject({
      code: 'placard_not_found',
    });
  });

  it('refuses a retired placard with placard_retired', async () => {
    const scene = await createPlacardScene(handle.db);
    await retireBuilding(handle.db, scene.building);
    await expect(getPlacard(handle.db, scene.building.placard_token)).rejects.toMatchObject({
      code: 'placard_retired',
    });
  });
});
