// F7 of the fault plan: a dependency is down. The SMS gateway refusing connections must not
// stop a resident filing a ticket or asking for a code; the messages wait and go out once each
// when it is back. The
// object store (S3) refusing connections makes a photo upload answer 503 with Retry-After,
// keeps no half-stored photo, and leaves filing without a photo working.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { S3FileStorage } from '../../src/server/files/s3-storage.js';
import { httpAdapter } from '../../src/server/notifications/adapters.js';
import { deliverDue } from '../../src/server/notifications/delivery.js';
import { json, multipartPhoto, prepareTestApp, startTestApp, type TestApp } from '../app.js';
import { startFakeGateway, type FakeGateway } from '../sms-gateway.js';

const photo = readFileSync(
  path.resolve(import.meta.dirname, '../cases/uploads/photo-exif-gps.jpg'),
);
const logger = pino({ level: 'silent' });

let t: TestApp;
let deadUrl: string;

/** A local address where nothing listens: connections to it are refused at once. */
async function refusedAddress(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  t = await startTestApp(new Date('2025-10-13T09:00:00+08:00'));
  deadUrl = await refusedAddress();
});

afterAll(async () => {
  await t.close();
});

function fileTicket(app: FastifyInstance, extra: Record<string, unknown> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: {
      placardToken: t.demo.samplePlacard.token,
      kind: 'help',
      description: '电梯按钮不亮，老人上下楼困难。',
      phone: '13912340000',
      ...extra,
    },
  });
}

async function pendingMessages(): Promise<{ id: string; attempts: number }[]> {
  return t.handle.db
    .selectFrom('outbox')
    .select(['id', 'attempts'])
    .where('status', '=', 'pending')
    .execute();
}

describe('dependencies down: the SMS gateway (F7)', () => {
  let gateway: FakeGateway | undefined;

  afterAll(async () => {
    await gateway?.close();
  });

  it('takes codes and tickets while the gateway is down, then sends each once', async () => {
    const asked = await Promise.all(
      ['13912340001', '13912340002'].map((phone) =>
        t.app.inject({ method: 'POST', url: '/api/public/mine/code', payload: { phone } }),
      ),
    );
    expect(asked.map((r) => r.statusCode)).toEqual([202, 202]);
    const waiting = await pendingMessages();
    expect(waiting).toHaveLength(2);

    const down = await deliverDue(t.ctx, t.clock.now, {
      logger,
      adapter: httpAdapter({ url: `${deadUrl}/send`, token: null, timeoutMs: 2000 }),
    });

    expect(down).toMatchObject({ sent: 0, failed: 0, retrying: waiting.length });
    const after = await pendingMessages();
    expect(after.map((m) => m.attempts)).toEqual(waiting.map(() => 1));
    expect((await fileTicket(t.app)).statusCode).toBe(201);

    const up = await startFakeGateway();
    gateway = up;
    const back = httpAdapter({ url: up.url, token: null });
    t.clock.now = new Date(t.clock.now.getTime() + 31_000);
    const first = await deliverDue(t.ctx, t.clock.now, { logger, adapter: back });
    const second = await deliverDue(t.ctx, t.clock.now, { logger, adapter: back });

    const ids = up.requests.map((r) => r.body.id);
    expect(first.sent).toBe(ids.length);
    expect(ids).toHaveLength(2);
    expect(up.requests.map((r) => r.body.to).sort()).toEqual(['13912340001', '13912340002']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.sent).toBe(0);
    expect(await pendingMessages()).toEqual([]);
  });
});

describe('dependencies down: the object store (F7)', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const storage = new S3FileStorage({
      endpoint: deadUrl,
      region: 'us-east-1',
      bucket: 'linli-files',
      accessKeyId: 'LINLITESTKEY',
      secretAccessKey: 'test-secret-not-real',
      forcePathStyle: true,
      prefix: '',
    });
    app = await buildApp({ ...t.ctx, storage }, { logLevel: 'silent' });
    prepareTestApp(app, t.ctx);
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers a photo upload 503 with Retry-After and keeps no file row', async () => {
    const before = await t.handle.db.selectFrom('files').select('id').execute();

    const res = await app.inject({
      method: 'POST',
      url: '/api/public/photos',
      ...multipartPhoto(photo, 'IMG_0200.jpg'),
    });

    expect(res.statusCode).toBe(503);
    expect(json(res).error).toBe('service_unavailable');
    expect(res.headers['retry-after']).toBe('5');
    expect(await t.handle.db.selectFrom('files').select('id').execute()).toHaveLength(
      before.length,
    );
  });

  it('still files a ticket without a photo and shows the placard', async () => {
    const filed = await fileTicket(app, { phone: undefined });
    const placard = await app.inject({ url: `/api/public/placards/${t.demo.samplePlacard.token}` });

    expect([filed.statusCode, placard.statusCode]).toEqual([201, 200]);
  });
});
