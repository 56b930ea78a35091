import type { CommunityTable, DistrictTable, StaffTable, StreetTable } from '../db/schema.js';
import { newId, newPlacardToken } from '../ids.js';
import type { ImportField } from './import-file.js';
import type { ImportIssue } from './import-rows.js';
import type {
  BuildingNode,
  CommunityNode,
  LiaisonNode,
  OrgTree,
  RoomNode,
  StreetNode,
} from './org-tree.js';
import { roomCodeOf, stableCode } from './org-tree.js';
import * as store from './store.js';
import type { Executor } from './store.js';

/** The levels an import reports on. */
export const levels = ['district', 'street', 'community', 'room', 'liaison', 'building'] as const;

/** One level of the organisation tree. */
export type Level = (typeof levels)[number];

/** How many rows of each level were created or changed. */
export type LevelCounts = Record<Level, { created: number; updated: number }>;

/** What the writer needs from its caller; it never opens a transaction itself. */
export interface WriteOptions {
  isDemo: boolean;
  now: string;
  passwordHashOf(username: string): Promise<string>;
  columnName(field: ImportField): string;
  onBuilding?(): void;
}

/** The outcome: counts, refusals found against the database, and the accounts created. */
export interface WriteResult {
  counts: LevelCounts;
  issues: ImportIssue[];
  newStaff: { username: string; name: string }[];
}

interface Run {
  ex: Executor;
  opts: WriteOptions;
  result: WriteResult;
  staffIds: Map<string, string>;
}

/** Zero counts for every level. */
export function emptyCounts(): LevelCounts {
  return Object.fromEntries(levels.map((l) => [l, { created: 0, updated: 0 }])) as LevelCounts;
}

/**
 * Upserts a tree by codes and names inside the caller's transaction. Rows that conflict with
 * the database (a code of another district, a user name of an administrator) become issues;
 * the caller rolls back when there are any.
 */
export async function writeOrgTree(
  ex: Executor,
  tree: OrgTree,
  opts: WriteOptions,
): Promise<WriteResult> {
  const run: Run = {
    ex,
    opts,
    result: { counts: emptyCounts(), issues: [], newStaff: [] },
    staffIds: new Map(),
  };
  const district = await writeDistrict(run, tree.district);
  for (const street of tree.streets) {
    const streetRow = await writeStreet(run, district, street);
    if (!streetRow) {
      continue;
    }
    for (const community of street.communities) {
      await writeCommunityTree(run, streetRow, community);
    }
  }
  return run.result;
}

function count(run: Run, level: Level, created: boolean): void {
  run.result.counts[level][created ? 'created' : 'updated'] += 1;
}

function refuse(run: Run, row: number, field: ImportField, zh: string, en: string): null {
  run.result.issues.push({ row, column: run.opts.columnName(field), problem: zh, problemEn: en });
  return null;
}

async function writeDistrict(run: Run, node: OrgTree['district']): Promise<DistrictTable> {
  const found = await store.findDistrictByCode(run.ex, node.code);
  if (!found) {
    const row = { id: newId(), code: node.code, name: node.name, is_demo: demoFlag(run) };
    await store.insertRow(run.ex, 'districts', row);
    count(run, 'district', true);
    return row;
  }
  if (found.name !== node.name) {
    await store.updateDistrictName(run.ex, found.id, node.name);
    count(run, 'district', false);
  }
  return found;
}

function demoFlag(run: Run): number {
  return run.opts.isDemo ? 1 : 0;
}

async function writeStreet(
  run: Run,
  district: DistrictTable,
  node: StreetNode,
): Promise<StreetTable | null> {
  const byName = node.code
    ? undefined
    : await store.findStreetByName(run.ex, district.id, node.name);
  const code = node.code ?? byName?.code ?? stableCode(district.code, 's', node.name);
  const found = byName ?? (await store.findStreetByCode(run.ex, code));
  if (found && found.district_id !== district.id) {
    return refuse(
      run,
      node.row,
      'streetCode',
      `街道代码“${code}”已属于其他区的街道“${found.name}”。`,
      `Street code "${code}" belongs to "${found.name}" of another district.`,
    );
  }
  if (!found) {
    const sort = node.sort ?? (await store.maxStreetSort(run.ex, district.id)) + 1;
    const row = { id: newId(), district_id: district.id, code, name: node.name, sort };
    await store.insertRow(run.ex, 'streets', { ...row, is_demo: demoFlag(run) });
    count(run, 'street', true);
    return { ...row, is_demo: demoFlag(run) };
  }
  const patch = changed(found, { name: node.name, sort: node.sort ?? found.sort });
  if (patch) {
    await store.updateStreet(run.ex, found.id, patch);
    count(run, 'street', false);
  }
  return found;
}

