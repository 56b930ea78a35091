import type { Matter, Placard } from '../../contract/org.js';
import { hashPassword } from '../accounts/passwords.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { randomBase32 } from '../ids.js';
import { seedCatalogue } from '../matters/service.js';
import { buildingOfReplacedToken } from '../placards/tokens.js';
import { columnName, type ImportTable } from './import-file.js';
import { validateImportRows, type ImportIssue } from './import-rows.js';
import { catalogueCodes, mattersCatalogue } from './matters-catalogue.js';
import { countBuildings, type OrgTree } from './org-tree.js';
import * as store from './store.js';
import { emptyCounts, writeOrgTree, type LevelCounts } from './tree-writer.js';

export type { LevelCounts } from './tree-writer.js';
export {
  demoPassword,
  describeDemoOrg,
  seedDemoOrg,
  type DemoAccount,
  type DemoOrgSummary,
} from './demo-seed.js';

/**
 * Inserts the seed matters the catalogue lacks (docs/sources.md §2), never writing over the
 * bureau's edits (src/server/matters); returns how many the seed holds.
 */
export async function seedMatters(db: Db): Promise<number> {
  await db.transaction().execute((trx) => seedMattersIn(trx));
  return mattersCatalogue.length;
}

/** The public matter catalogue in its order. */
export async function listMatters(db: Db): Promise<Matter[]> {
  const rows = await store.listMatterRows(db);
  return rows.map((m) => ({
    code: m.code,
    name: m.name,
    nameEn: m.name_en,
    prohibitionBasis: m.prohibition_basis,
    penaltyBasis: m.penalty_basis,
    penaltyRange: m.penalty_range,
  }));
}

/** A street of a district, as lists and pickers show it. */
export interface StreetSummary {
  id: string;
  code: string;
  name: string;
}

/** The streets of the district with this code, in their official order. */
export async function listStreetsOfDistrict(db: Db, districtCode: string) {
  const district = await store.findDistrictByCode(db, districtCode);
  const rows = district ? await store.listStreets(db, district.id) : [];
  return rows.map((s): StreetSummary => ({ id: s.id, code: s.code, name: s.name }));
}

/** Where a placard token points, for the ticket feature. */
export interface BuildingContext {
  buildingId: string;
  roomId: string;
  streetId: string;
  communityId: string;
  retired: boolean;
}

/**
 * The building of a current token, or of one its QR code carried before a rotation (the
 * placards feature keeps those), with `replaced` telling which.
 */
async function findPlace(db: Db, token: string) {
  const current = await store.findPlacardPlace(db, token);
  if (current) {
    return { place: current, replaced: false };
  }
  const buildingId = await buildingOfReplacedToken(db, token);
  const place = buildingId ? await store.findPlacardPlaceOfBuilding(db, buildingId) : undefined;
  return { place, replaced: true };
}

async function placeOf(db: Db, token: string, allowRetired: boolean) {
  const found = token.length <= 64 ? await findPlace(db, token.toLowerCase()) : null;
  const place = found?.place;
  if (!place?.roomId) {
    throw new AppError('placard_not_found');
  }
  if (place.retiredAt && !allowRetired) {
    throw new AppError('placard_retired');
  }
  return { ...place, roomId: place.roomId, replaced: found?.replaced === true };
}

/**
 * What the placard page of a building shows. Unknown tokens, and buildings whose community has
 * no room yet, are placard_not_found; a retired placard is placard_retired. A token replaced by
 * a rotation answers with the building's current contact and `tokenReplaced`.
 */
export async function getPlacard(db: Db, token: string): Promise<Placard> {
  const p = await placeOf(db, token, false);
  const [liaisons, matters] = await Promise.all([
    store.listLiaisonCards(db, p.roomId),
    store.listRoomMatters(db, p.roomId),
  ]);
  return {
    building: { name: p.buildingName, address: p.buildingAddress },
    community: { name: p.communityName, kind: p.communityKind },
    street: { name: p.streetName },
    room: {
      name: p.roomName ?? '',
      kind: p.roomKind ?? 'workroom',
      address: p.roomAddress ?? '',
      hours: p.roomHours ?? '',
    },
    liaisons: liaisons.map((l) => ({
      name: l.name,
      badgeNo: l.badge_no ?? '',
      workPhone: l.work_phone ?? '',
    })),
    matters: matters.map((m) => ({ code: m.code, name: m.name, nameEn: m.name_en })),
    tokenReplaced: p.replaced,
  };
}

/**
 * The building, room, community and street a placard token points to. Throws placard_not_found
 * for an unknown token and placard_retired for a retired one, unless allowRetired is set (for
 * reading old tickets); then `retired` tells.
 */
export async function getBuildingContext(
  db: Db,
  token: string,
  options: { allowRetired?: boolean } = {},
): Promise<BuildingContext> {
  const p = await placeOf(db, token, options.allowRetired ?? false);
  return {
    buildingId: p.buildingId,
    roomId: p.roomId,
    streetId: p.streetId,
    communityId: p.communityId,
    retired: p.retiredAt !== null,
  };
}

/** The ids of the rooms a liaison serves. */
export function listRoomIdsOfLiaison(db: Db, staffId: string): Promise<string[]> {
  return store.listRoomIdsOfStaff(db, staffId);
}

