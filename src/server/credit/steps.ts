// The staff steps of an application: ask for missing materials (补正), accept or refuse it with
// reasons, and record the day its publication ended. Each step is one transaction with its
// timeline event, the audit entry and (补正, decision) the applicant's SMS through the outbox.
import type { z } from 'zod';
import { creditStepBodies, type CreditRepairStepName } from '../../contract/credit.js';
import type { CreditRepairEvent } from '../../contract/notifications.js';
import {
  allowedCreditSteps,
  missingMaterials,
  requiredMaterials,
  type ApplicantKind,
  type CreditRepairStatus,
  type MaterialItem,
} from '../../domain/credit-repair-machine.js';
import { addWorkingDays, shanghaiDate } from '../../domain/working-calendar.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import { loadCalendar } from '../calendar/service.js';
import type { AppContext } from '../context.js';
import type { CreditRepairTable } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { enqueueCreditRepairMessage } from '../notifications/service.js';
import { getRepair, loadVisibleRepair, mayDecide } from './staff.js';
import * as store from './store.js';

type Bodies = { [K in CreditRepairStepName]: z.infer<(typeof creditStepBodies)[K]> };
/** One step with its body. */
export type CreditStepInput = {
  [K in CreditRepairStepName]: { step: K } & Bodies[K];
}[CreditRepairStepName];

/** What a step writes: the row's changes, the event's data, and the SMS to send. */
interface Planned {
  changes: Partial<CreditRepairTable>;
  data: Record<string, unknown>;
  sms: CreditRepairEvent | null;
}

function requiredOf(r: CreditRepairTable): MaterialItem[] {
  return requiredMaterials(r.applicant_kind as ApplicantKind, r.by_agent === 1);
}

function planCorrection(r: CreditRepairTable, body: Bodies['request_correction'], at: string) {
  const allowed = requiredOf(r);
  if (body.items.some((item) => !allowed.includes(item))) {
    throw new AppError('validation_failed', [
      fieldIssue(
        'items',
        '只能要求补正本申请材料清单中的材料',
        'ask only for items of its checklist',
      ),
    ]);
  }
  const note = normalizeText(body.note);
  return {
    changes: {
      status: 'correction_requested',
      correction_items: JSON.stringify(body.items),
      correction_note: note,
      correction_at: at,
      due_key: null,
      due_at: null,
    },
    data: { items: body.items, note },
    sms: 'credit_correction_requested' as const,
  };
}

async function planAccept(
  ctx: AppContext,
  r: CreditRepairTable,
  body: Bodies['accept'],
  now: Date,
): Promise<Planned> {
  const files = await store.listFiles(ctx.db, r.id);
  const missing = missingMaterials(
    requiredOf(r),
    files.map((f) => f.item as MaterialItem),
  );
  const issues = [];
  if (missing.length > 0) {
    issues.push(
      fieldIssue(
        'materials',
        `材料不齐，请先要求补正：${missing.join('、')}`,
        `materials are missing; ask for them first: ${missing.join(', ')}`,
      ),
    );
  }
  if (!body.correctionConfirmed) {
    issues.push(
      fieldIssue(
        'correctionConfirmed',
        '须确认失信行为已纠正、义务已履行',
        'confirm that the act is corrected and the obligation met',
      ),
    );
  }
  if (issues.length > 0) {
    throw new AppError('transition_refused', issues);
  }
  const reasons = normalizeText(body.reasons);
  const due = addWorkingDays(await loadCalendar(ctx.db), now, ctx.creditRules.completeWorkingDays);
  return {
    changes: {
      status: 'accepted',
      decision: 'accepted',
      reasons,
      decided_at: now.toISOString(),
      due_key: 'completion',
      due_at: due.dueAt.toISOString(),
      due_fallback: due.fallback ? 1 : 0,
    },
    data: { note: reasons },
    sms: 'credit_decided',
  };
}

function planRefuse(body: Bodies['refuse'], at: string): Planned {
  const reasons = normalizeText(body.reasons);
  return {
    changes: {
      status: 'refused',
      decision: 'refused',
      reasons,
      decided_at: at,
      due_key: null,
      due_at: null,
    },
    data: { note: reasons },
    sms: 'credit_decided',
  };
}

function planComplete(r: CreditRepairTable, body: Bodies['complete'], now: Date): Planned {
  const decidedOn = shanghaiDate(new Date(r.decided_at ?? r.submitted_at));
  const today = shanghaiDate(now);
  const day = body.publicationEndedOn;
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || day < decidedOn || day > today) {
    throw new AppError('validation_failed', [
      fieldIssue(
        'publicationEndedOn',
        `终止公示日期须在${decidedOn}至${today}之间`,
        `the day publication ended must lie between ${decidedOn} and ${today}`,
      ),
    ]);
  }
  return {
    changes: {
      status: 'completed',
      publication_ended_on: day,
      completed_at: now.toISOString(),
      due_key: null,
      due_at: null,
    },
    data: { publicationEndedOn: day },
    sms: null,
  };
}

async function plan(
  ctx: AppContext,
  r: CreditRepairTable,
  input: CreditStepInput,
  now: Date,
): Promise<Planned> {
  const at = now.toISOString();
  switch (input.step) {
    case 'request_correction':
      return planCorrection(r, input, at);
    case 'accept':
      return planAccept(ctx, r, input, now);
    case 'refuse':
      return planRefuse(input, at);
    case 'complete':
      return planComplete(r, input, now);
  }
}

const eventOf: Record<CreditRepairStepName, string> = {
  request_correction: 'correction_requested',
  accept: 'accepted',
  refuse: 'refused',
  complete: 'completed',
};

/** Takes one staff step on an application; refused (403, 422, 409) before anything is written. */
export async function takeCreditStep(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: CreditStepInput,
  requestId: string | null,
) {
  if (!mayDecide(actor)) {
    throw new AppError('forbidden');
  }
  const r = await loadVisibleRepair(ctx, actor, id);
  if (!allowedCreditSteps(r.status as CreditRepairStatus, true).includes(input.step)) {
    throw new AppError('transition_refused', [
      fieldIssue('step', '当前状态下不能执行此操作', 'this step is not allowed now'),
    ]);
  }
  const now = ctx.now();
  const at = now.toISOString();
  const planned = await plan(ctx, r, input, now);
  const actorColumn =
    input.step === 'complete'
      ? { completed_by: actor.id }
      : input.step === 'request_correction'
        ? {}
        : { decided_by: actor.id };

  await ctx.db.transaction().execute(async (trx) => {
    const changed = await store.updateRepairIf(trx, r.id, r.event_count, {
      ...planned.changes,
      ...actorColumn,
      event_count: r.event_count + 1,
      updated_at: at,
    });
    if (!changed) {
      throw new AppError('state_conflict');
    }
    await store.insertEvent(trx, {
      repair_id: r.id,
      seq: r.event_count + 1,
      type: eventOf[input.step],
      at,
      actor_id: actor.id,
      data: JSON.stringify(planned.data),
    });
    if (planned.sms) {
      await enqueueCreditRepairMessage(trx, r.id, planned.sms, at);
    }
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: `credit.${input.step}`,
      recordType: 'credit_repair',
      recordId: r.id,
      detail: { status: planned.changes.status ?? r.status },
      requestId,
    });
  });
  return getRepair(ctx, actor, id);
}