/** The fields of `next` that differ from `current`, or null when none do. */
function changed<T extends object>(current: T, next: Partial<T>): Partial<T> | null {
  const patch: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (next[key] !== current[key]) {
      patch[key] = next[key];
    }
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

async function writeCommunityTree(run: Run, street: StreetTable, node: CommunityNode) {
  const community = await writeCommunity(run, street, node);
  if (!community) {
    return;
  }
  await writeRoom(run, street, community, node.room);
  for (const building of node.buildings) {
    await writeBuilding(run, community, building);
    run.opts.onBuilding?.();
  }
}

async function writeCommunity(
  run: Run,
  street: StreetTable,
  node: CommunityNode,
): Promise<CommunityTable | null> {
  const byName = node.code
    ? undefined
    : await store.findCommunityByName(run.ex, street.id, node.name);
  const code = node.code ?? byName?.code ?? stableCode(street.code, 'c', node.name);
  const found = byName ?? (await store.findCommunityByCode(run.ex, code));
  if (found && found.street_id !== street.id) {
    return refuse(
      run,
      node.row,
      'communityCode',
      `社区代码“${code}”已属于其他街道的“${found.name}”。`,
      `Community code "${code}" belongs to "${found.name}" of another street.`,
    );
  }
  if (!found) {
    const row = { id: newId(), street_id: street.id, code, name: node.name, kind: node.kind };
    await store.insertRow(run.ex, 'communities', { ...row, is_demo: demoFlag(run) });
    count(run, 'community', true);
    return { ...row, is_demo: demoFlag(run) };
  }
  const patch = changed(found, { name: node.name, kind: node.kind });
  if (patch) {
    await store.updateCommunity(run.ex, found.id, patch);
    count(run, 'community', false);
  }
  return found;
}

async function writeRoom(
  run: Run,
  street: StreetTable,
  community: CommunityTable,
  node: RoomNode,
): Promise<void> {
  const staffIds: string[] = [];
  for (const liaison of node.liaisons) {
    const id = await writeLiaison(run, street, liaison);
    if (id) {
      staffIds.push(id);
    }
  }
  const fields = { name: node.name, kind: node.kind, address: node.address, hours: node.hours };
  const found = await store.findRoomOfCommunity(run.ex, community.id);
  const id = found?.id ?? newId();
  if (!found) {
    const code = node.code ?? roomCodeOf(community.code);
    const row = { id, community_id: community.id, code, ...fields, is_demo: demoFlag(run) };
    await store.insertRow(run.ex, 'rooms', row);
  }
  const patch = found ? changed(found, fields) : null;
  if (patch) {
    await store.updateRoom(run.ex, id, patch);
  }
  const matters = await syncMatters(run, id, node.matters);
  const liaisons = await syncLiaisons(run, id, staffIds);
  if (!found || patch || matters || liaisons) {
    count(run, 'room', !found);
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Replaces a room's main matters when they differ; true when it did. */
async function syncMatters(run: Run, roomId: string, codes: string[]): Promise<boolean> {
  if (sameList(await store.listRoomMatterCodes(run.ex, roomId), codes)) {
    return false;
  }
  await store.replaceRoomMatters(run.ex, roomId, codes);
  return true;
}

/** Replaces a room's liaisons when they differ; true when it did. */
async function syncLiaisons(run: Run, roomId: string, staffIds: string[]): Promise<boolean> {
  if (sameList(await store.listRoomLiaisonIds(run.ex, roomId), staffIds)) {
    return false;
  }
  await store.replaceRoomLiaisons(run.ex, roomId, staffIds);
  return true;
}

/** Creates or updates a liaison account once per run; refuses an account it may not take over. */
async function writeLiaison(
  run: Run,
  street: StreetTable,
  node: LiaisonNode,
): Promise<string | null> {
  const known = run.staffIds.get(node.username);
  if (known) {
    return known;
  }
  const found = await store.findStaffByUsername(run.ex, node.username);
  if (found && !mayUpdateLiaison(run, found, street, node)) {
    return null;
  }
  const fields = { name: node.name, badge_no: node.badgeNo, work_phone: node.workPhone };
  const id = found?.id ?? newId();
  if (!found) {
    const hash = await run.opts.passwordHashOf(node.username);
    await store.insertRow(run.ex, 'staff', newLiaisonRow(id, street, node, run, hash));
    run.result.newStaff.push({ username: node.username, name: node.name });
    count(run, 'liaison', true);
  }
  const patch = found ? changed(found, fields) : null;
  if (patch) {
    await store.updateStaff(run.ex, id, patch);
    count(run, 'liaison', false);
  }
  run.staffIds.set(node.username, id);
  return id;
}

function newLiaisonRow(
  id: string,
  street: StreetTable,
  node: LiaisonNode,
  run: Run,
  passwordHash: string,
): StaffTable {
  return {
    id,
    username: node.username,
    password_hash: passwordHash,
    name: node.name,
    role: 'liaison',
    street_id: street.id,
    badge_no: node.badgeNo,
    work_phone: node.workPhone,
    active: 1,
    is_demo: demoFlag(run),
    created_at: run.opts.now,
  };
}

function mayUpdateLiaison(
  run: Run,
  found: StaffTable,
  street: StreetTable,
  node: LiaisonNode,
): boolean {
  const field = node.slot === 1 ? 'liaison1Username' : 'liaison2Username';
  if (found.role !== 'liaison') {
    refuse(
      run,
      node.row,
      field,
      `用户名“${node.username}”已是管理员账号，不能用作联络员。`,
      `User name "${node.username}" belongs to an administrator account.`,
    );
    return false;
  }
  if (found.street_id !== street.id) {
    refuse(
      run,
      node.row,
      field,
      `联络员“${node.username}”已属于其他街道，请先在工作台调整。`,
      `Liaison "${node.username}" already belongs to another street.`,
    );
    return false;
  }
  return true;
}

async function writeBuilding(run: Run, community: CommunityTable, node: BuildingNode) {
  const found = await store.findBuildingByName(run.ex, community.id, node.name);
  if (!found) {
    await store.insertRow(run.ex, 'buildings', {
      id: newId(),
      community_id: community.id,
      code: node.code ?? stableCode(community.code, 'b', node.name),
      name: node.name,
      address: node.address,
      placard_token: newPlacardToken(),
      retired_at: null,
      is_demo: demoFlag(run),
    });
    count(run, 'building', true);
  } else if (found.address !== node.address) {
    await store.updateBuildingAddress(run.ex, found.id, node.address);
    count(run, 'building', false);
  }
}
