// The TOTP second factor (RFC 6238: HMAC-SHA1, 6 digits, 30 s), as every authenticator app
// (Google/Microsoft Authenticator, 腾讯身份验证器, FreeOTP) reads it from the otpauth QR code.
// HMAC makes it the cryptographic factor 等保 身份鉴别 d asks for. One code is accepted once
// only (ASVS 6.5.1): the time step of the last accepted code is kept.
import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const period = 30;
const issuer = 'Linli 邻里';

/** A new random secret (160 bits, as RFC 4226 recommends), in base32 as apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secret: string, username: string): TOTP {
  return new TOTP({
    issuer,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period,
    secret: Secret.fromBase32(secret),
  });
}

/** The otpauth:// URI of a secret, and the same as a QR code image (a data: URL). */
export async function totpEnrolment(secret: string, username: string) {
  const uri = totpOf(secret, username).toString();
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 240 }) };
}

/** The code an authenticator shows at `at` (tests and the browser tests sign in with it). */
export function totpCodeAt(secret: string, at: Date): string {
  return totpOf(secret, '').generate({ timestamp: at.getTime() });
}

/**
 * The time step of `code` when it is valid at `at` (one step of clock drift either way) and
 * newer than `lastStep`; null otherwise, also for a code already used.
 */
export function acceptedTotpStep(
  secret: string,
  code: string,
  at: Date,
  lastStep: number | null,
): number | null {
  const delta = totpOf(secret, '').validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) {
    return null;
  }
  const step = Math.floor(at.getTime() / 1000 / period) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** Letters and digits that cannot be mistaken for each other when copied by hand. */
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** `count` new one-time recovery codes, xxxx-xxxx-xxxx (about 59 bits each). */
export function newRecoveryCodes(count = 8): string[] {
  const group = () =>
    Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return Array.from({ length: count }, () => `${group()}-${group()}-${group()}`);
}
