import { createHash, randomBytes } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Crockford base32 of random bytes: readable aloud, no I/L/O/U. */
export function randomBase32(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) {
    out += alphabet.charAt(b & 31);
  }
  return out;
}

/** A new primary key: 20 base32 characters, 100 bits, not enumerable. */
export function newId(): string {
  return randomBase32(20).toLowerCase();
}

/** A placard token for a building's QR code: 16 base32 characters (80 bits). */
export function newPlacardToken(): string {
  return randomBase32(16).toLowerCase();
}

/** SHA-256 in hex, for secrets stored only as hashes. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
