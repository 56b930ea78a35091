// The steps on a mediation after it was opened: sessions, the outcome (written or oral agreement,
// or ended without one), the performance check and the follow-up. Each step is allowed by the
// state machine, checked, written with its audit entry in one transaction, and answered with the
// mediation after it.
import type { Updateable } from 'kysely';
import type { Mediation } from '../../contract/mediation-views.js';
import type { MediationStepInput } from '../../contract/mediations.js';
import { defaultCheckDate, isAfterToday } from '../../domain/mediation-dates.js';
import { decideMediationStep, type MediationRefusal } from '../../domain/mediation-machine.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import type { AuditDetail } from '../../contract/audit.js';
import { staffActorKind, withAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { MediationSessionTable, MediationTable } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { factsOf, getMediation, loadVisibleMediation, type VisibleMediation } from './service.js';
import { checkFollowup } from './sources.js';
import * as store from './store.js';

/** What one step writes: the row's changes, a session to add, and what the audit notes. */
interface StepWrite {
  changes: Updateable<MediationTable>;
  session?: MediationSessionTable;
  detail: AuditDetail;
}

type Input<S extends MediationStepInput['step']> = Extract<MediationStepInput, { step: S }>;

function refuse(refusal: MediationRefusal): never {
  if (refusal === 'forbidden') {
    throw new AppError('forbidden');
  }
  if (refusal === 'committee_mediator_required') {
    throw new AppError('transition_refused', [
      fieldIssue(
        'mediators',
        '书面调解协议须由人民调解委员会的调解员签名，请先加入该委员会的调解员',
        'a written agreement is signed by a mediator of the people’s mediation committee',
      ),
    ]);
  }
  throw new AppError('transition_refused');
}

function bad(field: string, zh: string, en: string): never {
  throw new AppError('validation_failed', [fieldIssue(field, zh, en)]);
}

function notFuture(ctx: AppContext, field: string, date: string): void {
  if (isAfterToday(date, ctx.now())) {
    bad(field, '不能晚于今天', 'must not be after today');
  }
}

function notBefore(field: string, date: string | undefined, earliest: string): void {
  if (date !== undefined && date < earliest) {
    bad(field, `不能早于 ${earliest}`, `must not be before ${earliest}`);
  }
}

function indexesExist(field: string, indexes: readonly number[], count: number): void {
  const wrong = indexes.findIndex((i) => i >= count);
  if (wrong >= 0) {
    bad(`${field}.${wrong}`, '没有这一位', 'no such person in this mediation');
  }
}

async function sessionWrite(
  ctx: AppContext,
  actor: StaffActor,
  v: VisibleMediation,
  input: Input<'add_session'>,
): Promise<StepWrite> {
  if (new Date(input.heldAt).getTime() > ctx.now().getTime()) {
    bad('heldAt', '只能记录已经举行的调解', 'only a session already held can be recorded');
  }
  const parties = await store.listParties(ctx.db, v.m.id);
  if (input.attendees.parties.length === 0) {
    bad('attendees.parties', '至少一位当事人到场', 'at least one party attends');
  }
  indexesExist('attendees.parties', input.attendees.parties, parties.length);
  indexesExist('attendees.mediators', input.attendees.mediators, v.mediators.length);
  const id = newId();
  const attendees = {
    parties: [...new Set(input.attendees.parties)].sort((a, b) => a - b),
    mediators: [...new Set(input.attendees.mediators)].sort((a, b) => a - b),
    others: input.attendees.others ? normalizeText(input.attendees.others) : null,
  };
  return {
    changes: {},
    session: {
      id,
      mediation_id: v.m.id,
      held_at: new Date(input.heldAt).toISOString(),
      place: normalizeText(input.place),
      attendees: JSON.stringify(attendees),
      notes: normalizeText(input.notes),
      public_session: input.publicSession ? 1 : 0,
      recorded_by: actor.id,
      recorded_at: ctx.now().toISOString(),
    },
    detail: { sessionId: id, parties: attendees.parties.length },
  };
}

function writtenWrite(ctx: AppContext, actor: StaffActor, input: Input<'record_written'>) {
  notFuture(ctx, 'signedOn', input.signedOn);
  notBefore('performanceDeadline', input.performanceDeadline, input.signedOn);
  notBefore('checkOn', input.checkOn, input.signedOn);
  const days = ctx.mediation.checkDaysAfterDeadline;
  const checkOn =
    input.checkOn ?? defaultCheckDate(input.performanceDeadline, input.signedOn, days);
  return {
    changes: {
      outcome_kind: 'written' as const,
      responsibilities: normalizeText(input.responsibilities),
      terms: normalizeText(input.terms),
      performance_manner: normalizeText(input.performanceManner),
      performance_deadline: input.performanceDeadline,
      agreed_on: input.signedOn,
      concluded_at: ctx.now().toISOString(),
      concluded_by: actor.id,
      check_due_on: checkOn,
    },
    detail: { signedOn: input.signedOn, checkOn },
  };
}

function oralWrite(ctx: AppContext, actor: StaffActor, input: Input<'record_oral'>) {
  notFuture(ctx, 'agreedOn', input.agreedOn);
  notBefore('performanceDeadline', input.performanceDeadline, input.agreedOn);
  notBefore('checkOn', input.checkOn, input.agreedOn);
  const days = ctx.mediation.checkDaysAfterDeadline;
  const deadline = input.performanceDeadline ?? null;
  const checkOn = input.checkOn ?? defaultCheckDate(deadline, input.agreedOn, days);
  return {
    changes: {
      outcome_kind: 'oral' as const,
      terms: normalizeText(input.content),
      performance_deadline: deadline,
      agreed_on: input.agreedOn,
      concluded_at: ctx.now().toISOString(),
      concluded_by: actor.id,
      check_due_on: checkOn,
    },
    detail: { agreedOn: input.agreedOn, checkOn },
  };
}

async function endWrite(ctx: AppContext, actor: StaffActor, input: Input<'end'>) {
  const followupId = input.followup
    ? await checkFollowup(ctx, actor, input.followup, 'followup.id')
    : null;
  const at = ctx.now().toISOString();
  return {
    changes: {
      outcome_kind: 'none' as const,
      end_reason: normalizeText(input.reason),
      routes_explained: 1,
      concluded_at: at,
      concluded_by: actor.id,
      followup_kind: input.followup?.kind ?? null,
      followup_id: followupId,
      followup_at: input.followup ? at : null,
    },
    detail: { followup: input.followup?.kind ?? null },
  };
}

function checkResultWrite(ctx: AppContext, actor: StaffActor, input: Input<'record_check'>) {
  if (input.result !== 'performed' && !input.note) {
    bad('note', '未完全履行时请写明情况', 'say what was not performed');
  }
  return {
    changes: {
      check_result: input.result,
      check_note: input.note ? normalizeText(input.note) : null,
      checked_at: ctx.now().toISOString(),
      checked_by: actor.id,
    },
    detail: { result: input.result },
  };
}

async function writeOf(
  ctx: AppContext,
  actor: StaffActor,
  v: VisibleMediation,
  input: MediationStepInput,
): Promise<StepWrite> {
  switch (input.step) {
    case 'add_session':
      return sessionWrite(ctx, actor, v, input);
    case 'record_written':
      return writtenWrite(ctx, actor, input);
    case 'record_oral':
      return oralWrite(ctx, actor, input);
    case 'end':
      return endWrite(ctx, actor, input);
    case 'schedule_check':
      notBefore('checkOn', input.checkOn, v.m.agreed_on ?? input.checkOn);
      return { changes: { check_due_on: input.checkOn }, detail: { checkOn: input.checkOn } };
    case 'record_check':
      return checkResultWrite(ctx, actor, input);
    case 'set_followup': {
      const followupId = await checkFollowup(ctx, actor, input, 'id');
      return {
        changes: {
          followup_kind: input.kind,
          followup_id: followupId,
          followup_at: ctx.now().toISOString(),
        },
        detail: { followup: input.kind, followupId },
      };
    }
  }
}

/**
 * Takes one step on a mediation the actor may see: refused unless the state machine allows it
 * in this state for this actor; the row (only if unchanged since read), a session if any, and
 * the audit entry commit together.
 */
export async function takeMediationStep(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: MediationStepInput,
  requestId: string | null = null,
): Promise<Mediation> {
  const v = await loadVisibleMediation(ctx, actor, id);
  const decision = decideMediationStep(factsOf(v), v.relation, input.step);
  if (!decision.ok) {
    refuse(decision.refusal);
  }
  const write = await writeOf(ctx, actor, v, input);

  await withAudit(ctx, async (trx, audit) => {
    const changed = await store.updateMediationIf(trx, v.m.id, v.m.version, {
      ...write.changes,
      status: decision.to,
      updated_at: ctx.now().toISOString(),
    });
    if (!changed) {
      throw new AppError('state_conflict');
    }
    if (write.session) {
      await store.insertSession(trx, write.session);
    }
    await audit({
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: `mediation.${input.step}`,
      recordType: 'mediation',
      recordId: v.m.id,
      detail: { from: v.m.status, to: decision.to, ...write.detail },
      requestId,
    });
  });
  return getMediation(ctx, actor, v.m.id);
}
