/**
 * SQLSTATE classes and driver codes that mean "the database cannot answer right now" rather
 * than "this request is wrong": PostgreSQL restarting or shutting down (57P01–57P03), a lock held
 * past lock_timeout (55P03), a broken connection (08xxx), a refused or reset socket, and
 * SQLite's lock timeout. Such a failure is answered 503 with Retry-After so the client retries
 * (with its idempotency key), not 500 (docs/reliability.md).
 */
const unavailableCodes = new Set([
  '57P01',
  '57P02',
  '57P03',
  '55P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  // A full disk (or quota) under the database or the photo directory: the operator frees space
  // and the same request succeeds, so it is a 503 too (docs/reliability.md, F2).
  'SQLITE_FULL',
  'SQLITE_ABORT',
  '53100',
  'ENOSPC',
  'EDQUOT',
]);

/** node-postgres reports a connection dropped under a query with this message and no code. */
const droppedMessages = [
  'Connection terminated',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
];

/** True when the error (or its cause) says the database is unreachable for the moment. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 4; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && unavailableCodes.has(code)) {
      return true;
    }
    const message = e instanceof Error ? e.message : '';
    if (droppedMessages.some((m) => message.includes(m))) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
