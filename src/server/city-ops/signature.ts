// The platform signs each request and we sign each callback the same way: HMAC-SHA256 over
// `${timestamp}.${rawBody}` with the shared secret, sent as `sha256=<hex>`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { cityOpsSignatureHeader, cityOpsTimestampHeader } from '../../contract/city-ops.js';
import { AppError, fieldIssue } from '../errors.js';
import type { CityOpsSettings } from './settings.js';

/** The signature header value of a body signed at `timestamp` (Unix seconds). */
export function signBody(secret: string, timestamp: number | string, rawBody: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `sha256=${mac}`;
}

/** The two headers of a signed request. */
export function signedHeaders(secret: string, now: Date, rawBody: string) {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    [cityOpsTimestampHeader]: String(timestamp),
    [cityOpsSignatureHeader]: signBody(secret, timestamp, rawBody),
  };
}

function refuse(header: string, message: string, messageEn: string): never {
  throw new AppError('signature_invalid', [fieldIssue(header, message, messageEn)]);
}

function header(headers: Record<string, unknown>, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Checks a request's signature: the timestamp within the replay window of `now`, the MAC equal in
 * constant time. A refusal names the header; it never says what the right value would have been.
 */
export function verifySignature(
  settings: CityOpsSettings & { secret: string },
  headers: Record<string, unknown>,
  rawBody: string,
  now: Date,
): void {
  const timestamp = header(headers, cityOpsTimestampHeader);
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) {
    refuse(cityOpsTimestampHeader, '缺少签名时间戳或格式有误', 'missing or malformed timestamp');
  }
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (skew > settings.replayWindowSeconds) {
    refuse(cityOpsTimestampHeader, '签名时间超出允许范围', 'timestamp outside the replay window');
  }
  const given = Buffer.from(header(headers, cityOpsSignatureHeader) ?? '');
  const expected = Buffer.from(signBody(settings.secret, timestamp, rawBody));
  // timingSafeEqual needs equal lengths; comparing lengths first reveals only the length.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    refuse(cityOpsSignatureHeader, '签名不正确', 'signature does not match');
  }
}
