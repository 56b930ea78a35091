import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/factories.js';
import { chainerFor } from '../server/audit/pending.js';
import { recordAudit } from '../server/audit/service.js';
import type { AuditSettings } from '../server/config.js';
import type { DatabaseHandle } from '../server/db/database.js';
import { auditVerifyCommand } from './audit-verify.js';

let handle: DatabaseHandle;
const audit: AuditSettings = { key: Buffer.alloc(32, 3), mac: 'hmac-sha256' };

function collector() {
  const lines: string[] = [];
  return { lines, write: (text: string) => lines.push(text) };
}

beforeEach(async () => {
  handle = await openTestDatabase();
  chainerFor(handle, audit);
  for (const id of ['T1', 'T2', 'T3']) {
    await recordAudit(
      handle.db,
      { audit, now: () => new Date() },
      {
        actorKind: 'system',
        actorId: null,
        action: 'ticket.accept',
        recordType: 'ticket',
        recordId: id,
      },
    );
  }
});

afterEach(async () => {
  await handle.close();
});

describe('linli audit verify', () => {
  it('prints the number of entries and exits 0 when the chain is intact', async () => {
    const out = collector();
    expect(await auditVerifyCommand(handle, audit, out)).toBe(0);
    expect(out.lines).toEqual(['audit chain intact: 3 entries\n']);
  });

  it('names the first broken entry and exits 1', async () => {
    await handle.db
      .updateTable('audit_entries')
      .set({ record_id: 'T9' })
      .where('seq', '=', 2)
      .execute();
    const out = collector();
    expect(await auditVerifyCommand(handle, audit, out)).toBe(1);
    expect(out.lines.join('')).toMatch(/^audit chain broken at entry #2: mac mismatch/);
  });
});
