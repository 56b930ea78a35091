// API keys of partner systems: the bureau admin issues one (shown once, only its SHA-256 kept),
// lists them and revokes them, each step in the audit trail. A POST presents its key; a missing,
// unknown or revoked key is refused with 403, and every use is counted against the key's limits.
import type { IssueOpen311Key, IssuedOpen311Key, Open311Key } from '../../contract/open311.js';
import type { StaffActor } from '../accounts/service.js';
import { withAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { Open311KeyTable } from '../db/schema.js';
import { AppError } from '../errors.js';
import { newId, randomBase32, sha256Hex } from '../ids.js';
import { charge, type Limit } from '../rate-limits/service.js';
import { keyRefused } from './errors.js';
import * as store from './store.js';

/** Writes a key may make: a burst of 30 a minute, 600 an hour. */
export const writeLimits: Limit[] = [
  { bucket: 'open311_write', max: 30, windowSeconds: 60 },
  { bucket: 'open311_write', max: 600, windowSeconds: 3600 },
];

/** Reads one client address may make: 120 a minute. */
export const readLimits: Limit[] = [{ bucket: 'open311_read', max: 120, windowSeconds: 60 }];

/** A new key: `o311_` and 32 base32 characters (160 bits). */
function newApiKey(): string {
  return `o311_${randomBase32(32).toLowerCase()}`;
}

function present(row: Open311KeyTable, createdBy: string, requestCount: number): Open311Key {
  return {
    id: row.id,
    name: row.name,
    partner: row.partner,
    prefix: row.key_prefix,
    createdAt: row.created_at,
    createdBy,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    requestCount,
  };
}

/** Every key with its issuer and how many requests it filed, newest first. */
export async function listOpen311Keys(ctx: AppContext): Promise<Open311Key[]> {
  const rows = await store.listKeys(ctx.db);
  return rows.map((r) => present(r, r.created_by_name, Number(r.request_count ?? 0)));
}

/** Issues a key to a partner; the answer is the only place the key itself ever appears. */
export async function issueOpen311Key(
  ctx: AppContext,
  actor: StaffActor,
  input: IssueOpen311Key,
): Promise<IssuedOpen311Key> {
  const apiKey = newApiKey();
  const row: Open311KeyTable = {
    id: newId(),
    name: input.name,
    partner: input.partner,
    key_hash: sha256Hex(apiKey),
    key_prefix: apiKey.slice(0, 9),
    created_by: actor.id,
    created_at: ctx.now().toISOString(),
    revoked_at: null,
    revoked_by: null,
    last_used_at: null,
  };
  await withAudit(ctx, async (trx, audit) => {
    await store.insertKey(trx, row);
    await audit({
      actorKind: 'staff',
      actorId: actor.id,
      action: 'open311.key_issue',
      recordType: 'open311_key',
      recordId: row.id,
      detail: { prefix: row.key_prefix },
    });
  });
  const keys = await listOpen311Keys(ctx);
  const key = keys.find((k) => k.id === row.id);
  if (!key) {
    throw new AppError('internal_error');
  }
  return { key, apiKey };
}

/** Revokes a key at once: every later call with it is refused. Revoking twice is refused. */
export async function revokeOpen311Key(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
): Promise<Open311Key> {
  const at = ctx.now().toISOString();
  await withAudit(ctx, async (trx, audit) => {
    const existing = await store.findKeyById(trx, id);
    if (!existing) {
      throw new AppError('not_found');
    }
    if (!(await store.revokeKey(trx, id, actor.id, at))) {
      throw new AppError('state_conflict');
    }
    await audit({
      actorKind: 'staff',
      actorId: actor.id,
      action: 'open311.key_revoke',
      recordType: 'open311_key',
      recordId: id,
      detail: { prefix: existing.key_prefix },
    });
  });
  const key = (await listOpen311Keys(ctx)).find((k) => k.id === id);
  if (!key) {
    throw new AppError('internal_error');
  }
  return key;
}

/** The key a call presents, checked and charged against its limits; 403 when it is not good. */
export async function useOpen311Key(
  ctx: AppContext,
  apiKey: string | undefined,
): Promise<Open311KeyTable> {
  if (apiKey === undefined) {
    throw keyRefused('缺少 api_key', 'api_key is required');
  }
  const key = await store.findKeyByHash(ctx.db, sha256Hex(apiKey));
  if (!key) {
    throw keyRefused('api_key 无效', 'api_key is not valid');
  }
  if (key.revoked_at !== null) {
    throw keyRefused('api_key 已被吊销', 'api_key has been revoked');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await charge(ctx, trx, [{ limits: writeLimits, value: key.id, field: 'api_key' }]);
    await store.touchKey(trx, key.id, ctx.now().toISOString());
  });
  return key;
}

/** Counts one read of a client address, refusing it past the read limit. */
export async function chargeRead(ctx: AppContext, address: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await charge(ctx, trx, [{ limits: readLimits, value: address, field: 'address' }]);
  });
}
