import { createAuditChainer } from '../server/audit/pending.js';
import { verifyAuditChain, type ChainBreak } from '../server/audit/service.js';
import type { AuditSettings } from '../server/config.js';
import type { DatabaseHandle } from '../server/db/database.js';
import type { ReportStream } from './import-org.js';

const reasonText: Record<ChainBreak, string> = {
  mac_mismatch: 'mac mismatch (the entry was changed, or AUDIT_KEY/AUDIT_MAC differ)',
  seq_gap: 'gap in seq (the entry is missing)',
  prev_mac_mismatch: 'prev_mac mismatch (the entry does not follow the one before it)',
};

/**
 * `linli audit verify`: checks the whole audit chain with the configured key and algorithm and
 * writes one line. Returns the exit code: 0 when intact, 1 at the first broken entry. On
 * PostgreSQL it first chains the entries still pending (src/server/audit/pending.ts), as a
 * running instance would within seconds, so that every committed entry is checked.
 */
export async function auditVerifyCommand(
  handle: DatabaseHandle,
  audit: AuditSettings,
  out: ReportStream,
): Promise<number> {
  if (handle.kind === 'postgres') {
    await createAuditChainer(handle.db, audit).flush();
  }
  const report = await verifyAuditChain(handle.db, { audit });
  if (report.ok) {
    out.write(`audit chain intact: ${report.count} entries\n`);
    return 0;
  }
  out.write(
    `audit chain broken at entry #${report.firstBrokenSeq}: ${reasonText[report.reason]}\n`,
  );
  return 1;
}
