import type { Config } from '../server/config.js';
import { createDataCipher } from '../server/crypto/data-cipher.js';
import { keyIdOf } from '../server/crypto/key-ring.js';
import { RotationError, rotateDataKey } from '../server/crypto/rotation.js';
import type { DatabaseHandle } from '../server/db/database.js';
import type { ReportStream } from './import-org.js';

const hint =
  '将写入该值的旧密钥加入 DATA_KEYS_OLD 后重新运行 / add the key that wrote it to DATA_KEYS_OLD ' +
  'and run again\n';

/** Rows per transaction: small enough not to hold SQLite's write lock for long. */
const defaultBatchSize = 200;

/** `--batch N`, or the default; a message when N is not a positive whole number. */
export function parseRotateArgs(args: readonly string[]): number | string {
  if (args.length === 0) {
    return defaultBatchSize;
  }
  const size = Number(args[1]);
  if (args[0] !== '--batch' || args.length !== 2 || !Number.isInteger(size) || size < 1) {
    return 'usage: npm run linli -- rotate-data-key [--batch N]';
  }
  return size;
}

/**
 * `linli rotate-data-key`: re-encrypts every stored personal value under DATA_KEY and
 * DATA_CIPHER, printing one line per table and a total. Exit 0 when done, 1 when a value opens
 * with no configured key (the batches before it stay re-encrypted; run again once it is fixed).
 */
export async function rotateDataKeyCommand(
  handle: DatabaseHandle,
  keys: Config['dataKeys'],
  batchSize: number,
  out: ReportStream,
): Promise<number> {
  const cipher = createDataCipher(keys);
  const target = `key ${keyIdOf(keys.current)} (${keys.algorithm})`;
  out.write(`re-encrypting personal data under ${target} / 正在用新密钥重新加密个人信息\n`);
  try {
    const counts = await rotateDataKey(handle.db, cipher, {
      batchSize,
      onTable: (t) => {
        out.write(`  ${t.table}: ${t.values} values in ${t.rows} rows\n`);
      },
    });
    const values = counts.reduce((sum, t) => sum + t.values, 0);
    const rows = counts.reduce((sum, t) => sum + t.rows, 0);
    out.write(`re-encrypted ${values} values in ${rows} rows / 共重新加密 ${values} 项\n`);
    return 0;
  } catch (error) {
    if (error instanceof RotationError) {
      out.write(`stopped / 已中止: ${error.message}\n${hint}`);
      return 1;
    }
    throw error;
  }
}
