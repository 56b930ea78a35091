import { createHmac, getHashes } from 'node:crypto';
import type { AuditDetail } from '../../contract/audit.js';
import type { AuditSettings } from '../config.js';
import type { AuditEntryTable } from '../db/schema.js';

/** The `prev_mac` of entry #1: 64 zeros, the length of an HMAC-SHA256 or HMAC-SM3 in hex. */
export const GENESIS_MAC = '0'.repeat(64);

/** The columns of an entry that its MAC covers: all of them except `prev_mac` and `mac`. */
export type ChainedFields = Omit<AuditEntryTable, 'prev_mac' | 'mac'>;

const digestOf = { 'hmac-sha256': 'sha256', 'hmac-sm3': 'sm3' } as const;

/** True when this Node's OpenSSL offers SM3 (GB/T 32905), which `hmac-sm3` needs. */
export function sm3Available(): boolean {
  return getHashes().includes('sm3');
}

/**
 * The detail as stored: JSON with its keys sorted, so the same detail always gives the same text
 * and the same MAC.
 */
export function canonicalDetail(detail: AuditDetail = {}): string {
  const sorted = Object.keys(detail)
    .sort()
    .map((key) => [key, detail[key]] as const);
  return JSON.stringify(Object.fromEntries(sorted));
}

/** An entry as a change writes it: everything but its number and MACs. */
export type WrittenEntry = Omit<ChainedFields, 'seq'>;

/**
 * Numbers `entries` on from `last` (the newest entry of the trail, undefined while it is empty)
 * and links each to the one before it: the rows to insert into `audit_entries`, in order.
 */
export function chainAfter(
  settings: AuditSettings,
  last: { seq: number; mac: string } | undefined,
  entries: readonly WrittenEntry[],
): AuditEntryTable[] {
  let seq = last?.seq ?? 0;
  let prevMac = last?.mac ?? GENESIS_MAC;
  return entries.map((entry) => {
    const fields: ChainedFields = {
      seq: ++seq,
      at: entry.at,
      actor_kind: entry.actor_kind,
      actor_id: entry.actor_id,
      action: entry.action,
      record_type: entry.record_type,
      record_id: entry.record_id,
      detail: entry.detail,
      request_id: entry.request_id,
    };
    const row = { ...fields, prev_mac: prevMac, mac: entryMac(settings, prevMac, fields) };
    prevMac = row.mac;
    return row;
  });
}

/**
 * mac = HMAC(key, prev_mac ‖ canonical JSON of the entry's fields). The fields go in as a JSON
 * array in a fixed order, so no field can be moved into another without changing the MAC.
 */
export function entryMac(settings: AuditSettings, prevMac: string, fields: ChainedFields): string {
  const canonical = JSON.stringify([
    fields.seq,
    fields.at,
    fields.actor_kind,
    fields.actor_id,
    fields.action,
    fields.record_type,
    fields.record_id,
    fields.detail,
    fields.request_id,
  ]);
  return createHmac(digestOf[settings.mac], settings.key)
    .update(prevMac)
    .update(canonical)
    .digest('hex');
}
