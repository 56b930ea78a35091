// The real app for browser tests: the same build as test/app.ts (a fresh test database with the
// Yangpu demo), plus the built web from dist/web, listening on a free port of 127.0.0.1.
import type { FastifyInstance } from 'fastify';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoMobiles } from '../../src/server/accounts/mobile.js';
import { buildApp } from '../../src/server/app.js';
import { createContext } from '../../src/server/context-factory.js';
import type { AppContext } from '../../src/server/context.js';
import type { DatabaseHandle } from '../../src/server/db/database.js';
import { seedDemoOrg, type DemoOrgSummary } from '../../src/server/org/service.js';
import { prepareTestApp } from '../../test/app.js';
import { openTestDatabase } from '../../test/factories.js';
import { rememberContext } from '../../test/second-factor.js';

export const webRoot = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** One liaison as the placard shows them. */
export interface PlacardLiaison {
  username: string;
  name: string;
  badgeNo: string;
  workPhone: string;
}

/** What the printed placard of the demo's sample building says, read from the database. */
export interface SamplePlacard {
  token: string;
  building: string;
  street: string;
  roomHours: string;
  liaisons: PlacardLiaison[];
  matters: { code: string; name: string }[];
}

export interface E2eServer {
  baseUrl: string;
  app: FastifyInstance;
  handle: DatabaseHandle;
  /** The app's own context, for tests that seed through the services (its files, its clock). */
  ctx: AppContext;
  demo: DemoOrgSummary;
  placard: SamplePlacard;
  close(): Promise<void>;
}

/** Starts the app on a fresh test database (SQLite, or PostgreSQL with LINLI_TEST_DB=postgres). */
export async function startE2eServer(): Promise<E2eServer> {
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error(`${webRoot}index.html is missing: e2e/global-setup.ts should have built it`);
  }
  const handle = await openTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-'));
  const close = async () => {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const demo = await seedDemoOrg(handle.db);
    if (!demo) {
      throw new Error('the test database was not empty');
    }
    // The real clock: session cookies and deadlines must make sense to the browser.
    const ctx = createContext(
      {
        dataKey: Buffer.alloc(32, 7),
        filesDir: path.join(dataDir, 'files'),
        sessionIdleMinutes: 30,
        sessionAbsoluteHours: 12,
        publicBaseUrl: null,
      },
      handle,
    );
    await seedDemoMobiles(handle.db, ctx.cipher);
    const app = await buildApp(ctx, { logLevel: 'silent', webRoot });
    prepareTestApp(app, ctx);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    rememberContext(address, ctx);
    const placard = await readSamplePlacard(handle, demo);
    return {
      baseUrl: address,
      app,
      handle,
      ctx,
      demo,
      placard,
      async close() {
        await app.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function readSamplePlacard(
  handle: DatabaseHandle,
  demo: DemoOrgSummary,
): Promise<SamplePlacard> {
  const token = demo.samplePlacard.token;
  const room = await handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .select(['rooms.id', 'rooms.hours'])
    .where('buildings.placard_token', '=', token)
    .executeTakeFirstOrThrow();
  const liaisons = await handle.db
    .selectFrom('room_liaisons')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select(['staff.username', 'staff.name', 'staff.badge_no', 'staff.work_phone'])
    .where('room_liaisons.room_id', '=', room.id)
    .orderBy('room_liaisons.sort')
    .execute();
  const matters = await handle.db
    .selectFrom('room_matters')
    .innerJoin('matters', 'matters.code', 'room_matters.matter_code')
    .select(['matters.code', 'matters.name'])
    .where('room_matters.room_id', '=', room.id)
    .orderBy('room_matters.sort')
    .execute();
  return {
    token,
    building: demo.samplePlacard.building,
    street: demo.samplePlacard.street,
    roomHours: room.hours,
    liaisons: liaisons.map((l) => ({
      username: l.username,
      name: l.name,
      badgeNo: l.badge_no ?? '',
      workPhone: l.work_phone ?? '',
    })),
    matters: matters.map((m) => ({ code: m.code, name: m.name })),
  };
}

/** The resolve deadline of a ticket as the interface shows it: Shanghai time, 2025/10/14 23:59. */
export async function resolveDeadlineOf(
  handle: DatabaseHandle,
  trackingCode: string,
): Promise<string> {
  const row = await handle.db
    .selectFrom('tickets')
    .select(['resolve_due_at'])
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirstOrThrow();
  // SQLite keeps an ISO string; PostgreSQL may hand back a Date. new Date() takes either.
  return shanghaiDateTime(new Date(row.resolve_due_at));
}

function shanghaiDateTime(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute}`;
}
