import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Encryption of personal data at rest with AES-256-GCM; the key comes from configuration
 * (DATA_KEY). The stored form is `v1:` + base64(iv | tag | ciphertext).
 */
export interface DataCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** A keyed digest, for values that must be found again without being stored. */
  mac(purpose: string, value: string): Buffer;
}

/** Builds the cipher over one 256-bit key. */
export function createDataCipher(key: Buffer): DataCipher {
  if (key.length !== 32) {
    throw new Error('DATA_KEY must be 32 bytes');
  }
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      const raw = Buffer.from(stored.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    mac(purpose, value) {
      return createHmac('sha256', key).update(`${purpose}\u0000${value}`).digest();
    },
  };
}
