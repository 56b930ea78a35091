import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/factories.js';
import type { AuditSettings } from '../config.js';
import { deriveAuditKey, loadConfig } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import { entryMac, GENESIS_MAC } from './mac.js';
import { chainerFor } from './pending.js';
import { recordAudit, verifyAuditChain, withAudit, type AuditEntryInput } from './service.js';

let handle: DatabaseHandle;
const sha: AuditSettings = { key: Buffer.alloc(32, 9), mac: 'hmac-sha256' };
const sm3: AuditSettings = { key: Buffer.alloc(32, 9), mac: 'hmac-sm3' };
const clock = () => new Date('2026-03-02T01:30:00.000Z');
/**
 * The trail's context with `audit`'s key; on PostgreSQL the chainer is hung on the handle with
 * that key, as the app's context does (src/server/context-factory.ts).
 */
const ctxOf = (audit: AuditSettings) => {
  chainerFor(handle, audit);
  return { audit, now: clock };
};

function accepted(ticketId: string): AuditEntryInput {
  return {
    actorKind: 'staff',
    actorId: 'S1',
    action: 'ticket.accept',
    recordType: 'ticket',
    recordId: ticketId,
    detail: { fields: ['status', 'assignee_id'] },
    requestId: 'req-1',
  };
}

async function appendThree(audit: AuditSettings = sha): Promise<void> {
  for (const id of ['T1', 'T2', 'T3']) {
    await recordAudit(handle.db, ctxOf(audit), accepted(id));
  }
}

const rows = () => handle.db.selectFrom('audit_entries').selectAll().orderBy('seq').execute();

beforeEach(async () => {
  handle = await openTestDatabase();
});

afterEach(async () => {
  await handle.close();
});

describe('the audit chain', () => {
  it('is intact with no entries', async () => {
    expect(await verifyAuditChain(handle.db, { audit: sha })).toEqual({ ok: true, count: 0 });
  });

  it('numbers three appends 1, 2, 3, each linked to the one before, intact', async () => {
    await appendThree();
    const all = await rows();
    expect(all.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(all[0]?.prev_mac).toBe(GENESIS_MAC);
    expect(all[1]?.prev_mac).toBe(all[0]?.mac);
    expect(all[2]?.prev_mac).toBe(all[1]?.mac);
    expect(all[0]?.at).toBe('2026-03-02T01:30:00.000Z');
    expect(await verifyAuditChain(handle.db, { audit: sha })).toEqual({ ok: true, count: 3 });
  });

  it('stores the detail as sorted JSON of field names', async () => {
    await recordAudit(handle.db, ctxOf(sha), {
      ...accepted('T1'),
      detail: { reason: 'x', fields: ['phone'] },
    });
    expect((await rows())[0]?.detail).toBe('{"fields":["phone"],"reason":"x"}');
  });

  it('breaks at the entry whose detail was changed by a direct UPDATE, reason mac', async () => {
    await appendThree();
    await handle.db
      .updateTable('audit_entries')
      .set({ detail: '{"fields":[]}' })
      .where('seq', '=', 2)
      .execute();
    expect(await verifyAuditChain(handle.db, { audit: sha })).toEqual({
      ok: false,
      count: 1,
      firstBrokenSeq: 2,
      reason: 'mac_mismatch',
    });
  });

  it('breaks at a deleted middle entry, reason gap', async () => {
    await appendThree();
    await handle.db.deleteFrom('audit_entries').where('seq', '=', 2).execute();
    expect(await verifyAuditChain(handle.db, { audit: sha })).toEqual({
      ok: false,
      count: 1,
      firstBrokenSeq: 2,
      reason: 'seq_gap',
    });
  });

  it('breaks at an entry whose prev_mac was rewritten', async () => {
    await appendThree();
    await handle.db
      .updateTable('audit_entries')
      .set({ prev_mac: GENESIS_MAC })
      .where('seq', '=', 3)
      .execute();
    const report = await verifyAuditChain(handle.db, { audit: sha });
    expect(report).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'prev_mac_mismatch' });
  });

  it('breaks at entry 1 when checked with another key', async () => {
    await appendThree();
    const other = { ...sha, key: Buffer.alloc(32, 1) };
    expect(await verifyAuditChain(handle.db, { audit: other })).toMatchObject({
      ok: false,
      count: 0,
      firstBrokenSeq: 1,
      reason: 'mac_mismatch',
    });
  });
});

