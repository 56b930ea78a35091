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

/** How many of an id's base32 characters spell the time it was made. */
const TIME_CHARACTERS = 9;

/**
 * A new primary key: 20 base32 characters. The first 9 spell the millisecond it was made (45
 * bits, enough until the year 3084), the other 11 are random (55 bits), so ids are not
 * enumerable and those made later sort after those made earlier. Each index on an id then grows
 * at its end: a new row's key lands on the page the last one did, instead of on a random page
 * of the whole index that must be read, changed and written to the log (docs/performance.md).
 */
export function newId(): string {
  return idAt(Date.now());
}

/** The id newId makes at the millisecond `ms` (apart from its random part). */
export function idAt(ms: number): string {
  let time = '';
  let rest = ms;
  for (let i = 0; i < TIME_CHARACTERS; i += 1) {
    time = alphabet.charAt(rest % 32) + time;
    rest = Math.floor(rest / 32);
  }
  return (time + randomBase32(20 - TIME_CHARACTERS)).toLowerCase();
}

/** A placard token for a building's QR code: 16 base32 characters (80 bits). */
export function newPlacardToken(): string {
  return randomBase32(16).toLowerCase();
}

/** SHA-256 in hex, for secrets stored only as hashes. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
