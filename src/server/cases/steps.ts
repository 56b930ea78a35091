// Taking one step on a case: the state machine decides whether the actor may, the step's effect
// checks its dates and amounts, and the row, its timeline event, the no-penalty record, the
// originating ticket's answer (when the case ends) and the audit entry commit together.
import type { CaseStep } from '../../contract/cases.js';
import type { StaffCase } from '../../contract/case-views.js';
import { decideCaseStep } from '../../domain/case-machine.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import { loadCalendar } from '../calendar/service.js';
import type { AppContext } from '../context.js';
import type { CaseNonPenaltyTable, CaseTable } from '../db/schema.js';
import { AppError } from '../errors.js';
import { planAction, type PlannedStep } from '../tickets/service.js';
import { nextDueColumns, readLimits } from './limits.js';
import { loadCaseRules } from './rules.js';
import { earlierCasesOf, getCase, loadVisibleCase } from './service.js';
import { caseFactsOf, refuse, type StepContext, type StepEffect } from './step-context.js';
import { stepEffect } from './step-effects.js';
import * as store from './store.js';
import { cancelledCaseAnswer, closedCaseAnswer, type TicketAnswer } from './ticket-outcome.js';

type Loaded = Awaited<ReturnType<typeof loadVisibleCase>>['c'];

async function contextOf(
  ctx: AppContext,
  c: Loaded,
  nonPenalty: CaseNonPenaltyTable | undefined,
): Promise<StepContext> {
  const now = ctx.now();
  const [rules, calendar, ranges, earlier] = await Promise.all([
    loadCaseRules(ctx.db),
    loadCalendar(ctx.db),
    store.listFineRanges(ctx.db, c.matter_code),
    earlierCasesOf(ctx, c),
  ]);
  return {
    row: c,
    nonPenalty,
    facts: caseFactsOf(c, nonPenalty),
    today: shanghaiDate(now),
    at: now.toISOString(),
    rules,
    calendar,
    limits: readLimits(c),
    partyKind: c.party_kind,
    ranges: ranges.map((r) => ({
      partyKind: r.party_kind,
      circumstance: r.circumstance,
      minFen: r.min_fen,
      maxFen: r.max_fen,
    })),
    firstViolation: earlier.length === 0,
    matterName: c.matter_name,
  };
}

/**
 * The ticket's resolve step, planned with the actor of the case step. A ticket already answered
 * by hand is left as it is (null); one the actor may not answer refuses the step, naming it.
 */
async function planTicketAnswer(
  ctx: AppContext,
  actor: StaffActor,
  ticketId: string,
  answer: TicketAnswer,
): Promise<PlannedStep | null> {
  try {
    return await planAction(ctx, actor, ticketId, { action: 'resolve', ...answer });
  } catch (error) {
    if (!(error instanceof AppError)) {
      throw error;
    }
    if (error.code === 'transition_refused') {
      return null;
    }
    if (error.code === 'forbidden' || error.code === 'ticket_not_found') {
      refuse(
        'ticket',
        '案件来源诉求须由其承办人、街道管理员或区局管理员办结，请由他们结案',
        "the case's ticket can be answered only by its handler or an admin; ask them to close",
      );
    }
    throw error;
  }
}

/** The answer a step that ends the case sends to its ticket, if it ends the case. */
function answerOf(
  step: CaseStep,
  after: CaseTable,
  nonPenalty: Pick<CaseNonPenaltyTable, 'clause' | 'check_result'> | undefined,
): TicketAnswer | null {
  if (step === 'cancel') {
    return cancelledCaseAnswer();
  }
  return step === 'close' ? closedCaseAnswer(after, nonPenalty) : null;
}

function nonPenaltyAfter(
  before: CaseNonPenaltyTable | undefined,
  effect: StepEffect,
): CaseNonPenaltyTable | undefined {
  const base = effect.nonPenaltyInsert ?? before;
  return base && effect.nonPenaltyUpdate ? { ...base, ...effect.nonPenaltyUpdate } : base;
}

/** Takes one step on a case the actor may see; refused unless the case machine allows it. */
export async function takeCaseStep(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  step: CaseStep,
  input: unknown,
): Promise<StaffCase> {
  const { c, relation } = await loadVisibleCase(ctx, actor, id);
  const nonPenalty = await store.findNonPenalty(ctx.db, c.id);
  const decision = decideCaseStep(caseFactsOf(c, nonPenalty), relation, step);
  if (!decision.ok) {
    throw new AppError(decision.refusal);
  }

  const context = await contextOf(ctx, c, nonPenalty);
  const effect = stepEffect(step, input, context);
  const after: CaseTable = { ...c, ...effect.changes, status: decision.to };
  const npAfter = nonPenaltyAfter(nonPenalty, effect);
  const answer = c.ticket_id ? answerOf(step, after, npAfter) : null;
  const ticket =
    answer && c.ticket_id ? await planTicketAnswer(ctx, actor, c.ticket_id, answer) : null;

  const next = nextDueColumns(
    { ...after, follow_up_done: (npAfter?.checked_on ?? null) !== null },
    effect.limits,
  );
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await store.updateCaseIf(trx, c.id, c.event_count, {
      ...effect.changes,
      status: decision.to,
      limits: JSON.stringify(effect.limits),
      ...next,
      ...(ticket && answer ? { ticket_reply: answer.reply } : {}),
      event_count: c.event_count + 1,
      updated_at: context.at,
    });
    if (!changed) {
      throw new AppError('state_conflict');
    }
    await store.insertEvent(trx, {
      caseId: c.id,
      seq: c.event_count + 1,
      type: step,
      at: context.at,
      actorId: actor.id,
      data: { ...effect.data, ...(answer ? { ticketAnswered: ticket !== null } : {}) },
    });
    if (effect.nonPenaltyInsert) {
      await store.insertNonPenalty(trx, effect.nonPenaltyInsert);
    }
    if (effect.nonPenaltyUpdate) {
      await store.updateNonPenalty(trx, c.id, effect.nonPenaltyUpdate);
    }
    await ticket?.write(trx);
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: `case.${step}`,
      recordType: 'case',
      recordId: c.id,
      detail: { from: c.status, to: decision.to, ticketId: ticket ? c.ticket_id : null },
    });
  });
  return getCase(ctx, actor, id);
}
