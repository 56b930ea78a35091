import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemoMobiles } from '../src/server/accounts/mobile.js';
import { buildApp } from '../src/server/app.js';
import { defaultIdentitySettings } from '../src/server/config.js';
import { createContext } from '../src/server/context-factory.js';
import type { AppContext } from '../src/server/context.js';
import type { DatabaseHandle } from '../src/server/db/database.js';
import { seedDemoOrg, type DemoOrgSummary } from '../src/server/org/service.js';
import { openTestDatabase } from './factories.js';
import {
  forgetContext,
  rememberContext,
  sendCsrfTokenLikeTheWeb,
  signInThroughApi,
} from './second-factor.js';

/** A running app over a fresh test database, with a clock the test moves. */
export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  handle: DatabaseHandle;
  clock: { now: Date };
  demo: DemoOrgSummary;
  /** `app.inject` without the CSRF header the web client adds (the CSRF tests use it). */
  rawInject: FastifyInstance['inject'];
  close(): Promise<void>;
}

/**
 * Readies an app built by a test: sign-ins through it can pass the second factor, and its
 * inject sends the CSRF header the web client sends. Answers the inject without that header.
 */
export function prepareTestApp(app: FastifyInstance, ctx: AppContext): FastifyInstance['inject'] {
  rememberContext(app, ctx);
  return sendCsrfTokenLikeTheWeb(app, ctx);
}

/** Builds the app on a fresh database (SQLite file or PostgreSQL schema) with the demo org. */
export async function startTestApp(now = new Date('2025-09-30T07:20:00.000Z')): Promise<TestApp> {
  const handle = await openTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-app-'));
  const demo = await seedDemoOrg(handle.db, { now });
  if (!demo) {
    throw new Error('the test database was not empty');
  }
  const clock = { now };
  const ctx = createContext(
    {
      dataKey: Buffer.alloc(32, 7),
      filesDir: path.join(dataDir, 'files'),
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      publicBaseUrl: null,
      // Tests submit many tickets from one address at one instant; the throttle has its own test.
      identity: { ...defaultIdentitySettings, ticketsPerAddressHour: 100_000 },
    },
    handle,
    () => clock.now,
  );
  await seedDemoMobiles(handle.db, ctx.cipher);
  const app = await buildApp(ctx, { logLevel: 'silent' });
  const rawInject = prepareTestApp(app, ctx);
  return {
    app,
    ctx,
    handle,
    clock,
    demo,
    rawInject,
    async close() {
      forgetContext(app);
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs a staff member in and returns the session cookie header; admin roles pass their second
 * factor on the way (test/second-factor.ts).
 */
export async function loginAs(app: FastifyInstance, username: string, password = 'linli-demo') {
  return signInThroughApi(app, username, password);
}

/** The parsed JSON body of a response. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name it
export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}

/** A multipart body with one file field, as a browser sends it. */
export function multipartPhoto(bytes: Buffer, filename: string, mime = 'image/jpeg') {
  const boundary = `----linli${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: ${mime}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
