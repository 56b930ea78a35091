// A case's credit standing on its workbench page: the class of its decision (the default, or the
// one a street or bureau admin set with a reason), the publication dates and the earliest repair
// date, and the number of applications. Access follows the case (src/server/cases).
import type { CaseCredit } from '../../contract/credit.js';
import type { CreditClass } from '../../domain/credit-repair.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import { loadVisibleCase } from '../cases/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { defaultClassOf, presentStanding, standingOf } from './standing.js';
import { mayDecide } from './staff.js';
import * as store from './store.js';

/** The credit standing of a case the actor may see. */
export async function caseCredit(
  ctx: AppContext,
  actor: StaffActor,
  caseId: string,
): Promise<CaseCredit> {
  const { c: visible } = await loadVisibleCase(ctx, actor, caseId);
  const c = await store.findCreditCase(ctx.db, visible.id);
  if (!c) {
    throw new AppError('not_found');
  }
  const standing = standingOf(c, ctx.creditRules, ctx.now());
  const overrideBy = c.override_by ? await store.staffName(ctx.db, c.override_by) : null;
  return {
    applicable: standing !== null,
    standing: standing ? presentStanding(standing) : null,
    decidedOn: c.decided_on,
    defaultClass: defaultClassOf(c, ctx.creditRules),
    override:
      c.override_reason && c.override_at
        ? { reason: c.override_reason, at: c.override_at, by: overrideBy ?? '' }
        : null,
    canSetClass: standing !== null && mayDecide(actor),
    applications: await store.countRepairsOfCase(ctx.db, c.id),
  };
}

/** Sets the class of a case's decision with a reason (street or bureau admin); audited. */
export async function setCaseClass(
  ctx: AppContext,
  actor: StaffActor,
  caseId: string,
  input: { creditClass: CreditClass; reason: string },
  requestId: string | null,
): Promise<CaseCredit> {
  if (!mayDecide(actor)) {
    throw new AppError('forbidden');
  }
  const { c: visible } = await loadVisibleCase(ctx, actor, caseId);
  const c = await store.findCreditCase(ctx.db, visible.id);
  if (!c || !defaultClassOf(c, ctx.creditRules)) {
    throw new AppError('transition_refused', [
      fieldIssue(
        'creditClass',
        '该案件没有需公示的行政处罚决定',
        'the case has no published penalty',
      ),
    ]);
  }
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await store.upsertClass(trx, {
      case_id: c.id,
      credit_class: input.creditClass,
      reason: normalizeText(input.reason),
      set_at: at,
      set_by: actor.id,
    });
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'credit.class_set',
      recordType: 'case',
      recordId: c.id,
      detail: {
        from: c.override_class ?? defaultClassOf(c, ctx.creditRules),
        to: input.creditClass,
      },
      requestId,
    });
  });
  return caseCredit(ctx, actor, caseId);
}