/** An active liaison of a street with the names of the rooms they serve. */
export interface StreetLiaison {
  id: string;
  name: string;
  badgeNo: string;
  rooms: string[];
}

/** The active liaisons of a street, ordered by user name, each with their rooms' names. */
export async function listLiaisonsOfStreet(db: Db, streetId: string): Promise<StreetLiaison[]> {
  const rows = await store.listStreetLiaisonRooms(db, streetId);
  const byId = new Map<string, StreetLiaison>();
  for (const r of rows) {
    const liaison = byId.get(r.id) ?? {
      id: r.id,
      name: r.name,
      badgeNo: r.badge_no ?? '',
      rooms: [],
    };
    if (r.room) {
      liaison.rooms.push(r.room);
    }
    byId.set(r.id, liaison);
  }
  return [...byId.values()];
}

/** The names of these staff members by id; unknown ids are absent from the map. */
export async function getStaffName(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const rows = await store.listStaffNames(db, unique);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The result of an import: the counts when written, or every bad row when nothing was. */
export interface ImportReport {
  ok: boolean;
  issues: ImportIssue[];
  counts: LevelCounts;
  newAccounts: { username: string; name: string; password: string }[];
}

/** Progress of an import: reading rows, then writing buildings. */
export type ImportProgress = (phase: 'read' | 'write', done: number, total: number) => void;

class ImportRefused extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super('import refused');
  }
}

/**
 * Imports an organisation file: validates every row first, then upserts the whole tree in one
 * transaction. Any bad row, or a conflict found in the database, writes nothing. New liaisons
 * get a random initial password, returned once in the report and stored only as a hash.
 */
export async function importOrg(
  db: Db,
  table: ImportTable,
  onProgress?: ImportProgress,
): Promise<ImportReport> {
  const dbCodes = (await store.listMatterRows(db)).map((m) => m.code);
  const known = dbCodes.length > 0 ? new Set(dbCodes) : catalogueCodes;
  const { tree, issues } = validateImportRows(table, known, (d, t) => onProgress?.('read', d, t));
  if (!tree) {
    return refused(issues);
  }
  const passwords = await initialPasswords(db, tree);
  const total = countBuildings(tree);
  let done = 0;
  try {
    const written = await db.transaction().execute(async (trx) => {
      if (dbCodes.length === 0) {
        await seedMattersIn(trx);
      }
      const result = await writeOrgTree(trx, tree, {
        isDemo: false,
        now: new Date().toISOString(),
        passwordHashOf: (u) => hashFor(passwords, u),
        columnName: (field) => columnName(table, field),
        onBuilding: () => onProgress?.('write', ++done, total),
      });
      if (result.issues.length > 0) {
        throw new ImportRefused(result.issues);
      }
      return result;
    });
    const newAccounts = written.newStaff.map((s) => ({
      ...s,
      password: passwords.get(s.username)?.password ?? '',
    }));
    return { ok: true, issues: [], counts: written.counts, newAccounts };
  } catch (error) {
    if (error instanceof ImportRefused) {
      return refused(error.issues);
    }
    throw error;
  }
}

function refused(issues: ImportIssue[]): ImportReport {
  return { ok: false, issues, counts: emptyCounts(), newAccounts: [] };
}

async function seedMattersIn(ex: Db): Promise<void> {
  await seedCatalogue(ex, mattersCatalogue, new Date().toISOString());
}

type Passwords = Map<string, { password: string; hash: Promise<string> }>;

/** Initial passwords for the liaisons that have no account yet, hashed before the transaction. */
async function initialPasswords(db: Db, tree: OrgTree): Promise<Passwords> {
  const liaisons = tree.streets.flatMap((s) => s.communities.flatMap((c) => c.room.liaisons));
  const usernames = [...new Set(liaisons.map((l) => l.username))];
  const existing = await store.listExistingUsernames(db, usernames);
  const passwords: Passwords = new Map();
  for (const username of usernames.filter((u) => !existing.has(u))) {
    const password = randomBase32(12);
    passwords.set(username, { password, hash: hashPassword(password) });
  }
  await Promise.all([...passwords.values()].map((p) => p.hash));
  return passwords;
}

function hashFor(passwords: Passwords, username: string): Promise<string> {
  const known = passwords.get(username);
  if (known) {
    return known.hash;
  }
  const password = randomBase32(12);
  const entry = { password, hash: hashPassword(password) };
  passwords.set(username, entry);
  return entry.hash;
}

/** A room a ticket can be routed to, with its place. */
export interface RoomPlace {
  roomId: string;
  roomName: string;
  communityName: string;
  streetId: string;
  streetName: string;
}

/** The rooms of one street, or of the whole district when no street is given. */
export async function listRoomPlaces(db: Db, streetId?: string): Promise<RoomPlace[]> {
  const rows = await store.listRoomsWithPlace(db);
  return rows
    .filter((r) => !streetId || r.streetId === streetId)
    .map((r) => ({
      roomId: r.roomId,
      roomName: r.roomName,
      communityName: r.communityName,
      streetId: r.streetId,
      streetName: r.streetName,
    }));
}
