// Re-encryption of every stored personal value under the current DATA_KEY and DATA_CIPHER
// (`npm run linli -- rotate-data-key`, docs/security.md). Digests and link tokens are keyed by
// the digest key (DATA_MAC_KEY), which a rotation leaves as it is, so they are not rewritten.
import type { Db } from '../db/database.js';
import { UnknownDataKeyError, type DataCipher } from './data-cipher.js';
import { encryptedTables, type EncryptedTable } from './encrypted-columns.js';
import { findStaleRows, rewriteRow, type StoredRow } from './store.js';

/** What a rotation re-encrypted in one table. */
export interface TableRotation {
  table: string;
  rows: number;
  values: number;
}

/** A stored value no key of the ring opens; names the row so the operator can look. */
export class RotationError extends Error {}

/**
 * Re-encrypts, table by table and in batches of `batchSize` rows (one transaction each), every
 * value not yet under the current key and algorithm. A second run finds nothing to do; a run
 * that stopped keeps the batches it committed and the next run goes on from there.
 */
export async function rotateDataKey(
  db: Db,
  cipher: DataCipher,
  options: { batchSize: number; onTable?: (done: TableRotation) => void },
): Promise<TableRotation[]> {
  const counts: TableRotation[] = [];
  for (const spec of encryptedTables) {
    const done = await rotateTable(db, cipher, spec, options.batchSize);
    options.onTable?.(done);
    counts.push(done);
  }
  return counts;
}

async function rotateTable(
  db: Db,
  cipher: DataCipher,
  spec: EncryptedTable,
  batchSize: number,
): Promise<TableRotation> {
  const done: TableRotation = { table: spec.table, rows: 0, values: 0 };
  let after: (string | number)[] | null = null;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const rows = await findStaleRows(trx, spec, cipher.currentPrefix, after, batchSize);
      for (const row of rows) {
        const changes = reencryptRow(cipher, spec, row);
        if (await rewriteRow(trx, spec, row, changes)) {
          done.rows += 1;
          done.values += changes.size;
        }
      }
      return rows;
    });
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) {
      return done;
    }
    after = spec.key.map((k) => last[k] ?? '');
  }
}

/** The new text of each column of the row that holds a value under an older key. */
function reencryptRow(cipher: DataCipher, spec: EncryptedTable, row: StoredRow) {
  const changes = new Map<string, string>();
  const renew = (stored: string) => {
    try {
      return cipher.encrypt(cipher.decrypt(stored));
    } catch (error) {
      const where = `${spec.table} (${spec.key.map((k) => String(row[k])).join(', ')})`;
      const reason = error instanceof UnknownDataKeyError ? error.message : 'it is damaged';
      throw new RotationError(`${where}: ${reason}`, { cause: error });
    }
  };
  for (const column of spec.columns) {
    const stored = row[column];
    if (typeof stored === 'string' && !stored.startsWith(cipher.currentPrefix)) {
      changes.set(column, renew(stored));
    }
  }
  if (spec.json) {
    const renewed = renewJsonField(row[spec.json.column], spec.json.field, cipher, renew);
    if (renewed !== null) {
      changes.set(spec.json.column, renewed);
    }
  }
  return changes;
}

/** The JSON text with its encrypted field re-encrypted, or null when it needs nothing. */
function renewJsonField(
  text: string | number | null | undefined,
  field: string,
  cipher: DataCipher,
  renew: (stored: string) => string,
): string | null {
  if (typeof text !== 'string') {
    return null;
  }
  const parsed = JSON.parse(text) as Record<string, unknown>;
  const stored = parsed[field];
  if (typeof stored !== 'string' || stored.startsWith(cipher.currentPrefix)) {
    return null;
  }
  return JSON.stringify({ ...parsed, [field]: renew(stored) });
}
