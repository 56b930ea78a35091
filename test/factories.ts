// The one factories module for tests: a fresh database per call, and organisation rows created
// through the org store with sensible defaults. Each factory makes the parents it is not given.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { hashPassword } from '../src/server/accounts/passwords.js';
import {
  openPostgres,
  openSqlite,
  type DatabaseHandle,
  type Db,
} from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import type {
  BuildingTable,
  CommunityTable,
  DistrictTable,
  RoomTable,
  StaffTable,
  StreetTable,
} from '../src/server/db/schema.js';
import { newId, newPlacardToken, randomBase32 } from '../src/server/ids.js';
import { seedMatters } from '../src/server/org/service.js';
import * as orgStore from '../src/server/org/store.js';
import { pgTestUrl } from './pg.js';

/**
 * Opens an empty, migrated database: PostgreSQL in a fresh schema `t_<random>` when
 * LINLI_TEST_DB=postgres (close() drops the schema), else SQLite in a temp directory.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const handle = process.env.LINLI_TEST_DB === 'postgres' ? await openPgSchema() : openTempSqlite();
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

async function openPgSchema(): Promise<DatabaseHandle> {
  const url = pgTestUrl();
  const schema = `t_${randomBase32(12).toLowerCase()}`;
  await onPg(url, `CREATE SCHEMA ${schema}`);
  const handle = openPostgres(url, { searchPath: schema });
  return {
    ...handle,
    close: async () => {
      try {
        await handle.close();
      } finally {
        await onPg(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      }
    },
  };
}

async function onPg(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function openTempSqlite(): DatabaseHandle {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-test-'));
  const handle = openSqlite(path.join(dir, 'linli.sqlite'));
  return {
    ...handle,
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A short unique suffix, so default codes and names never collide within a database. */
export function unique(): string {
  counter += 1;
  return `${counter}${randomBase32(4)}`;
}

/** The password of every staff account a factory creates. */
export const factoryPassword = 'factory-password';
let factoryHash: Promise<string> | undefined;

/** The argon2 hash of factoryPassword, computed once per test process. */
export function factoryPasswordHash(): Promise<string> {
  factoryHash ??= hashPassword(factoryPassword);
  return factoryHash;
}

/** Creates a district. */
export async function createDistrict(
  db: Db,
  overrides: Partial<DistrictTable> = {},
): Promise<DistrictTable> {
  const u = unique();
  const row = { id: newId(), code: `T${u}`, name: `测试区${u}`, is_demo: 0, ...overrides };
  await orgStore.insertRow(db, 'districts', row);
  return row;
}

/** Creates a street, and a district unless one is given. */
export async function createStreet(
  db: Db,
  overrides: Partial<StreetTable> & { district?: DistrictTable } = {},
): Promise<StreetTable> {
  const { district, ...fields } = overrides;
  const districtId = fields.district_id ?? district?.id ?? (await createDistrict(db)).id;
  const u = unique();
  const row = {
    id: newId(),
    district_id: districtId,
    code: `S${u}`,
    name: `测试路${u}街道`,
    sort: 1,
    is_demo: 0,
    ...fields,
  };
  await orgStore.insertRow(db, 'streets', row);
  return row;
}

/** Creates a community (or a park with kind 'park'), and a street unless one is given. */
export async function createCommunity(
  db: Db,
  overrides: Partial<CommunityTable> & { street?: StreetTable } = {},
): Promise<CommunityTable> {
  const { street, ...fields } = overrides;
  const streetId = fields.street_id ?? street?.id ?? (await createStreet(db)).id;
  const u = unique();
  const row: CommunityTable = {
    id: newId(),
    street_id: streetId,
    code: `C${u}`,
    name: `测试${u}居委会`,
    kind: 'community',
    is_demo: 0,
    ...fields,
  };
  await orgStore.insertRow(db, 'communities', row);
  return row;
}

/** A room with the id of its street, which liaisons need. */
export type TestRoom = RoomTable & { streetId: string };

/**
 * Creates a room for a community (a new one unless given); `matters` lists main matter codes
 * and seeds the catalogue first.
 */
