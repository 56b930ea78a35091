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
