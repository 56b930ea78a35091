import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createDataCipher, UnknownDataKeyError } from './data-cipher.js';
import { keyIdOf, type KeyRing } from './key-ring.js';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const env = { DATA_DIR: '/tmp/linli-cipher-config' };

function ring(algorithm: KeyRing['algorithm'], current: Buffer, old: Buffer[] = []): KeyRing {
  return { algorithm, current, old, macKey: k1 };
}

/** Flips one bit of the sealed bytes, keeping the header. */
function tampered(stored: string): string {
  const header = stored.slice(0, stored.lastIndexOf(':') + 1);
  const raw = Buffer.from(stored.slice(header.length), 'base64');
  raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
  return header + raw.toString('base64');
}

describe('the data cipher', () => {
  for (const algorithm of ['aes-256-gcm', 'sm4-ctr-hmac-sm3'] as const) {
    it(`writes ${algorithm} values naming the algorithm and key, and reads them back`, () => {
      const cipher = createDataCipher(ring(algorithm, k1));
      const a = cipher.encrypt('张三 13800138000');
      const b = cipher.encrypt('张三 13800138000');

      expect(a.startsWith(`v2:${algorithm}:${keyIdOf(k1)}:`)).toBe(true);
      expect(a).not.toBe(b);
      expect(cipher.decrypt(a)).toBe('张三 13800138000');
    });

    it(`refuses an altered ${algorithm} value`, () => {
      const cipher = createDataCipher(ring(algorithm, k1));
      expect(() => cipher.decrypt(tampered(cipher.encrypt('上海市杨浦区殷行路100弄')))).toThrow();
    });
  }

  it('refuses a value whose header was changed, as the header is bound to the ciphertext', () => {
    const cipher = createDataCipher(ring('aes-256-gcm', k1));
    const stored = cipher.encrypt('13800138000');
    const downgraded = `v1:${stored.slice(stored.lastIndexOf(':') + 1)}`;
    expect(() => cipher.decrypt(downgraded)).toThrow(UnknownDataKeyError);
  });

  it('reads values of an old key and of the first format (v1) after a rotation', () => {
    const before = createDataCipher(ring('aes-256-gcm', k1)).encrypt('11010519491231002X');
    const iv = randomBytes(12);
    const gcm = createCipheriv('aes-256-gcm', k1, iv);
    const body = Buffer.concat([gcm.update('李四', 'utf8'), gcm.final()]);
    const firstFormat = `v1:${Buffer.concat([iv, gcm.getAuthTag(), body]).toString('base64')}`;

    const after = createDataCipher(ring('sm4-ctr-hmac-sm3', k2, [k1]));

    expect(after.decrypt(before)).toBe('11010519491231002X');
    expect(after.decrypt(firstFormat)).toBe('李四');
  });

  it('names the missing key of a value no key of the ring opens', () => {
    const stored = createDataCipher(ring('aes-256-gcm', k1)).encrypt('13800138000');
    const without = createDataCipher(ring('aes-256-gcm', k2));
    expect(() => without.decrypt(stored)).toThrow(UnknownDataKeyError);
    expect(() => without.decrypt(stored)).toThrow(keyIdOf(k1));
  });

  it('keys digests with the digest key, so a new DATA_KEY leaves them as they were', () => {
    const before = createDataCipher(ring('aes-256-gcm', k1)).mac('reporter-phone', '13800138000');
    const after = createDataCipher(ring('aes-256-gcm', k2, [k1])).mac(
      'reporter-phone',
      '13800138000',
    );
    expect(after.equals(before)).toBe(true);
  });
});

describe('Shared default secrets (fault class 4): the key settings', () => {
  const strong = (key: Buffer) => key.toString('hex');

  it('refuse a weak DATA_KEY at start, in Chinese and English, naming the setting', () => {
    for (const weak of ['00'.repeat(32), '07'.repeat(32), '0123456789abcdef'.repeat(4)]) {
      expect(() => loadConfig({ ...env, DATA_KEY: weak })).toThrow(
        /DATA_KEY: 是弱密钥.*is a weak key/,
      );
    }
    expect(() => loadConfig({ ...env, DATA_KEY: 'abc' })).toThrow(/DATA_KEY: must be 64 hex/);
  });

  it('build the ring of DATA_KEY, DATA_KEYS_OLD, DATA_MAC_KEY and DATA_CIPHER', () => {
    const config = loadConfig({
      ...env,
      DATA_KEY: strong(k2),
      DATA_KEYS_OLD: ` ${strong(randomBytes(32))}, ${'00'.repeat(32)} `,
      DATA_MAC_KEY: strong(k1),
      DATA_CIPHER: 'sm4-ctr-hmac-sm3',
    });

    expect(config.dataKeys.algorithm).toBe('sm4-ctr-hmac-sm3');
    expect(config.dataKeys.current.equals(k2)).toBe(true);
    expect(config.dataKeys.old).toHaveLength(2);
    expect(config.dataKeys.macKey.equals(k1)).toBe(true);
  });

  it('keep the derived audit key through a rotation with DATA_MAC_KEY pinned', () => {
    const before = loadConfig({ ...env, DATA_KEY: strong(k1) });
    const after = loadConfig({
      ...env,
      DATA_KEY: strong(k2),
      DATA_KEYS_OLD: strong(k1),
      DATA_MAC_KEY: strong(k1),
    });
    expect(after.audit.key.equals(before.audit.key)).toBe(true);
  });

  it('refuse DATA_KEYS_OLD without DATA_MAC_KEY, and an algorithm Node lacks', () => {
    const rotating = { ...env, DATA_KEY: strong(k2), DATA_KEYS_OLD: strong(k1) };
    expect(() => loadConfig(rotating)).toThrow(/DATA_MAC_KEY: 设置 DATA_KEYS_OLD 时必填/);
    expect(() => loadConfig({ ...env, DATA_CIPHER: 'sm4-gcm' })).toThrow(/DATA_CIPHER/);
  });
});
