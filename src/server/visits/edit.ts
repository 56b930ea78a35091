// Corrections of a visit by its author within the edit window. The issues found stay as filed:
// their tickets have lives of their own.
import type { Updateable } from 'kysely';
import type { EditVisit, Visit } from '../../contract/visits.js';
import { VISIT_BACKDATE_DAYS } from '../../domain/field-work-rules.js';
import { isoWeekOf } from '../../domain/iso-week.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { VisitTable } from '../db/schema.js';
import { AppError } from '../errors.js';
import { checkEditable, checkNoRepeats, checkRecordDate } from './record-checks.js';
import { getVisit, loadVisibleVisit } from './service.js';
import * as store from './store.js';

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Corrects a visit's date, partners or notes: only its author, until 24:00 of the 7th day after
 * it was logged. The issues found stay as filed; their tickets have lives of their own.
 */
export async function editVisit(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: EditVisit,
  requestId: string | null = null,
): Promise<Visit> {
  const v = await loadVisibleVisit(ctx, actor, id);
  const now = ctx.now();
  checkEditable(actor, v, now);

  const changes: Updateable<VisitTable> = {};
  if (input.date !== undefined && input.date !== v.visit_date) {
    checkRecordDate(input.date, now, VISIT_BACKDATE_DAYS);
    Object.assign(changes, { visit_date: input.date, iso_week: isoWeekOf(input.date) });
  }
  if (input.partners && !sameList(input.partners, JSON.parse(v.partners) as string[])) {
    checkNoRepeats('partners', input.partners);
    changes.partners = JSON.stringify(input.partners);
  }
  const notes = input.notes === null ? null : input.notes && normalizeText(input.notes);
  if (notes !== undefined && notes !== v.notes) {
    changes.notes = notes;
  }
  const fields = Object.keys(changes).filter((k) => k !== 'iso_week');
  if (fields.length === 0) {
    return getVisit(ctx, actor, v.id);
  }

  await ctx.db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const ok = await store.updateVisitIf(trx, v.id, v.edit_count, {
      ...changes,
      updated_at: at,
      edit_count: v.edit_count + 1,
    });
    if (!ok) {
      throw new AppError('state_conflict');
    }
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'visit.edit',
      recordType: 'visit',
      recordId: v.id,
      detail: { fields: fields.map((f) => (f === 'visit_date' ? 'date' : f)) },
      requestId,
    });
  });
  return getVisit(ctx, actor, v.id);
}
