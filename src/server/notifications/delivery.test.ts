import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.js';
import { startFakeGateway, type FakeGateway } from '../../../test/sms-gateway.js';
import type { AppContext } from '../context.js';
import { submitTicket } from '../tickets/submission.js';
import { deliverDue } from './delivery.js';
import { enqueueNotification } from './service.js';
import { claimMessage } from './store.js';

const silent = pino({ level: 'silent' });
let t: TestApp;
let gateway: FakeGateway;
let viaGateway: AppContext;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
  gateway = await startFakeGateway();
  viaGateway = {
    ...t.ctx,
    notify: {
      ...t.ctx.notify,
      adapter: 'http',
      gatewayUrl: gateway.url,
      gatewayToken: 'gateway-test-token',
      maxAttempts: 4,
    },
  };
});

afterAll(async () => {
  await gateway.close();
  await t.close();
});

beforeEach(() => {
  gateway.requests.length = 0;
  gateway.failFirst = 0;
});

/** Files a complaint from the demo placard through the real submission service. */
async function fileComplaint(phone?: string): Promise<{ id: string; trackingCode: string }> {
  const { receipt } = await submitTicket(
    t.ctx,
    {
      placardToken: t.demo.samplePlacard.token,
      kind: 'complaint',
      description: '楼道里堆满杂物，消防通道被堵。',
      photoIds: [],
      ...(phone ? { phone } : {}),
    },
    null,
  );
  const row = await t.ctx.db
    .selectFrom('tickets')
    .select('id')
    .where('tracking_code', '=', receipt.trackingCode)
    .executeTakeFirstOrThrow();
  return { id: row.id, trackingCode: receipt.trackingCode };
}

function queueAccepted(ticketId: string) {
  return t.ctx.db.transaction().execute((trx) =>
    enqueueNotification(trx, {
      ticketId,
      audience: 'reporter',
      event: 'accepted',
      at: t.clock.now,
    }),
  );
}

