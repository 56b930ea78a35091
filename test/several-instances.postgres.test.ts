// Two Linli servers as real processes on one PostgreSQL database and one bucket, as behind a
// load balancer: what one instance stores, the other serves, and the outbox is delivered once.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt, StaffTicket } from '../src/contract/tickets.js';
import { verifyAuditChain } from '../src/server/audit/service.js';
import { deriveAuditKey } from '../src/server/config.js';
import { openPostgres, type DatabaseHandle } from '../src/server/db/database.js';
import {
  createFreshDatabase,
  startCountingGateway,
  startServer,
  type CountingGateway,
  type ServerProcess,
} from './instances.js';
import { startFakeS3, type FakeS3 } from './s3-fake.js';

const photo = readFileSync(path.resolve(import.meta.dirname, 'cases/uploads/photo-exif-gps.jpg'));
const tickets = 8;
// A fresh start migrates and loads the demo; on a busy 2-core machine that took 40-70 s.
const startMs = 150_000;
/** The one data key every instance shares; the audit chain's key is derived from it. */
const dataKey = '5a9a5e1f7b2d4860a1c3e5f70b2d4f6183a5c7e90b1d3f5a7c9e1b3d5f7092b4';

let database: { url: string; drop(): Promise<void> };
let handle: DatabaseHandle;
let gateway: CountingGateway;
let s3: FakeS3;
let a: ServerProcess;
let b: ServerProcess;
const dataDirs: string[] = [];

function settings(token: string): Record<string, string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-instance-'));
  dataDirs.push(dataDir);
  return {
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    DATA_KEY: dataKey,
    SEED_DEMO: 'auto',
    LOG_LEVEL: 'warn',
    NOTIFY_ADAPTER: 'http',
    SMS_GATEWAY_URL: gateway.url,
    // The fake gateway listens on this machine.
    OUTBOUND_ALLOW_LOOPBACK: 'true',
    SMS_GATEWAY_TOKEN: token,
    OUTBOX_INTERVAL_SECONDS: '1',
    FILE_STORAGE: 's3',
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.bucket,
    S3_ACCESS_KEY_ID: 'LINLITESTKEY',
    S3_SECRET_ACCESS_KEY: 'test-secret-not-real',
  };
}

