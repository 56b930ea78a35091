// The Yangpu demo organisation: seeded into an empty database for `npm start` and the tests, and
// described on later starts for the start banner. Never used with a real, imported organisation.
import type { StaffRole } from '../../contract/auth.js';
import { hashPassword } from '../accounts/passwords.js';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import { addDepartment } from '../referrals/departments.js';
import { demoDistrict, samplePlacardBuildingCode, yangpuDemo } from './demo-org.js';
import type { DemoOrg } from './demo-org.js';
import { countBuildings, type OrgTree } from './org-tree.js';
import { getPlacard, seedMatters } from './service.js';
import * as store from './store.js';
import { writeOrgTree, type WriteOptions } from './tree-writer.js';

/** One demo account for the start banner. */
export interface DemoAccount {
  username: string;
  role: StaffRole;
  street: string | null;
}

/** What seedDemoOrg created, for the start banner. */
export interface DemoOrgSummary {
  counts: Record<'districts' | 'streets' | 'communities' | 'parks' | 'rooms', number> &
    Record<'liaisons' | 'accounts' | 'buildings', number>;
  password: string;
  accounts: DemoAccount[];
  samplePlacard: { token: string; building: string; address: string; street: string };
}

/** The password of every demo account; shown on the start banner, never used in production. */
export const demoPassword = 'linli-demo';

/**
 * Seeds the Yangpu demo organisation and the matter catalogue when the database has no district;
 * returns null and changes nothing otherwise. Every demo account shares one password hash, so
 * the ~100 accounts cost one argon2 run.
 */
export async function seedDemoOrg(
  db: Db,
  options: { password?: string; now?: Date } = {},
): Promise<DemoOrgSummary | null> {
  if ((await store.countRows(db, 'districts')) > 0) {
    return null;
  }
  const demo = yangpuDemo();
  const password = options.password ?? demoPassword;
  const hash = await hashPassword(password);
  const now = (options.now ?? new Date()).toISOString();
  await seedMatters(db);
  await db.transaction().execute(async (trx) => {
    const written = await writeOrgTree(trx, demo.tree, demoWriteOptions(hash, now));
    if (written.issues.length > 0) {
      throw new Error(`demo seed refused: ${written.issues[0]?.problemEn ?? ''}`);
    }
    await insertDemoAdmins(trx, demo, hash, now);
    await insertDemoDepartments(trx, demo, hash, now);
  });
  return demoSummary(db, demo, password);
}

/**
 * Describes the demo organisation already in the database, for the start banner on later starts;
 * null when the database holds no demo district (for example a real, imported one).
 */
export async function describeDemoOrg(
  db: Db,
  options: { password?: string } = {},
): Promise<DemoOrgSummary | null> {
  const district = await store.findDistrictByCode(db, demoDistrict.code);
  if (district?.is_demo !== 1) {
    return null;
  }
  return demoSummary(db, yangpuDemo(), options.password ?? demoPassword);
}

function demoWriteOptions(hash: string, now: string): WriteOptions {
  return {
    isDemo: true,
    now,
    passwordHashOf: () => Promise.resolve(hash),
    columnName: (field) => field,
  };
}

async function insertDemoAdmins(ex: Db, demo: DemoOrg, hash: string, now: string) {
  for (const admin of demo.admins) {
    const street = admin.streetCode ? await store.findStreetByCode(ex, admin.streetCode) : null;
    await store.insertRow(ex, 'staff', {
      id: newId(),
      username: admin.username,
      password_hash: hash,
      name: admin.name,
      role: admin.role,
      street_id: street?.id ?? null,
      badge_no: null,
      work_phone: null,
      active: 1,
      is_demo: 1,
      created_at: now,
    });
  }
}

/** The partner departments of the demo, each with its one department account. */
async function insertDemoDepartments(ex: Db, demo: DemoOrg, hash: string, now: string) {
  for (const department of demo.departments) {
    const departmentId = await addDepartment(ex, { ...department, isDemo: true });
    await store.insertRow(ex, 'staff', {
      id: newId(),
      username: department.username,
      password_hash: hash,
      name: department.personName,
      role: 'department',
      street_id: null,
      badge_no: null,
      work_phone: null,
      active: 1,
      is_demo: 1,
      created_at: now,
      department_id: departmentId,
    });
  }
}

async function demoSummary(db: Db, demo: DemoOrg, password: string): Promise<DemoOrgSummary> {
  const nameOfCode = new Map(demo.tree.streets.map((s) => [s.code, s.name]));
  const accounts: DemoAccount[] = [
    ...demo.admins.map((a) => ({
      username: a.username,
      role: a.role,
      street: a.streetCode ? (nameOfCode.get(a.streetCode) ?? null) : null,
    })),
    ...demo.departments.map((d) => ({
      username: d.username,
      role: 'department' as const,
      street: null,
    })),
    ...liaisonAccounts(demo.tree),
  ];
  const token = (await store.findBuildingToken(db, samplePlacardBuildingCode)) ?? '';
  const sample = await getPlacard(db, token).catch(() => null);
  const communities = demo.tree.streets.flatMap((s) => s.communities);
  return {
    counts: {
      districts: 1,
      streets: demo.tree.streets.length,
      communities: communities.filter((c) => c.kind === 'community').length,
      parks: communities.filter((c) => c.kind === 'park').length,
      rooms: communities.length,
      liaisons: accounts.length - demo.admins.length - demo.departments.length,
      accounts: accounts.length,
      buildings: countBuildings(demo.tree),
    },
    password,
    accounts,
    samplePlacard: {
      token: sample ? token : '',
      building: sample?.building.name ?? '',
      address: sample?.building.address ?? '',
      street: sample?.street.name ?? '',
    },
  };
}

function liaisonAccounts(tree: OrgTree): DemoAccount[] {
  const seen = new Set<string>();
  return tree.streets.flatMap((s) =>
    s.communities
      .flatMap((c) => c.room.liaisons)
      .filter((l) => !seen.has(l.username) && seen.add(l.username))
      .map((l) => ({ username: l.username, role: 'liaison' as const, street: s.name })),
  );
}
