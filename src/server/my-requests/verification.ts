// Verifying a resident's phone for "my requests": a 6-digit code by SMS through the outbox, good
// once, for 10 minutes and 5 tries; a right code opens a short session for that phone only.
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { CodeSent } from '../../contract/my-requests.js';
import { maskPhone } from '../../domain/personal-data.js';
import type { AppContext } from '../context.js';
import { residentPhoneDigest } from '../crypto/phone-digest.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId, sha256Hex } from '../ids.js';
import { enqueueCodeMessage } from '../notifications/service.js';
import { charge, type Charge } from '../rate-limits/service.js';
import * as store from './store.js';

/** A code holds for 10 minutes and allows 5 tries (the issue's rule). */
export const CODE_MINUTES = 10;
export const CODE_TRIES = 5;

/** A verified phone's session: the cookie's token, and when it ends. */
export interface ResidentSessionStart {
  token: string;
  expiresAt: string;
}

function codeHash(ctx: AppContext, codeId: string, code: string): Buffer {
  return ctx.cipher.mac('resident-code', `${codeId}\u0000${code}`);
}

function codeCharges(ctx: AppContext, phoneDigest: string, address: string): Charge[] {
  const s = ctx.myRequests;
  return [
    {
      value: phoneDigest,
      field: 'phone',
      limits: [
        { bucket: 'code_phone', max: 1, windowSeconds: s.codeIntervalSeconds },
        { bucket: 'code_phone', max: s.codesPerPhoneHour, windowSeconds: 3600 },
      ],
    },
    {
      value: address,
      field: 'phone',
      limits: [{ bucket: 'code_address', max: s.codesPerAddressHour, windowSeconds: 3600 }],
    },
  ];
}

/**
 * Sends a new code to a phone, whether or not it has any request, and answers the same either
 * way, so that nobody learns which numbers filed something. Counted per phone and per client
 * address first (RateLimitedError past the limits); only the newest code of a phone is valid.
 */
export async function sendCode(ctx: AppContext, phone: string, address: string): Promise<CodeSent> {
  const digest = residentPhoneDigest(ctx.cipher, phone);
  const now = ctx.now();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString();
  const id = newId();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');

  await ctx.db.transaction().execute(async (trx) => {
    await charge(ctx, trx, codeCharges(ctx, digest, address));
    await store.insertCode(trx, {
      id,
      phone_digest: digest,
      code_hash: codeHash(ctx, id, code).toString('hex'),
      created_at: at,
      expires_at: expiresAt,
      used_at: null,
      attempts: 0,
    });
    await enqueueCodeMessage(trx, {
      phoneEnc: ctx.cipher.encrypt(phone),
      phoneMasked: maskPhone(phone),
      codeEnc: ctx.cipher.encrypt(code),
      at,
      expiresAt,
    });
  });
  return {
    resendAfterSeconds: ctx.myRequests.codeIntervalSeconds,
    expiresInSeconds: CODE_MINUTES * 60,
  };
}

/** The one answer to every code that does not verify: wrong, expired, used, or out of tries. */
function refused(): AppError {
  return new AppError('verification_failed', [
    fieldIssue('code', '验证码不正确或已失效，请重新获取', 'wrong or no longer valid; ask again'),
  ]);
}

/**
 * Checks a code against the newest one sent to the phone and, when it is right, unexpired,
 * unused and within its tries, uses it up and opens a session for the phone. Every try counts,
 * so after 5 wrong ones even the right code is refused.
 */
export async function verifyCode(
  ctx: AppContext,
  phone: string,
  code: string,
): Promise<ResidentSessionStart> {
  const digest = residentPhoneDigest(ctx.cipher, phone);
  const now = ctx.now();
  const latest = await store.findLatestCode(ctx.db, digest);
  const check = { now: now.toISOString(), maxTries: CODE_TRIES };
  if (!latest || !(await store.spendTry(ctx.db, latest.id, check))) {
    throw refused();
  }
  const expected = Buffer.from(latest.code_hash, 'hex');
  if (!timingSafeEqual(expected, codeHash(ctx, latest.id, code))) {
    throw refused();
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.myRequests.sessionMinutes * 60_000);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await store.markCodeUsed(trx, latest.id, now.toISOString()))) {
      throw refused();
    }
    await store.insertSession(trx, {
      id: sha256Hex(token),
      phone_digest: digest,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    });
  });
  return { token, expiresAt: expiresAt.toISOString() };
}

/** The phone digest and end of a session token, or null when it is unknown or over. */
export async function resolveResidentSession(
  ctx: AppContext,
  token: string,
): Promise<{ phoneDigest: string; expiresAt: string } | null> {
  const session = await store.findSession(ctx.db, sha256Hex(token), ctx.now().toISOString());
  return session ? { phoneDigest: session.phone_digest, expiresAt: session.expires_at } : null;
}

/** Ends a session; an unknown token ends nothing. */
export async function endResidentSession(ctx: AppContext, token: string): Promise<void> {
  await store.deleteSession(ctx.db, sha256Hex(token));
}
