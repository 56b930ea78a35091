// Opening a mediation (调解) from a ticket the officer works or a visit of their place: the
// parties stored encrypted, the mediators checked, the number drawn, the ticket's timeline told.
import type { Mediation } from '../../contract/mediation-views.js';
import type { MediatorInput, OpenMediation } from '../../contract/mediations.js';
import { normalizeText } from '../../domain/personal-data.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { StaffActor } from '../accounts/service.js';
import { staffActorKind, withAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { MediationMediatorTable, MediationTable } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { appendLinkedEvent } from '../tickets/linked-events.js';
import { partyFieldsGiven, rolesPairUp, sealParties } from './parties.js';
import { mediationNumber } from './present.js';
import { getMediation } from './service.js';
import { resolveSource, type ResolvedSource } from './sources.js';
import * as store from './store.js';

const officerRoles = ['liaison', 'street_admin', 'bureau_admin'];

/**
 * The mediator rows: a 城管 officer must name an active officer account of the mediation's street
 * (the bureau's from anywhere), whose own name is kept; other organisations name no account.
 */
async function mediatorRows(
  ctx: AppContext,
  mediationId: string,
  mediators: readonly MediatorInput[],
  streetId: string,
): Promise<MediationMediatorTable[]> {
  const rows: MediationMediatorTable[] = [];
  for (const [idx, input] of mediators.entries()) {
    const base = {
      mediation_id: mediationId,
      idx,
      name: normalizeText(input.name),
      org_kind: input.orgKind,
      org_name: normalizeText(input.orgName),
      staff_id: null,
    };
    if (input.orgKind !== 'urban_management') {
      if (input.staffId) {
        throw new AppError('validation_failed', [
          fieldIssue(`mediators.${idx}.staffId`, '只有城管队员关联账号', 'only for 城管 officers'),
        ]);
      }
      rows.push(base);
      continue;
    }
    const staff = input.staffId ? await store.findStaff(ctx.db, input.staffId) : undefined;
    const ok =
      staff?.active === 1 &&
      officerRoles.includes(staff.role) &&
      (staff.role === 'bureau_admin' || staff.street_id === streetId);
    if (!staff || !ok) {
      throw new AppError('validation_failed', [
        fieldIssue(
          `mediators.${idx}.staffId`,
          '请选择本街道的城管队员账号',
          'choose an officer account of this street',
        ),
      ]);
    }
    rows.push({ ...base, name: staff.name, staff_id: staff.id });
  }
  return rows;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

async function insertOpened(
  ctx: AppContext,
  actor: StaffActor,
  opening: { id: string; input: OpenMediation; source: ResolvedSource },
  mediators: MediationMediatorTable[],
  requestId: string | null,
): Promise<void> {
  const { id, input, source } = opening;
  const now = ctx.now();
  const at = now.toISOString();
  const year = Number(shanghaiDate(now).slice(0, 4));
  const parties = sealParties(ctx.cipher, id, input.parties);
  await withAudit(ctx, async (trx, audit) => {
    const seq = await store.nextNumberSeq(trx, year);
    const row: MediationTable = {
      ...emptyOutcome,
      id,
      number_year: year,
      number_seq: seq,
      source_kind: input.source.kind,
      source_id: input.source.id,
      street_id: source.streetId,
      community_id: source.communityId,
      dispute_type: input.disputeType,
      facts: normalizeText(input.facts),
      committee_name: normalizeText(input.committeeName),
      status: 'open',
      version: 1,
      opened_at: at,
      opened_by: actor.id,
      updated_at: at,
    };
    await store.insertMediation(trx, row, parties, mediators);
    if (source.ticket) {
      await appendLinkedEvent(trx, source.ticket, {
        type: 'mediation_started',
        at,
        actorId: actor.id,
        note: mediationNumber(row),
        data: { mediationId: id },
      });
    }
    await audit({
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'mediation.open',
      recordType: 'mediation',
      recordId: id,
      detail: {
        source: input.source.kind,
        sourceId: input.source.id,
        disputeType: input.disputeType,
        parties: parties.length,
        mediators: mediators.length,
        fields: partyFieldsGiven(input.parties),
      },
      requestId,
    });
  });
}

const emptyOutcome = {
  outcome_kind: null,
  responsibilities: null,
  terms: null,
  performance_manner: null,
  performance_deadline: null,
  agreed_on: null,
  end_reason: null,
  routes_explained: null,
  concluded_at: null,
  concluded_by: null,
  check_due_on: null,
  check_result: null,
  check_note: null,
  checked_at: null,
  checked_by: null,
  followup_kind: null,
  followup_id: null,
  followup_at: null,
} as const;

/**
 * Opens a mediation from a ticket the actor works or a visit of their place, with its parties
 * (stored encrypted) and mediators. A ticket's timeline gets 调解已开始 in the same transaction.
 */
export async function openMediation(
  ctx: AppContext,
  actor: StaffActor,
  input: OpenMediation,
  requestId: string | null = null,
): Promise<Mediation> {
  if (!rolesPairUp(input.parties.map((p) => p.role))) {
    throw new AppError('validation_failed', [
      fieldIssue(
        'parties',
        '当事人须分列两方：申请人与被申请人，或当事人一方与另一方',
        'parties stand on two sides: applicant and respondent, or one side and the other',
      ),
    ]);
  }
  const source = await resolveSource(ctx, actor, input.source);
  const id = newId();
  const mediators = await mediatorRows(ctx, id, input.mediators, source.streetId);

  for (let attempt = 1; ; attempt += 1) {
    try {
      await insertOpened(ctx, actor, { id, input, source }, mediators, requestId);
      return await getMediation(ctx, actor, id);
    } catch (error) {
      // Two mediations opened at once in one year may draw the same number: draw again.
      if (attempt < 3 && isUniqueViolation(error)) {
        continue;
      }
      throw error;
    }
  }
}
