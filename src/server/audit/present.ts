import { auditEntrySchema, type AuditEntry } from '../../contract/audit.js';
import type { AuditEntryTable } from '../db/schema.js';

const detailSchema = auditEntrySchema.shape.detail;

/**
 * The stored detail, parsed; a detail that is not what the trail writes (a row changed by hand)
 * shows as `{ unreadable: true }` rather than failing the whole page. `linli audit verify` names
 * such a row.
 */
function parseDetail(text: string): AuditEntry['detail'] {
  try {
    const parsed = detailSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : { unreadable: true };
  } catch {
    return { unreadable: true };
  }
}

/** One stored entry as the workbench shows it, with the acting staff member's name and badge. */
export function presentAuditEntry(
  row: AuditEntryTable & { actor_name: string | null; actor_badge_no: string | null },
): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: {
      kind: row.actor_kind,
      id: row.actor_id,
      name: row.actor_name,
      badgeNo: row.actor_badge_no,
    },
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    detail: parseDetail(row.detail),
    requestId: row.request_id,
  };
}
