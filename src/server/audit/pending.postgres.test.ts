// Audit entries on PostgreSQL: written pending by the change, chained after its commit by one
// chainer at a time (src/server/audit/pending.ts).
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditVerifyCommand } from '../../cli/audit-verify.js';
import { openTestDatabase } from '../../../test/factories.js';
import { pgTestUrl } from '../../../test/pg.js';
import type { AuditSettings } from '../config.js';
import { openPostgres, type DatabaseHandle } from '../db/database.js';
import { chainerFor, CHAIN_BATCH, createAuditChainer, startAuditSweep } from './pending.js';
import { recordAudit, verifyAuditChain, withAudit, type AuditEntryInput } from './service.js';

const audit: AuditSettings = { key: Buffer.alloc(32, 7), mac: 'hmac-sha256' };
const now = () => new Date('2026-05-11T02:00:00.000Z');

let handle: DatabaseHandle;
const others: DatabaseHandle[] = [];

function entry(recordId: string): AuditEntryInput {
  return {
    actorKind: 'resident',
    actorId: null,
    action: 'ticket.submit',
    recordType: 'ticket',
    recordId,
    detail: { fields: ['description'] },
  };
}

const chained = () =>
  handle.db.selectFrom('audit_entries').select(['seq', 'record_id']).orderBy('seq').execute();
const pendingCount = async () =>
  Number(
    (
      await handle.db
        .selectFrom('audit_pending')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A second handle on the same schema, as a second instance of Linli would open. */
async function secondInstance(): Promise<DatabaseHandle> {
  const schema = await sql<{ s: string }>`select current_schema() as s`.execute(handle.db);
  const other = openPostgres(pgTestUrl(), { searchPath: schema.rows[0]?.s ?? '' });
  others.push(other);
  return other;
}

/** Writes an entry straight into audit_pending, as an instance that stopped after a commit. */
async function leftPending(recordId: string) {
  await handle.db
    .insertInto('audit_pending')
    .values({
      at: now().toISOString(),
      actor_kind: 'system',
      actor_id: null,
      action: 'ticket.submit',
      record_type: 'ticket',
      record_id: recordId,
      detail: '{}',
      request_id: null,
    })
    .execute();
}

beforeEach(async () => {
  handle = await openTestDatabase();
});

afterEach(async () => {
  for (const other of others.splice(0)) {
    await other.close();
  }
  await handle.close();
});

describe('audit entries on PostgreSQL', () => {
  it('are in the chain, and no longer pending, when the change resolves', async () => {
    chainerFor(handle, audit);
    await withAudit({ db: handle.db, audit, now }, (_trx, write) => write(entry('T1')));
    expect(await chained()).toEqual([{ seq: 1, record_id: 'T1' }]);
    expect(await pendingCount()).toBe(0);
    expect(await verifyAuditChain(handle.db, { audit })).toEqual({ ok: true, count: 1 });
  });

  it('wait pending, written but unnumbered, while the change is not committed', async () => {
    chainerFor(handle, audit);
    let seenInside = -1;
    await handle.db.transaction().execute(async (trx) => {
      await recordAudit(trx, { audit, now }, entry('T1'));
      const rows = await trx.selectFrom('audit_pending').select('record_id').execute();
      seenInside = rows.length;
      expect(await trx.selectFrom('audit_entries').select('seq').execute()).toEqual([]);
    });
    expect(seenInside).toBe(1);
    expect(await chained()).toEqual([{ seq: 1, record_id: 'T1' }]);
  });

  it('leave nothing pending or chained when the change rolls back', async () => {
    chainerFor(handle, audit);
    const failing = withAudit({ db: handle.db, audit, now }, async (_trx, write) => {
      await write(entry('T1'));
      throw new Error('the change failed');
    });
    await expect(failing).rejects.toThrow('the change failed');
    expect(await pendingCount()).toBe(0);
    expect(await chained()).toEqual([]);
  });

  it('from two instances writing 40 changes at once form one gapless chain', async () => {
    const other = await secondInstance();
    chainerFor(handle, audit);
    chainerFor(other, audit);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        recordAudit((i % 2 === 0 ? handle : other).db, { audit, now }, entry(`T${i}`)),
      ),
    );
    const rows = await chained();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.record_id)).size).toBe(40);
    expect(await pendingCount()).toBe(0);
    expect(await verifyAuditChain(handle.db, { audit })).toEqual({ ok: true, count: 40 });
  });

  it('left pending by a stopped instance are chained by the sweep, in order', async () => {
    await leftPending('A');
    await leftPending('B');
    const failures: unknown[] = [];
    const sweep = startAuditSweep(createAuditChainer(handle.db, audit), 60_000, (e) => {
      failures.push(e);
    });
    await sweep.stop();
    expect(failures).toEqual([]);
    expect(await chained()).toEqual([
      { seq: 1, record_id: 'A' },
      { seq: 2, record_id: 'B' },
    ]);
    expect(await verifyAuditChain(handle.db, { audit })).toEqual({ ok: true, count: 2 });
  });

  it('left pending are chained by `linli audit verify` before it checks', async () => {
    await leftPending('A');
    const lines: string[] = [];
    expect(await auditVerifyCommand(handle, audit, { write: (t) => lines.push(t) })).toBe(0);
    expect(lines).toEqual(['audit chain intact: 1 entries\n']);
    expect(await pendingCount()).toBe(0);
  });

  it(`beyond one batch of ${CHAIN_BATCH} are all chained by one flush`, async () => {
    const total = CHAIN_BATCH + 20;
    await sql`insert into audit_pending (at, actor_kind, action, record_type, record_id, detail)
      select '2026-05-11T02:00:00.000Z', 'system', 'ticket.submit', 'ticket', 'T' || i, '{}'
      from generate_series(1, ${total}) as i`.execute(handle.db);
    await createAuditChainer(handle.db, audit).flush();
    const rows = await chained();
    expect(rows).toHaveLength(total);
    expect(rows.at(-1)).toEqual({ seq: total, record_id: `T${total}` });
    expect(await pendingCount()).toBe(0);
    expect(await verifyAuditChain(handle.db, { audit })).toEqual({ ok: true, count: total });
  });

  it('are kept pending, the change committed, when the chainer fails; chained later', async () => {
    handle.auditChaining?.afterEntryWritten(() => Promise.reject(new Error('chainer down')));
    await withAudit({ db: handle.db, audit, now }, (_trx, write) => write(entry('T1')));
    expect(await pendingCount()).toBe(1);
    expect(await chained()).toEqual([]);
    await createAuditChainer(handle.db, audit).flush();
    expect(await chained()).toEqual([{ seq: 1, record_id: 'T1' }]);
  });
});