function messageOf(id: string) {
  return t.ctx.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function attemptsOf(id: string) {
  return t.ctx.db
    .selectFrom('outbox_attempts')
    .select(['attempt', 'ok', 'error', 'at'])
    .where('outbox_id', '=', id)
    .orderBy('attempt')
    .execute();
}

const later = (seconds: number) => new Date(t.clock.now.getTime() + seconds * 1000);

describe('the outbox', () => {
  it('never sends a message queued in a transaction that rolled back', async () => {
    const ticket = await fileComplaint('13800138000');
    const rollback = t.ctx.db.transaction().execute(async (trx) => {
      await enqueueNotification(trx, {
        ticketId: ticket.id,
        audience: 'reporter',
        event: 'accepted',
        at: t.clock.now,
      });
      throw new Error('the ticket change failed');
    });
    await expect(rollback).rejects.toThrow('the ticket change failed');

    const summary = await deliverDue(viaGateway, later(3600), { logger: silent });
    expect(summary.sent).toBe(0);
    expect(gateway.requests).toHaveLength(0);
    const rows = await t.ctx.db
      .selectFrom('outbox')
      .select('id')
      .where('ticket_id', '=', ticket.id)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('stores no phone number in the queued message', async () => {
    const ticket = await fileComplaint('13800138000');
    const message = await messageOf(await queueAccepted(ticket.id));
    expect(JSON.stringify(message)).not.toContain('13800138000');
    expect(JSON.stringify(message)).not.toContain('138****8000');
    expect(message.status).toBe('pending');
    await deliverDue(t.ctx, t.clock.now, { logger: silent });
  });

  it('retries a failing gateway with backoff: two errors in the attempts, then sent', async () => {
    const ticket = await fileComplaint('13800138000');
    const id = await queueAccepted(ticket.id);
    gateway.failFirst = 2;

    expect((await deliverDue(viaGateway, later(0), { logger: silent })).retrying).toBe(1);
    expect((await messageOf(id)).next_attempt_at).toBe(later(30).toISOString());
    expect((await deliverDue(viaGateway, later(29), { logger: silent })).retrying).toBe(0);
    expect(gateway.requests).toHaveLength(1);
    expect((await deliverDue(viaGateway, later(30), { logger: silent })).retrying).toBe(1);
    expect((await messageOf(id)).next_attempt_at).toBe(later(90).toISOString());
    expect((await deliverDue(viaGateway, later(90), { logger: silent })).sent).toBe(1);

    const attempts = await attemptsOf(id);
    expect(attempts.map((a) => [a.attempt, a.ok, a.error])).toEqual([
      [1, 0, 'gateway answered HTTP 503'],
      [2, 0, 'gateway answered HTTP 503'],
      [3, 1, null],
    ]);
    const message = await messageOf(id);
    expect(message.status).toBe('sent');
    expect(message.attempts).toBe(3);
    expect(message.sent_at).toBe(later(90).toISOString());
    expect(message.recipient_masked).toBe('138****8000');
    expect(gateway.requests).toHaveLength(3);
    const last = gateway.requests[2];
    expect(last?.authorization).toBe('Bearer gateway-test-token');
    expect(last?.body).toEqual({
      id,
      to: '13800138000',
      text: `【邻里】您的投诉（${ticket.trackingCode}）已受理，处理期限：2025年10月14日。`,
    });
  });

  it('marks a message failed after the last attempt and stops sending it', async () => {
    const ticket = await fileComplaint('13900139000');
    const id = await queueAccepted(ticket.id);
    gateway.failFirst = -1;

    for (const seconds of [0, 30, 90, 210]) {
      await deliverDue(viaGateway, later(seconds), { logger: silent });
    }
    const message = await messageOf(id);
    expect(message.status).toBe('failed');
    expect(message.attempts).toBe(4);
    expect(message.next_attempt_at).toBeNull();
    expect(message.last_error).toBe('gateway answered HTTP 503');
    expect(await attemptsOf(id)).toHaveLength(4);

    await deliverDue(viaGateway, later(7 * 24 * 3600), { logger: silent });
    expect(gateway.requests).toHaveLength(4);
  });

  it('skips a message whose phone was removed before it was sent, asking no gateway', async () => {
    const ticket = await fileComplaint('13800138000');
    const id = await queueAccepted(ticket.id);
    await t.ctx.db
      .updateTable('ticket_reporters')
      .set({ phone_enc: null })
      .where('ticket_id', '=', ticket.id)
      .execute();

    expect((await deliverDue(viaGateway, later(0), { logger: silent })).skipped).toBe(1);
    expect(gateway.requests).toHaveLength(0);
    const message = await messageOf(id);
    expect(message.status).toBe('skipped');
    expect(message.last_error).toBe('no_reporter_phone');
    expect(message.recipient_masked).toBeNull();
  });

  it('queues for a reporter who left no phone, and skips at send time', async () => {
    const ticket = await fileComplaint();
    const id = await queueAccepted(ticket.id);
    expect((await messageOf(id)).status).toBe('pending');

    await deliverDue(viaGateway, later(0), { logger: silent });
    expect((await messageOf(id)).status).toBe('skipped');
    expect(gateway.requests).toHaveLength(0);
  });

  it('sends a message left half-way by a dead worker once its claim has lapsed', async () => {
    const ticket = await fileComplaint('13800138000');
    const id = await queueAccepted(ticket.id);
    const claim = { workerId: 'dead-worker', at: later(0).toISOString(), staleBefore: '' };
    expect(await claimMessage(t.ctx.db, id, claim)).toBe(true);

    expect((await deliverDue(viaGateway, later(60), { logger: silent })).sent).toBe(0);
    expect((await deliverDue(viaGateway, later(301), { logger: silent })).sent).toBe(1);
    expect(gateway.requests.map((r) => r.body.id)).toEqual([id]);
    expect((await messageOf(id)).claimed_by).toBeNull();
  });

  it('logs one line with a masked phone on the console adapter, and counts it sent', async () => {
    const ticket = await fileComplaint('13800138000');
    const id = await queueAccepted(ticket.id);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });

    expect((await deliverDue(t.ctx, later(0), { logger })).sent).toBe(1);
    const line = lines.find((l) => l.includes(id));
    expect(line).toContain('138****8000');
    expect(line).toContain('已受理');
    expect(lines.join('\n')).not.toContain('13800138000');
    expect((await messageOf(id)).status).toBe('sent');
  });
});
