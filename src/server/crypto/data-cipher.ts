import { createHmac } from 'node:crypto';
import { constructionOf, cipherAlgorithms, type CipherAlgorithm } from './algorithms.js';
import { keyIdOf, singleKeyRing, type KeyRing } from './key-ring.js';

/**
 * The one crypto provider of personal data at rest. A value is stored as
 * `v2:<algorithm>:<key id>:` + base64(sealed bytes), so that after a rotation every old value
 * still names the key that opens it. Values of the first format, `v1:` + base64(iv | tag | body)
 * under AES-256-GCM without a key id, are still read, trying each key of the ring.
 */
export interface DataCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** A keyed digest, for values that must be found again without being stored. */
  mac(purpose: string, value: string): Buffer;
  /** The prefix of values written now; a value without it is re-encrypted by a rotation. */
  readonly currentPrefix: string;
}

/** A stored value that no key of the ring opens: a key is missing from DATA_KEYS_OLD. */
export class UnknownDataKeyError extends Error {}

/** Builds the cipher over a key ring, or over one 256-bit key that does everything. */
export function createDataCipher(keys: KeyRing | Buffer): DataCipher {
  const ring = Buffer.isBuffer(keys) ? singleKeyRing(keys) : keys;
  const all = [ring.current, ...ring.old];
  if (all.some((k) => k.length !== 32) || ring.macKey.length !== 32) {
    throw new Error('DATA_KEY must be 32 bytes');
  }
  // A key listed twice (DATA_KEY also in DATA_KEYS_OLD) is harmless: one id, one key.
  const byId = new Map(all.map((k) => [keyIdOf(k), k]));
  const currentPrefix = `v2:${ring.algorithm}:${keyIdOf(ring.current)}:`;
  const construction = constructionOf(ring.algorithm);
  return {
    currentPrefix,
    encrypt(plain) {
      const sealed = construction.seal(ring.current, currentPrefix, Buffer.from(plain, 'utf8'));
      return currentPrefix + sealed.toString('base64');
    },
    decrypt(stored) {
      return stored.startsWith('v1:') ? openFirstFormat(all, stored) : openTagged(byId, stored);
    },
    mac(purpose, value) {
      return createHmac('sha256', ring.macKey).update(`${purpose}\u0000${value}`).digest();
    },
  };
}

function openTagged(byId: ReadonlyMap<string, Buffer>, stored: string): string {
  const [version, algorithm, keyId] = stored.split(':', 3);
  const header = `${version}:${algorithm}:${keyId}:`;
  if (version !== 'v2' || !isAlgorithm(algorithm) || keyId === undefined) {
    throw new Error('not a value written by the data cipher');
  }
  const key = byId.get(keyId);
  if (!key) {
    throw new UnknownDataKeyError(
      `the value was written under key ${keyId}, which is neither DATA_KEY nor in DATA_KEYS_OLD`,
    );
  }
  const sealed = Buffer.from(stored.slice(header.length), 'base64');
  return constructionOf(algorithm).open(key, header, sealed).toString('utf8');
}

function isAlgorithm(value: string | undefined): value is CipherAlgorithm {
  return cipherAlgorithms.some((a) => a === value);
}

/** The first format carried no key id: the key that authenticates the value is the one. */
function openFirstFormat(keys: readonly Buffer[], stored: string): string {
  const raw = Buffer.from(stored.slice(3), 'base64');
  for (const key of keys) {
    try {
      return openAesGcmWithoutHeader(key, raw);
    } catch {
      // Not this key: GCM's tag refuses it; try the next one.
    }
  }
  throw new UnknownDataKeyError('a v1 value that neither DATA_KEY nor DATA_KEYS_OLD opens');
}

function openAesGcmWithoutHeader(key: Buffer, raw: Buffer): string {
  return constructionOf('aes-256-gcm').open(key, '', raw).toString('utf8');
}
