// The two authenticated constructions the data cipher offers. Node 20's OpenSSL has no SM4-GCM
// (crypto.getCiphers() lists sm4-cbc, -cfb, -ctr, -ecb and -ofb only), so the 国密 choice is
// SM4-CTR with HMAC-SM3 over header, IV and ciphertext: encrypt-then-MAC, checked before any
// byte is decrypted. Both bind the header (algorithm and key id) to the ciphertext, so a value
// cannot be passed off as written under another key or algorithm.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  getCiphers,
  getHashes,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/** The algorithms of DATA_CIPHER; AES-256-GCM is the default. */
export const cipherAlgorithms = ['aes-256-gcm', 'sm4-ctr-hmac-sm3'] as const;
export type CipherAlgorithm = (typeof cipherAlgorithms)[number];

/** One construction: seals and opens bytes under a 256-bit key, with the header as bound data. */
export interface Construction {
  seal(key: Buffer, header: string, plain: Buffer): Buffer;
  open(key: Buffer, header: string, sealed: Buffer): Buffer;
}

const aesGcm: Construction = {
  seal(key, header, plain) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(header, 'utf8'));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  },
  open(key, header, sealed) {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(header, 'utf8'));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  },
};

/** SM4 takes a 128-bit key: both keys are drawn from the 256-bit data key with HKDF-SM3. */
function sm4Keys(key: Buffer): { enc: Buffer; mac: Buffer } {
  const derive = (info: string, length: number) =>
    Buffer.from(hkdfSync('sm3', key, Buffer.alloc(0), info, length));
  return { enc: derive('linli sm4-ctr', 16), mac: derive('linli hmac-sm3', 32) };
}

function sm3Tag(macKey: Buffer, header: string, ivAndBody: Buffer): Buffer {
  return createHmac('sm3', macKey).update(header, 'utf8').update(ivAndBody).digest();
}

const sm4CtrHmacSm3: Construction = {
  seal(key, header, plain) {
    const { enc, mac } = sm4Keys(key);
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-ctr', enc, iv);
    const ivAndBody = Buffer.concat([iv, cipher.update(plain), cipher.final()]);
    return Buffer.concat([ivAndBody, sm3Tag(mac, header, ivAndBody)]);
  },
  open(key, header, sealed) {
    const { enc, mac } = sm4Keys(key);
    const ivAndBody = sealed.subarray(0, sealed.length - 32);
    const tag = sealed.subarray(sealed.length - 32);
    if (ivAndBody.length < 16 || !timingSafeEqual(tag, sm3Tag(mac, header, ivAndBody))) {
      throw new Error('the value was altered or was not written under this key');
    }
    const decipher = createDecipheriv('sm4-ctr', enc, ivAndBody.subarray(0, 16));
    return Buffer.concat([decipher.update(ivAndBody.subarray(16)), decipher.final()]);
  },
};

/** The construction of an algorithm. */
export function constructionOf(algorithm: CipherAlgorithm): Construction {
  return algorithm === 'aes-256-gcm' ? aesGcm : sm4CtrHmacSm3;
}

/** Whether this Node's OpenSSL has what the algorithm needs (SM4 and SM3 may be compiled out). */
export function isAlgorithmAvailable(algorithm: CipherAlgorithm): boolean {
  if (algorithm === 'aes-256-gcm') {
    return getCiphers().includes('aes-256-gcm');
  }
  return getCiphers().includes('sm4-ctr') && getHashes().includes('sm3');
}