describe('appending inside the caller transaction', () => {
  it('leaves no entry when the transaction rolls back; the next append is #1', async () => {
    const ctx = { db: handle.db, ...ctxOf(sha) };
    const failing = withAudit(ctx, async (_trx, audit) => {
      await audit(accepted('T1'));
      throw new Error('the change failed');
    });
    await expect(failing).rejects.toThrow('the change failed');
    expect(await rows()).toEqual([]);
    await withAudit(ctx, (_trx, audit) => audit(accepted('T2')));
    expect((await rows()).map((r) => [r.seq, r.record_id])).toEqual([[1, 'T2']]);
  });

  it('keeps the entry of a committed transaction', async () => {
    await handle.db.transaction().execute(async (trx) => {
      await recordAudit(trx, ctxOf(sha), accepted('T1'));
    });
    expect((await rows()).map((r) => r.record_id)).toEqual(['T1']);
  });

  it('numbers 20 concurrent transactions 1 to 20 without gaps, chain intact', async () => {
    const ctx = ctxOf(sha);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        handle.db.transaction().execute(async (trx) => {
          await trx.selectFrom('audit_entries').select('seq').execute();
          await recordAudit(trx, ctx, accepted(`T${i}`));
        }),
      ),
    );
    const all = await rows();
    expect(all.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(all.map((r) => r.record_id)).size).toBe(20);
    expect(await verifyAuditChain(handle.db, { audit: sha })).toEqual({ ok: true, count: 20 });
  });
});

describe('the MAC algorithm', () => {
  it('with hmac-sm3 gives a different MAC than hmac-sha256, and verifies', async () => {
    await appendThree(sm3);
    const first = (await rows())[0];
    if (!first) {
      throw new Error('no entry');
    }
    expect(first.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(first.mac).not.toBe(entryMac(sha, GENESIS_MAC, first));
    expect(first.mac).toBe(entryMac(sm3, GENESIS_MAC, first));
    expect(await verifyAuditChain(handle.db, { audit: sm3 })).toEqual({ ok: true, count: 3 });
    expect(await verifyAuditChain(handle.db, { audit: sha })).toMatchObject({ ok: false });
  });
});

describe('the audit settings', () => {
  const dataKey = '3c9a5e1f7b2d4860a1c3e5f70b2d4f6183a5c7e90b1d3f5a7c9e1b3d5f7092b4';
  const env = { DATA_DIR: '/tmp/linli-audit-config', DATA_KEY: dataKey };

  it('derive the key as HMAC(DATA_KEY, "audit") with hmac-sha256 when nothing is set', () => {
    const config = loadConfig(env);
    expect(config.audit.mac).toBe('hmac-sha256');
    expect(config.audit.key).toEqual(deriveAuditKey(Buffer.from(dataKey, 'hex')));
    expect(config.audit.key.equals(config.dataKey)).toBe(false);
  });

  it('take AUDIT_KEY and AUDIT_MAC=hmac-sm3 when given', () => {
    const config = loadConfig({ ...env, AUDIT_KEY: 'ab'.repeat(32), AUDIT_MAC: 'hmac-sm3' });
    expect(config.audit).toEqual({ key: Buffer.from('ab'.repeat(32), 'hex'), mac: 'hmac-sm3' });
  });

  it('refuse a short AUDIT_KEY and an unknown AUDIT_MAC, naming them', () => {
    expect(() => loadConfig({ ...env, AUDIT_KEY: 'abc' })).toThrow(/AUDIT_KEY/);
    expect(() => loadConfig({ ...env, AUDIT_MAC: 'md5' })).toThrow(/AUDIT_MAC/);
  });
});
