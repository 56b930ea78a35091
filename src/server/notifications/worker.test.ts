import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.js';
import { submitTicket } from '../tickets/submission.js';
import { enqueueNotification } from './service.js';
import { startOutboxWorker } from './worker.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
});

afterAll(async () => {
  await t.close();
});

async function queueOne(): Promise<string> {
  const input = {
    placardToken: t.demo.samplePlacard.token,
    kind: 'complaint' as const,
    description: '垃圾桶满溢无人清运。',
    photoIds: [],
    phone: '13800138000',
  };
  const { receipt } = await submitTicket(t.ctx, input, null);
  const ticket = await t.ctx.db
    .selectFrom('tickets')
    .select('id')
    .where('tracking_code', '=', receipt.trackingCode)
    .executeTakeFirstOrThrow();
  return t.ctx.db.transaction().execute((trx) =>
    enqueueNotification(trx, {
      ticketId: ticket.id,
      audience: 'reporter',
      event: 'accepted',
      at: t.clock.now,
    }),
  );
}

async function statusOf(id: string): Promise<string> {
  const row = await t.ctx.db
    .selectFrom('outbox')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.status;
}

describe('the outbox worker', () => {
  it('delivers queued messages on its interval until stopped', async () => {
    const worker = startOutboxWorker(t.ctx, { logger: pino({ level: 'silent' }), intervalMs: 20 });
    const first = await queueOne();
    await expect.poll(() => statusOf(first), { timeout: 5000 }).toBe('sent');
    await worker.stop();

    const second = await queueOne();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await statusOf(second)).toBe('pending');
  });

  it('keeps running when a round fails, logging the error instead of throwing', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
    const broken = { ...t.ctx, notify: { ...t.ctx.notify, adapter: 'http' as const } };
    const worker = startOutboxWorker(broken, { logger, intervalMs: 20 });
    await expect.poll(() => lines.length, { timeout: 5000 }).toBeGreaterThan(1);
    await worker.stop();
    expect(lines[0]).toContain('SMS_GATEWAY_URL');
  });
});
