// Credit repair in the workbench: who sees which applications (the street's officers, the bureau
// admin all), the list with its due dates, one application with its materials, and the audited
// view of a material file.
import type { StaffRole } from '../../contract/auth.js';
import type {
  CreditListQuery,
  CreditRepairList,
  StaffCreditRepair,
} from '../../contract/credit.js';
import { allowedCreditSteps, type CreditRepairStatus } from '../../domain/credit-repair-machine.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { CreditRepairTable } from '../db/schema.js';
import { AppError } from '../errors.js';
import { bodyName } from '../cases/present.js';
import { presentRow, presentStaff } from './present.js';
import * as store from './store.js';

/** The accounts that read applications; departments and auditors get 403. */
export const creditReaderRoles: readonly StaffRole[] = ['liaison', 'street_admin', 'bureau_admin'];

/** Who decides: the street admin and the bureau admin (the 认定单位's responsible officers). */
export function mayDecide(actor: StaffActor): boolean {
  return actor.role === 'street_admin' || actor.role === 'bureau_admin';
}

function scopeOf(actor: StaffActor): store.RepairScope {
  return actor.role === 'bureau_admin' ? { all: true } : { streetId: actor.streetId ?? '-' };
}

/** An application the actor may see; any other id, or one of another street, is 404. */
export async function loadVisibleRepair(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
): Promise<CreditRepairTable> {
  const r = await store.findRepair(ctx.db, id);
  const scope = scopeOf(actor);
  if (!r || (!('all' in scope) && r.street_id !== scope.streetId)) {
    throw new AppError('not_found');
  }
  return r;
}

const openStatuses = ['submitted', 'correction_requested', 'resubmitted', 'accepted'];

/** One page of the applications in the actor's scope, newest first. */
export async function listRepairs(
  ctx: AppContext,
  actor: StaffActor,
  query: CreditListQuery,
): Promise<CreditRepairList> {
  const statuses =
    query.status === 'all' ? null : query.status === 'open' ? openStatuses : [query.status];
  const { rows, total } = await store.listRepairs(ctx.db, scopeOf(actor), statuses, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const now = ctx.now();
  return {
    items: rows.map((r) => presentRow(r, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One application with its materials, case and exactly the steps the actor may take. */
export async function getRepair(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
): Promise<StaffCreditRepair> {
  const r = await loadVisibleRepair(ctx, actor, id);
  const [c, files, events, streetName] = await Promise.all([
    store.findCreditCase(ctx.db, r.case_id),
    store.listFiles(ctx.db, r.id),
    store.listEvents(ctx.db, r.id),
    store.streetName(ctx.db, r.street_id),
  ]);
  if (!c) {
    throw new AppError('not_found');
  }
  const caseInfo = {
    id: c.id,
    caseNo: c.case_no,
    decidedOn: c.decided_on ?? '',
    fineFen: c.fine_fen,
    paidOn: c.paid_on,
    body: bodyName(c),
  };
  const steps = allowedCreditSteps(r.status as CreditRepairStatus, mayDecide(actor));
  return presentStaff(r, { streetName, caseInfo, files, events, steps }, ctx.now());
}

/** The bytes of one material of an application; each view is audited (IDs are personal data). */
export async function readMaterial(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  fileId: string,
  requestId: string | null,
): Promise<{ bytes: Buffer; mime: string }> {
  const r = await loadVisibleRepair(ctx, actor, id);
  const row = (await store.listFiles(ctx.db, r.id)).find((f) => f.id === fileId);
  const bytes = row ? await ctx.storage.get(row.storage_key) : null;
  if (!row || !bytes) {
    throw new AppError('photo_not_found');
  }
  await recordAudit(ctx.db, ctx, {
    actorKind: staffActorKind(actor.role),
    actorId: actor.id,
    action: 'credit.read',
    recordType: 'credit_repair',
    recordId: r.id,
    detail: { fileId, item: row.item },
    requestId,
  });
  return { bytes, mime: row.mime };
}
