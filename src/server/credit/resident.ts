// The applicant's side after submission, through the private status link /credit/r/:token: the
// application as it stands, the 补正 upload of what was asked for, and the result letter.
import type { ResidentCreditRepair } from '../../contract/credit.js';
import {
  canResubmit,
  requiredMaterials,
  type ApplicantKind,
  type MaterialItem,
} from '../../domain/credit-repair-machine.js';
import { addWorkingDays } from '../../domain/working-calendar.js';
import { recordAudit } from '../audit/service.js';
import { loadCalendar } from '../calendar/service.js';
import type { AppContext } from '../context.js';
import type { CreditRepairTable } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { sha256Hex } from '../ids.js';
import { attachMaterials, checkItems } from './apply.js';
import { renderLetter, requireLetter, type LetterFile } from './letter.js';
import { presentResident } from './present.js';
import * as store from './store.js';

/** The application of a status link's token, or a 404 that says nothing more. */
export async function repairOfToken(ctx: AppContext, token: string): Promise<CreditRepairTable> {
  const r = await store.findRepairByAccessHash(ctx.db, sha256Hex(token));
  if (!r) {
    throw new AppError('not_found');
  }
  return r;
}

/** The resident's view of their application. */
export async function residentRepair(
  ctx: AppContext,
  token: string,
): Promise<ResidentCreditRepair> {
  const r = await repairOfToken(ctx, token);
  const [files, events] = await Promise.all([
    store.listFiles(ctx.db, r.id),
    store.listEvents(ctx.db, r.id),
  ]);
  return presentResident(r, files, events);
}

/**
 * Hands in the materials a 补正 asked for: only while one is asked for, only items of the
 * applicant's list; the clock of our decision starts again from the day they arrive.
 */
export async function resubmitMaterials(
  ctx: AppContext,
  token: string,
  materials: readonly { item: MaterialItem; photoId: string }[],
  requestId: string | null = null,
): Promise<ResidentCreditRepair> {
  const r = await repairOfToken(ctx, token);
  if (!canResubmit(r.status as never)) {
    throw new AppError('transition_refused', [
      fieldIssue('materials', '当前无需补正材料', 'no materials are asked for now'),
    ]);
  }
  checkItems(materials, requiredMaterials(r.applicant_kind as ApplicantKind, r.by_agent === 1));
  const now = ctx.now();
  const at = now.toISOString();
  const due = addWorkingDays(await loadCalendar(ctx.db), now, ctx.creditRules.decideWorkingDays);
  const round =
    1 + (await store.listEvents(ctx.db, r.id)).filter((e) => e.type === 'resubmitted').length;

  await ctx.db.transaction().execute(async (trx) => {
    const changed = await store.updateRepairIf(trx, r.id, r.event_count, {
      status: 'resubmitted',
      resubmitted_at: at,
      due_key: 'decision',
      due_at: due.dueAt.toISOString(),
      due_fallback: due.fallback ? 1 : 0,
      event_count: r.event_count + 1,
      updated_at: at,
    });
    if (!changed) {
      throw new AppError('state_conflict');
    }
    await attachMaterials(trx, r.id, materials, round + 1, at);
    await store.insertEvent(trx, {
      repair_id: r.id,
      seq: r.event_count + 1,
      type: 'resubmitted',
      at,
      actor_id: null,
      data: JSON.stringify({ items: materials.map((m) => m.item) }),
    });
    await recordAudit(trx, ctx, {
      actorKind: 'resident',
      actorId: null,
      action: 'credit.resubmit',
      recordType: 'credit_repair',
      recordId: r.id,
      detail: { files: materials.length },
      requestId,
    });
  });
  return residentRepair(ctx, token);
}

/** The result letter for the applicant, once the application is decided. */
export async function residentLetter(ctx: AppContext, token: string): Promise<LetterFile> {
  const r = await repairOfToken(ctx, token);
  requireLetter(r);
  return renderLetter(ctx, r);
}
