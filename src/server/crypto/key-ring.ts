// The keys of personal data, from configuration: DATA_KEY encrypts, the keys of DATA_KEYS_OLD
// only decrypt what was written before a rotation, and DATA_MAC_KEY keys every digest and link
// token. The digest key is apart from the encryption keys because follow links in residents'
// hands, phone digests and recovery-code hashes are derived from it and cannot be re-derived;
// it defaults to DATA_KEY, which is what every install used before rotation existed.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { cipherAlgorithms, isAlgorithmAvailable, type CipherAlgorithm } from './algorithms.js';

/** The keys the data cipher is built over (src/server/crypto/data-cipher.ts). */
export interface KeyRing {
  algorithm: CipherAlgorithm;
  /** Encrypts every new value. */
  current: Buffer;
  /** Decrypt only; emptied once `linli rotate-data-key` has run. */
  old: readonly Buffer[];
  /** Keys mac(): digests, link tokens, CSRF tokens, rate-limit buckets. */
  macKey: Buffer;
}

/** A ring of one key that both encrypts and keys the digests, as before rotation existed. */
export function singleKeyRing(key: Buffer, algorithm: CipherAlgorithm = 'aes-256-gcm'): KeyRing {
  return { algorithm, current: key, old: [], macKey: key };
}

/**
 * The id a ciphertext names its key by: 8 hex characters of HMAC-SHA256(key, 'linli key id').
 * It is derived, so no setting has to name it, and it tells nothing of the key.
 */
export function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key).update('linli key id').digest('hex').slice(0, 8);
}

const hexKey = /^[0-9a-f]{64}$/i;
const notHex = 'must be 64 hex characters (a 256-bit key) / 须为 64 位十六进制（256 位密钥）';

/**
 * A key a person typed rather than drew: fewer than 12 distinct bytes among 32 (all zeros, one
 * byte repeated, a short pattern repeated). A random key has about 30; the chance of fewer than
 * 12 is below 10^-20.
 */
export function isWeakKey(key: Buffer): boolean {
  return new Set(key).size < 12;
}

const weak =
  '是弱密钥（同一字节或短图样重复），请用 openssl rand -hex 32 生成 / is a weak key (one byte ' +
  'or a short pattern repeated); make one with openssl rand -hex 32';

/** A 256-bit key in hex that a person must not have typed. */
const strongKey = z
  .string()
  .regex(hexKey, { error: notHex })
  .refine((v) => !isWeakKey(Buffer.from(v, 'hex')), { error: weak });

/** The settings of the key ring, merged into the one settings schema (src/server/config.ts). */
export const keySettingsSchema = {
  DATA_KEY: strongKey.optional(),
  // Weak old keys are accepted: rotating away from one is the way out of it.
  DATA_KEYS_OLD: z
    .string()
    .refine((v) => v.split(',').every((k) => hexKey.test(k.trim())), {
      error: `${notHex}, separated by commas / 以逗号分隔`,
    })
    .optional(),
  DATA_MAC_KEY: strongKey.optional(),
  DATA_CIPHER: z.enum(cipherAlgorithms).default('aes-256-gcm'),
};

type KeySettings = z.infer<z.ZodObject<typeof keySettingsSchema>>;

/** The keys of DATA_KEYS_OLD, in the order given. */
export function oldKeysOf(e: KeySettings): Buffer[] {
  const list = e.DATA_KEYS_OLD?.split(',').map((k) => k.trim()) ?? [];
  return list.filter((k) => k !== '').map((k) => Buffer.from(k, 'hex'));
}

/**
 * The checks across the key settings: the algorithm exists here, and a rotation in progress has
 * its digest key pinned (without DATA_MAC_KEY the digest key would follow DATA_KEY to the new key
 * and every follow link, phone search and recovery code would stop working).
 */
export function checkKeySettings(e: KeySettings, ctx: z.RefinementCtx): void {
  if (!isAlgorithmAvailable(e.DATA_CIPHER)) {
    ctx.addIssue({
      code: 'custom',
      path: ['DATA_CIPHER'],
      message: `本机 OpenSSL 不支持 / this Node's OpenSSL lacks it; use aes-256-gcm`,
    });
  }
  if (oldKeysOf(e).length > 0 && !e.DATA_MAC_KEY) {
    ctx.addIssue({
      code: 'custom',
      path: ['DATA_MAC_KEY'],
      message:
        '设置 DATA_KEYS_OLD 时必填：填入原来的 DATA_KEY，跟踪链接与手机号查询才能继续可用 / ' +
        'required with DATA_KEYS_OLD: set it to the former DATA_KEY so that follow links and ' +
        'phone search keep working (docs/security.md)',
    });
  }
}
