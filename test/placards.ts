// A placard scene for the placard tests: the demo organisation (Yangpu, demo data) plus the
// example organisation file imported as real data (示例区, examples/org-import.csv), with a street
// admin of 示例东路街道 and sign-ins for the accounts the tests use.
import path from 'node:path';
import { readImportFile } from '../src/server/org/import-file.js';
import { importOrg } from '../src/server/org/service.js';
import { json, loginAs, startTestApp, type TestApp } from './app.js';
import { createStaff, factoryPassword } from './factories.js';

/** The example file the scene imports. */
export const exampleOrgCsv = path.resolve('examples/org-import.csv');

/** The code of 示例东路街道 in the example file. */
export const exampleStreetCode = '990001001';

export interface PlacardScene {
  t: TestApp;
  /** The initial passwords of the imported liaisons, by user name. */
  passwords: Map<string, string>;
  /** The street admin of 示例东路街道 (a factory account). */
  streetAdmin: string;
  /** A session cookie for a user name: imported liaisons, the street admin, or a demo account. */
  cookieOf(username: string): Promise<string>;
  /** Forgets the sessions, for a test that moved the clock past their timeout. */
  forgetSessions(): void;
  /** The code of a community of the example by its name. */
  communityCode(name: string): Promise<string>;
}

/** Starts the app with the demo, imports the example file, and adds the street admin. */
export async function startPlacardScene(now: Date): Promise<PlacardScene> {
  const t = await startTestApp(now);
  const report = await importOrg(t.handle.db, await readImportFile(exampleOrgCsv));
  if (!report.ok) {
    throw new Error(`example import refused: ${JSON.stringify(report.issues)}`);
  }
  const passwords = new Map(report.newAccounts.map((a) => [a.username, a.password]));
  const street = await t.handle.db
    .selectFrom('streets')
    .select('id')
    .where('code', '=', exampleStreetCode)
    .executeTakeFirstOrThrow();
  const admin = await createStaff(t.handle.db, { role: 'street_admin', street_id: street.id });
  const cookies = new Map<string, string>();
  const cookieOf = async (username: string) => {
    const known = cookies.get(username);
    if (known) {
      return known;
    }
    const password =
      passwords.get(username) ?? (username === admin.username ? factoryPassword : undefined);
    const cookie = await loginAs(t.app, username, password);
    cookies.set(username, cookie);
    return cookie;
  };
  const communityCode = async (name: string) => {
    const tree = json<{ streets: { communities: { code: string; name: string }[] }[] }>(
      await t.app.inject({
        url: '/api/staff/placards/scopes',
        headers: { cookie: await cookieOf('admin') },
      }),
    );
    const found = tree.streets.flatMap((s) => s.communities).find((c) => c.name === name);
    if (!found) {
      throw new Error(`no community ${name}`);
    }
    return found.code;
  };
  const forgetSessions = () => {
    cookies.clear();
  };
  return { t, passwords, streetAdmin: admin.username, cookieOf, forgetSessions, communityCode };
}

/** The placard token of a building by name. */
export async function tokenOf(t: TestApp, buildingName: string): Promise<string> {
  const row = await t.handle.db
    .selectFrom('buildings')
    .select('placard_token')
    .where('name', '=', buildingName)
    .executeTakeFirstOrThrow();
  return row.placard_token;
}