async function call(server: ServerProcess, url: string, init: RequestInit = {}) {
  const response = await fetch(`${server.base}${url}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

/** A staff session: the cookies to send and the CSRF token that state changes repeat. */
interface Session {
  cookie: string;
  csrf: string;
}

function post(server: ServerProcess, url: string, body: unknown, session?: Session) {
  const auth: Record<string, string> = session
    ? { cookie: session.cookie, 'x-csrf-token': session.csrf }
    : {};
  return call(server, url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify(body),
  });
}

/** Signs the demo placard's first room liaison in on `server`. */
async function signIn(server: ServerProcess): Promise<Session> {
  const { placard, password } = bannerFacts(a);
  const login = await post(server, '/api/auth/login', {
    username: await roomLiaison(placard),
    password,
  });
  expect(login.status).toBe(200);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  const csrf = cookies.find((c) => c.startsWith('linli_csrf='))?.slice('linli_csrf='.length);
  expect(cookies.some((c) => c.startsWith('linli_session='))).toBe(true);
  return { cookie: cookies.join('; '), csrf: csrf ?? '' };
}

async function uploadPhoto(server: ServerProcess): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'IMG_0001.jpg');
  const res = await call(server, '/api/public/photos', { method: 'POST', body: form });
  expect(res.status).toBe(201);
  return (JSON.parse(res.text) as { id: string }).id;
}

/** The placard token and demo password the start banner printed. */
function bannerFacts(server: ServerProcess): { placard: string; password: string } {
  const placard = /\/b\/([A-Za-z0-9_-]+)/.exec(server.output())?.[1] ?? '';
  const password = /password 密码: (\S+)\)/.exec(server.output())?.[1] ?? '';
  return { placard, password };
}

async function roomLiaison(placard: string): Promise<string> {
  const row = await handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select('staff.username')
    .where('buildings.placard_token', '=', placard)
    .orderBy('room_liaisons.sort')
    .executeTakeFirstOrThrow();
  return row.username;
}

async function outboxSettled(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await handle.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', 'in', ['pending', 'sending'])
      .executeTakeFirstOrThrow();
    if (Number(open.n) === 0 || Date.now() > until) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** What afterAll undoes, in reverse order: only what beforeAll got to make. */
const cleanups: (() => Promise<unknown>)[] = [];
const exits: (number | null)[] = [];
let refusedStart: Promise<Error | null>;

beforeAll(async () => {
  database = await createFreshDatabase();
  cleanups.push(() => database.drop());
  handle = openPostgres(database.url);
  cleanups.push(() => handle.close());
  gateway = await startCountingGateway(50);
  cleanups.push(() => gateway.close());
  s3 = await startFakeS3('linli-shared');
  cleanups.push(() => s3.close());
  // A third one with a wrong bucket stops at its storage check, before it touches the database.
  const wrong = { ...settings('instance-c'), S3_BUCKET: 'missing-bucket' };
  refusedStart = startServer('instance C', wrong, startMs).then(
    async (started) => {
      await started.stop();
      return null;
    },
    (error: unknown) => error as Error,
  );
  // Both start at once on the empty database: the start lock lets one migrate and seed.
  const started = await Promise.allSettled([
    startServer('instance A', settings('instance-a'), startMs),
    startServer('instance B', settings('instance-b'), startMs),
  ]);
  for (const result of started) {
    if (result.status === 'fulfilled') {
      cleanups.push(async () => exits.push(await result.value.stop()));
    }
  }
  [a, b] = started.map((result) => {
    if (result.status === 'rejected') {
      throw result.reason;
    }
    return result.value;
  }) as [ServerProcess, ServerProcess];
}, startMs + 30_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) {
    await cleanup();
  }
  for (const dir of dataDirs) {
    rmSync(dir, { recursive: true, force: true });
  }
  // SIGTERM ends each server cleanly: requests drained, workers stopped, pool closed.
  expect(exits).toEqual([0, 0]);
}, 60_000);

describe('two instances on one PostgreSQL database', () => {
  it('start together: one applies the migrations and the demo data, once', async () => {
    const outputs = [a.output(), b.output()];
    expect(outputs.filter((o) => o.includes('migrations applied: 0001-foundation'))).toHaveLength(
      1,
    );
    expect(outputs.filter((o) => o.includes('database schema up to date'))).toHaveLength(1);
    const districts = await handle.db.selectFrom('districts').select('id').execute();
    expect(districts).toHaveLength(1);
    for (const server of [a, b]) {
      const health = await call(server, '/healthz');
      expect(health.status).toBe(200);
      expect(JSON.parse(health.text)).toEqual({ status: 'ok', database: 'postgres' });
    }
  });

  it('work a ticket submitted on A on B, with the session made on A', async () => {
    const { placard } = bannerFacts(a);
    const photoId = await uploadPhoto(a);
    const submitted = await post(a, '/api/public/tickets', {
      placardToken: placard,
      kind: 'complaint',
      description: '楼道里堆满杂物，消防通道被堵，已经三个月了。',
      photoIds: [photoId],
      phone: '13800138000',
    });
    expect(submitted.status).toBe(201);
    const receipt = JSON.parse(submitted.text) as Receipt;

    const session = await signIn(a);
    const { cookie } = session;

    const inbox = await call(b, '/api/staff/tickets', { headers: { cookie } });
    expect(inbox.status).toBe(200);
    const items = (JSON.parse(inbox.text) as { items: { id: string; trackingCode: string }[] })
      .items;
    const id = items.find((i) => i.trackingCode === receipt.trackingCode)?.id ?? '';
    expect(id).not.toBe('');
    expect((await post(b, `/api/staff/tickets/${id}/actions/accept`, {}, session)).status).toBe(
      200,
    );
    const contact = { method: 'phone', note: '已电话联系' };
    const contacted = await post(b, `/api/staff/tickets/${id}/actions/contact`, contact, session);
    expect(contacted.status).toBe(200);

    const seenOnA = JSON.parse(
      (await call(a, `/api/staff/tickets/${id}`, { headers: { cookie } })).text,
    ) as StaffTicket;
    expect(seenOnA.status).toBe('contacted');
    expect(seenOnA.timeline.map((e) => e.type)).toEqual(['submitted', 'accepted', 'contacted']);

    const photoOnB = await call(b, `/api/staff/tickets/${id}/photos/${photoId}`, {
      headers: { cookie },
    });
    expect(photoOnB.status).toBe(200);
    expect(photoOnB.headers.get('content-type')).toBe('image/jpeg');
    expect(s3.requests.some((r) => r.method === 'PUT')).toBe(true);

    expect((await post(b, '/api/auth/logout', {}, session)).status).toBeLessThan(300);
    expect((await call(a, '/api/staff/tickets', { headers: { cookie } })).status).toBe(401);
  });

  it('write one audit chain together, intact, with nothing left pending', async () => {
    const { placard } = bannerFacts(a);
    const submitted = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        post(i % 2 === 0 ? a : b, '/api/public/tickets', {
          placardToken: placard,
          kind: 'suggestion',
          description: `建议第${i + 1}号楼加装车棚。`,
        }),
      ),
    );
    expect(submitted.map((r) => r.status)).toEqual(Array<number>(16).fill(201));
    const pending = await handle.db.selectFrom('audit_pending').select('id').execute();
    expect(pending).toEqual([]);
    const entries = await handle.db.selectFrom('audit_entries').select('seq').execute();
    const key = deriveAuditKey(Buffer.from(dataKey, 'hex'));
    const report = await verifyAuditChain(handle.db, { audit: { key, mac: 'hmac-sha256' } });
    expect(report).toEqual({ ok: true, count: entries.length });
    expect(entries.length).toBeGreaterThan(16);
  });

  it('chain in the sweep of a running instance an entry a stopped one left pending', async () => {
    await handle.db
      .insertInto('audit_pending')
      .values({
        at: new Date().toISOString(),
        actor_kind: 'system',
        actor_id: null,
        action: 'ticket.submit',
        record_type: 'ticket',
        record_id: 'left-by-a-stopped-instance',
        detail: '{}',
        request_id: null,
      })
      .execute();
    const until = Date.now() + 15_000;
    let chained: { seq: number } | undefined;
    while (!chained && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      chained = await handle.db
        .selectFrom('audit_entries')
        .select('seq')
        .where('record_id', '=', 'left-by-a-stopped-instance')
        .executeTakeFirst();
    }
    expect(chained?.seq).toBeGreaterThan(0);
    expect(await handle.db.selectFrom('audit_pending').select('id').execute()).toEqual([]);
    const key = deriveAuditKey(Buffer.from(dataKey, 'hex'));
    const report = await verifyAuditChain(handle.db, { audit: { key, mac: 'hmac-sha256' } });
    expect(report).toMatchObject({ ok: true });
  });

  it('refuse to start a third instance whose bucket does not exist, naming S3_BUCKET', async () => {
    const failure = await refusedStart;
    expect(failure?.message).toMatch(/^instance C exited with 1 before it listened/);
    expect(failure?.message).toContain(
      `file storage / 文件存储: S3_BUCKET: bucket "missing-bucket" does not exist at ${s3.endpoint}`,
    );
  });

  it('deliver each outbox message exactly once while both workers run', async () => {
    const { placard } = bannerFacts(a);
    const session = await signIn(b);
    const ticketIds: string[] = [];
    const phones: string[] = [];
    for (let i = 0; i < tickets; i++) {
      const server = i % 2 === 0 ? a : b;
      phones.push(`1390013${String(i).padStart(4, '0')}`);
      const submitted = await post(server, '/api/public/tickets', {
        placardToken: placard,
        kind: 'report',
        description: `第${i + 1}号楼门口占道经营。`,
        phone: phones[i],
      });
      expect(submitted.status).toBe(201);
      const code = (JSON.parse(submitted.text) as Receipt).trackingCode;
      const ticket = await handle.db
        .selectFrom('tickets')
        .select('id')
        .where('tracking_code', '=', code)
        .executeTakeFirstOrThrow();
      ticketIds.push(ticket.id);
      const other = server === a ? b : a;
      const accepted = await post(
        other,
        `/api/staff/tickets/${ticket.id}/actions/accept`,
        {},
        session,
      );
      expect(accepted.status).toBe(200);
    }

    await outboxSettled(30_000);
    const rows = await handle.db
      .selectFrom('outbox')
      .select(['id', 'status', 'ticket_id', 'event'])
      .execute();
    const attempts = await handle.db.selectFrom('outbox_attempts').select('outbox_id').execute();
    const sent = rows.filter((r) => r.status === 'sent').map((r) => r.id);
    const delivered = gateway.deliveries.map((d) => d.id);

    expect(rows.filter((r) => r.status === 'pending' || r.status === 'sending')).toEqual([]);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect([...delivered].sort()).toEqual([...sent].sort());
    expect(attempts.map((r) => r.outbox_id).sort()).toEqual([...delivered].sort());
    const ours = rows.filter(
      (r) => r.event === 'accepted' && ticketIds.includes(r.ticket_id ?? ''),
    );
    expect(ours.map((r) => r.status)).toEqual(Array<string>(tickets).fill('sent'));
    const oursIds = new Set(ours.map((r) => r.id));
    const phonesReached = gateway.deliveries.filter((d) => oursIds.has(d.id)).map((d) => d.to);
    expect(phonesReached.sort()).toEqual([...phones].sort());
    const byToken = new Set(gateway.deliveries.map((d) => d.token));
    expect([...byToken].sort()).toEqual(['instance-a', 'instance-b']);
  }, 60_000);
});