export async function createRoom(
  db: Db,
  overrides: Partial<RoomTable> & { community?: CommunityTable; matters?: string[] } = {},
): Promise<TestRoom> {
  const { community: given, matters = [], ...fields } = overrides;
  const community = given ?? (await createCommunity(db));
  const park = community.kind === 'park';
  const row: RoomTable = {
    id: newId(),
    community_id: community.id,
    code: `${community.code}-room`,
    name: `${community.name}${park ? '城管园区工作站' : '城管社区工作室'}`,
    kind: park ? 'workstation' : 'workroom',
    address: '测试路1号',
    hours: '周一至周五 9:00-17:00',
    is_demo: 0,
    ...fields,
  };
  await orgStore.insertRow(db, 'rooms', row);
  if (matters.length > 0) {
    await seedMatters(db);
    await orgStore.replaceRoomMatters(db, row.id, matters);
  }
  return { ...row, streetId: community.street_id };
}

/** Creates a staff account (default: a bureau admin) whose password is factoryPassword. */
export async function createStaff(
  db: Db,
  overrides: Partial<StaffTable> = {},
): Promise<StaffTable> {
  const u = unique();
  const row: StaffTable = {
    id: newId(),
    username: `staff.${u.toLowerCase()}`,
    password_hash: await factoryPasswordHash(),
    name: `测试员${u}`,
    role: 'bureau_admin',
    street_id: null,
    badge_no: null,
    work_phone: null,
    active: 1,
    is_demo: 0,
    created_at: new Date().toISOString(),
    ...overrides,
  };
  await orgStore.insertRow(db, 'staff', row);
  return row;
}

/** Creates a liaison of a room (a new one unless given), appended after its other liaisons. */
export async function createLiaison(
  db: Db,
  overrides: Partial<StaffTable> & { room?: TestRoom } = {},
): Promise<StaffTable> {
  const { room: given, ...fields } = overrides;
  const room = given ?? (await createRoom(db));
  const n = String(counter + 1).padStart(4, '0');
  const staff = await createStaff(db, {
    role: 'liaison',
    street_id: room.streetId,
    badge_no: `T-${n}`,
    work_phone: `021-6500${n}`,
    ...fields,
  });
  const current = await orgStore.listRoomLiaisonIds(db, room.id);
  await orgStore.replaceRoomLiaisons(db, room.id, [...current, staff.id]);
  return staff;
}

/** Creates a building with a fresh placard token in a community (a new one unless given). */
export async function createBuilding(
  db: Db,
  overrides: Partial<BuildingTable> & { community?: CommunityTable } = {},
): Promise<BuildingTable> {
  const { community, ...fields } = overrides;
  const communityId = fields.community_id ?? community?.id ?? (await createCommunity(db)).id;
  const u = unique();
  const row: BuildingTable = {
    id: newId(),
    community_id: communityId,
    code: `B${u}`,
    name: `${u}号楼`,
    address: `测试路${u}号`,
    placard_token: newPlacardToken(),
    retired_at: null,
    is_demo: 0,
    ...fields,
  };
  await orgStore.insertRow(db, 'buildings', row);
  return row;
}

/** Marks a building's placard retired now. */
export async function retireBuilding(db: Db, building: BuildingTable): Promise<void> {
  await orgStore.retireBuilding(db, building.id, new Date().toISOString());
}

/** A whole placard's worth of organisation: street, community, room, liaisons and a building. */
export interface PlacardScene {
  street: StreetTable;
  community: CommunityTable;
  room: TestRoom;
  liaisons: StaffTable[];
  building: BuildingTable;
}

/** Creates one building whose room has `liaisons` liaisons (default 2) and two main matters. */
export async function createPlacardScene(
  db: Db,
  options: { liaisons?: number; matters?: string[]; street?: StreetTable } = {},
): Promise<PlacardScene> {
  const street = options.street ?? (await createStreet(db));
  const community = await createCommunity(db, { street });
  const room = await createRoom(db, { community, matters: options.matters ?? ['WFDJ', 'LDDW'] });
  const liaisons: StaffTable[] = [];
  for (let i = 0; i < (options.liaisons ?? 2); i++) {
    liaisons.push(await createLiaison(db, { room }));
  }
  const building = await createBuilding(db, { community });
  return { street, community, room, liaisons, building };
}
