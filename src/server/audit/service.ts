import { type Kysely, type Transaction } from 'kysely';
import {
  auditReaderRoles,
  type AuditAction,
  AuditActorKind,
  AuditDetail,
  AuditPage,
  AuditQuery,
  AuditRecordType,
} from '../../contract/audit.js';
import type { StaffRole } from '../../contract/auth.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import type { AuditEntryTable, Database } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { canonicalDetail, chainAfter, entryMac, GENESIS_MAC, type WrittenEntry } from './mac.js';
import { insertPending } from './pending.js';
import { presentAuditEntry } from './present.js';
import * as store from './store.js';
import { isPostgres } from '../db/dialect.js';

/** One audited event as a feature describes it; the trail adds the time, number and MAC. */
export interface AuditEntryInput {
  actorKind: AuditActorKind;
  actorId: string | null;
  action: AuditAction;
  recordType: AuditRecordType;
  recordId: string | null;
  /** Field names and codes only, never personal data values. */
  detail?: AuditDetail;
  /** The request id (Fastify's `request.id`), so an entry can be matched with the log. */
  requestId?: string | null;
}

/** The part of the context the trail needs: its key and algorithm, and the clock. */
export type AuditContext = Pick<AppContext, 'audit' | 'now'>;

/** Appends an entry inside the caller's transaction. */
export type Audit = (entry: AuditEntryInput) => Promise<void>;

/** The roles that may read the trail (等保 审计管理员, and the bureau admin). */
export const auditReaders = auditReaderRoles;

/** The actor kind of a staff member: department staff act as 'department'. */
export function staffActorKind(role: StaffRole): AuditActorKind {
  return role === 'department' ? 'department' : 'staff';
}

async function append(
  trx: Transaction<Database>,
  ctx: AuditContext,
  entry: AuditEntryInput,
): Promise<void> {
  const written: WrittenEntry = {
    at: ctx.now().toISOString(),
    actor_kind: entry.actorKind,
    actor_id: entry.actorId,
    action: entry.action,
    record_type: entry.recordType,
    record_id: entry.recordId,
    detail: canonicalDetail(entry.detail),
    request_id: entry.requestId ?? null,
  };
  if (isPostgres(trx)) {
    await insertPending(trx, written);
    return;
  }
  const [row] = chainAfter(ctx.audit, await store.lastEntry(trx), [written]);
  if (row) {
    await store.insertEntry(trx, row);
  }
}

/**
 * Writes one audit entry inside `executor`'s transaction, so a rolled-back change leaves no entry
 * and a committed one always has it. Given the plain database (a read of personal data has no
 * transaction) it opens a transaction of its own.
 *
 * SQLite has one writer: the entry is numbered and chained at once. On PostgreSQL it waits in
 * `audit_pending` and is chained once the change has committed, before the change's caller goes
 * on (src/server/audit/pending.ts), so concurrent changes do not commit one at a time.
 */
export async function recordAudit(
  executor: Kysely<Database> | Transaction<Database>,
  ctx: AuditContext,
  entry: AuditEntryInput,
): Promise<void> {
  if (executor.isTransaction) {
    return append(executor as Transaction<Database>, ctx, entry);
  }
  return executor.transaction().execute((trx) => append(trx, ctx, entry));
}

/**
 * Runs `work` in one transaction and hands it a function that audits inside that transaction:
 * `withAudit(ctx, async (trx, audit) => { await store.update(trx, …); await audit({ … }); })`.
 */
export function withAudit<T>(
  ctx: Pick<AppContext, 'db' | 'audit' | 'now'>,
  work: (trx: Transaction<Database>, audit: Audit) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute((trx) => work(trx, (entry) => recordAudit(trx, ctx, entry)));
}

/** Why the chain is broken at an entry. */
export type ChainBreak = 'mac_mismatch' | 'seq_gap' | 'prev_mac_mismatch';

/** The result of checking the whole trail; `count` is the number of entries found intact. */
export type ChainReport =
  | { ok: true; count: number }
  | { ok: false; count: number; firstBrokenSeq: number; reason: ChainBreak };

const verifyBatch = 500;

function breakOf(
  ctx: Pick<AppContext, 'audit'>,
  prev: { seq: number; mac: string },
  row: AuditEntryTable,
): ChainBreak | null {
  if (row.seq !== prev.seq + 1) {
    return 'seq_gap';
  }
  if (row.prev_mac !== prev.mac) {
    return 'prev_mac_mismatch';
  }
  // entryMac reads the chained fields by name, so the stored MACs in `row` do not count.
  return entryMac(ctx.audit, prev.mac, row) === row.mac ? null : 'mac_mismatch';
}

/**
 * Checks every entry from #1 on: numbers without gaps, each `prev_mac` the MAC before it, each
 * MAC recomputed with the key. A gap is reported at the first missing number.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  ctx: Pick<AppContext, 'audit'>,
): Promise<ChainReport> {
  let prev = { seq: 0, mac: GENESIS_MAC };
  for (;;) {
    const batch = await store.entriesAfter(db, prev.seq, verifyBatch);
    for (const row of batch) {
      const reason = breakOf(ctx, prev, row);
      if (reason) {
        const firstBrokenSeq = reason === 'seq_gap' ? prev.seq + 1 : row.seq;
        return { ok: false, count: prev.seq, firstBrokenSeq, reason };
      }
      prev = row;
    }
    if (batch.length < verifyBatch) {
      return { ok: true, count: prev.seq };
    }
  }
}

function filterOf(query: AuditQuery): store.EntryFilter {
  const instant = (v: string | undefined) => (v ? new Date(v).toISOString() : undefined);
  return {
    actorId: query.actorId || undefined,
    recordType: query.recordType || undefined,
    recordId: query.recordId || undefined,
    from: instant(query.from),
    to: instant(query.to),
  };
}

/**
 * One page of the trail, newest first, for an auditor or the bureau admin. The search is itself
 * audited (等保: the audit process is protected), with the names of the filters used.
 */
export async function listAuditTrail(
  ctx: AppContext,
  actor: StaffActor,
  query: AuditQuery,
  requestId: string | null = null,
): Promise<AuditPage> {
  if (!auditReaders.includes(actor.role)) {
    throw new AppError('forbidden');
  }
  const filter = filterOf(query);
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new AppError('validation_failed', [
      fieldIssue('querystring.to', '结束时间早于开始时间', 'must not be before from'),
    ]);
  }

  const used = Object.keys(filter).filter((k) => filter[k as keyof store.EntryFilter]);
  await recordAudit(ctx.db, ctx, {
    actorKind: 'staff',
    actorId: actor.id,
    action: 'audit.read',
    recordType: 'audit_trail',
    recordId: null,
    detail: { filters: used },
    requestId,
  });
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const { rows, total } = await store.listEntries(ctx.db, filter, page);
  return { items: rows.map(presentAuditEntry), total, page: query.page, pageSize: query.pageSize };
}

/** The staff members who appear in the trail, for the person filter of the workbench. */
export async function listAuditActors(ctx: AppContext, actor: StaffActor) {
  if (!auditReaders.includes(actor.role)) {
    throw new AppError('forbidden');
  }
  const rows = await store.listActors(ctx.db);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, badgeNo: r.badge_no, role: r.role })),
  };
}
