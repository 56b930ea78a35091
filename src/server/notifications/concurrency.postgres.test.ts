import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.js';
import { pgTestUrl } from '../../../test/pg.js';
import { startFakeGateway, type FakeGateway } from '../../../test/sms-gateway.js';
import type { AppContext } from '../context.js';
import { openPostgres, type DatabaseHandle } from '../db/database.js';
import { submitTicket } from '../tickets/submission.js';
import { deliverDue } from './delivery.js';
import { enqueueNotification } from './service.js';

const silent = pino({ level: 'silent' });

// Two app instances on one PostgreSQL database, each with its own connection pool and worker id.
describe('two workers on one PostgreSQL database', () => {
  let t: TestApp;
  let gateway: FakeGateway;
  let second: DatabaseHandle;
  let instances: AppContext[];

  beforeAll(async () => {
    t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
    gateway = await startFakeGateway();
    const schema = await sql<{ schema: string }>`select current_schema() as schema`.execute(
      t.ctx.db,
    );
    second = openPostgres(pgTestUrl(), { searchPath: schema.rows[0]?.schema ?? 'public' });
    const notify = { ...t.ctx.notify, adapter: 'http' as const, gatewayUrl: gateway.url };
    instances = [
      { ...t.ctx, notify },
      { ...t.ctx, db: second.db, notify },
    ];
  });

  afterAll(async () => {
    await second.close();
    await gateway.close();
    await t.close();
  });

  async function queueMessages(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const { receipt } = await submitTicket(
        t.ctx,
        {
          placardToken: t.demo.samplePlacard.token,
          kind: 'report',
          description: `第${i + 1}号楼门口占道经营。`,
          photoIds: [],
          phone: `1380013${String(i).padStart(4, '0')}`,
        },
        null,
      );
      const ticket = await t.ctx.db
        .selectFrom('tickets')
        .select('id')
        .where('tracking_code', '=', receipt.trackingCode)
        .executeTakeFirstOrThrow();
      const at = t.clock.now;
      ids.push(
        await t.ctx.db.transaction().execute((trx) =>
          enqueueNotification(trx, {
            ticketId: ticket.id,
            audience: 'reporter',
            event: 'accepted',
            at,
          }),
        ),
      );
    }
    return ids;
  }

  it('send each message exactly once when they deliver at the same time', async () => {
    const ids = await queueMessages(24);
    const now = t.clock.now;

    const rounds = await Promise.all(
      ['instance-a', 'instance-b', 'instance-a2', 'instance-b2'].map((workerId, i) =>
        deliverDue(instances[i % 2] as AppContext, now, { logger: silent, workerId }),
      ),
    );

    const sentIds = gateway.requests.map((r) => r.body.id);
    expect(sentIds).toHaveLength(24);
    expect(new Set(sentIds)).toEqual(new Set(ids));
    expect(rounds.reduce((n, r) => n + r.sent, 0)).toBe(24);
    expect(rounds.filter((r) => r.sent > 0).length).toBeGreaterThan(1);
    const statuses = await t.ctx.db.selectFrom('outbox').select('status').execute();
    expect(statuses.every((s) => s.status === 'sent')).toBe(true);
    const attempts = await t.ctx.db.selectFrom('outbox_attempts').select('outbox_id').execute();
    expect(attempts).toHaveLength(24);
  });
});
