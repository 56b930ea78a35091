import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationList } from '../../contract/notifications.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { createPlacardScene } from '../../../test/factories.js';
import { startFakeGateway, type FakeGateway } from '../../../test/sms-gateway.js';
import { submitTicket } from '../tickets/submission.js';
import { deliverDue } from './delivery.js';
import { enqueueNotification } from './service.js';

const silent = pino({ level: 'silent' });
let t: TestApp;
let gateway: FakeGateway;
let ours: { ticketId: string; sent: string; failed: string };
let elsewhere: string;

async function fileWithPhone(placardToken: string, phone: string): Promise<string> {
  const input = {
    placardToken,
    kind: 'help' as const,
    description: '路灯不亮。',
    photoIds: [],
    phone,
  };
  const { receipt } = await submitTicket(t.ctx, input, null);
  const row = await t.ctx.db
    .selectFrom('tickets')
    .select('id')
    .where('tracking_code', '=', receipt.trackingCode)
    .executeTakeFirstOrThrow();
  return row.id;
}

function queue(ticketId: string, event: 'accepted' | 'replied') {
  return t.ctx.db
    .transaction()
    .execute((trx) =>
      enqueueNotification(trx, { ticketId, audience: 'reporter', event, at: t.clock.now }),
    );
}

function list(cookie: string, query = '') {
  return t.app.inject({ url: `/api/staff/notifications${query}`, headers: { cookie } });
}

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
  gateway = await startFakeGateway(-1);
  const ticketId = await fileWithPhone(t.demo.samplePlacard.token, '13800138000');
  const sent = await queue(ticketId, 'accepted');
  await deliverDue(t.ctx, t.clock.now, { logger: silent });
  const failed = await queue(ticketId, 'replied');
  const notify = { ...t.ctx.notify, adapter: 'http' as const, gatewayUrl: gateway.url };
  await deliverDue({ ...t.ctx, notify: { ...notify, maxAttempts: 1 } }, t.clock.now, {
    logger: silent,
  });
  ours = { ticketId, sent, failed };
  const scene = await createPlacardScene(t.ctx.db, { matters: [] });
  elsewhere = await queue(
    await fileWithPhone(scene.building.placard_token, '13900139000'),
    'accepted',
  );
});

afterAll(async () => {
  await gateway.close();
  await t.close();
});

describe('the admin list of notifications', () => {
  it('answers 401 without a session and 403 to a liaison', async () => {
    expect((await t.app.inject({ url: '/api/staff/notifications' })).statusCode).toBe(401);
    const res = await list(await loginAs(t.app, 'yinhang.1'));
    expect(res.statusCode).toBe(403);
    expect(json(res).error).toBe('forbidden');
  });

  it('shows a bureau admin every message with its status, attempts and last error', async () => {
    const res = await list(await loginAs(t.app, 'admin'));
    expect(res.statusCode).toBe(200);
    const body = json<NotificationList>(res);
    expect(body.total).toBe(3);
    const byId = new Map(body.items.map((i) => [i.id, i]));
    expect(byId.get(ours.sent)).toMatchObject({
      event: 'accepted',
      audience: 'reporter',
      status: 'sent',
      attempts: 1,
      lastError: null,
      recipientMasked: '138****8000',
      sentAt: t.clock.now.toISOString(),
    });
    expect(byId.get(ours.failed)).toMatchObject({
      event: 'replied',
      status: 'failed',
      attempts: 1,
      lastError: 'gateway answered HTTP 503',
      attemptLog: [{ attempt: 1, ok: false, error: 'gateway answered HTTP 503' }],
    });
    expect(byId.get(elsewhere)).toMatchObject({
      status: 'pending',
      recipientMasked: '139****9000',
    });
    expect(res.body).not.toContain('13800138000');
    expect(res.body).not.toContain('13900139000');
  });

  it('filters by status and by ticket', async () => {
    const admin = await loginAs(t.app, 'admin');
    const failed = json<NotificationList>(await list(admin, '?status=failed'));
    expect(failed.items.map((i) => i.id)).toEqual([ours.failed]);
    const ofTicket = json<NotificationList>(await list(admin, `?ticketId=${ours.ticketId}`));
    expect(ofTicket.items.map((i) => i.id).sort()).toEqual([ours.sent, ours.failed].sort());
    expect((await list(admin, '?status=lost')).statusCode).toBe(400);
  });

  it("shows a street admin only their street's messages", async () => {
    const body = json<NotificationList>(await list(await loginAs(t.app, 'yinhang.admin')));
    expect(body.items.map((i) => i.id).sort()).toEqual([ours.sent, ours.failed].sort());
  });
});
