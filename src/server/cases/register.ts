// 立案: a case is registered from a ticket (which takes its `to_case` step in the same
// transaction and leaves the ticket clock) or from a patrol finding without a ticket. The party's
// details are stored encrypted, with a keyed digest of the identity number so that earlier cases
// of the same party can be found (the first-violation check of 《行政处罚法》第三十三条).
import type { RegisterCase, PartyInput } from '../../contract/cases.js';
import type { StaffCase } from '../../contract/case-views.js';
import { isValidIdentityNumber, normalizeIdentityNumber } from '../../domain/party-identity.js';
import {
  maskAddress,
  maskIdNumber,
  maskName,
  maskOrganisationName,
  maskPhone,
  normalizePersonName,
  normalizePhone,
  normalizeText,
} from '../../domain/personal-data.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import { loadCalendar } from '../calendar/service.js';
import type { AppContext } from '../context.js';
import type { DataCipher } from '../crypto/data-cipher.js';
import type { CasePartyTable } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { loadVisible, planAction, type PlannedStep } from '../tickets/service.js';
import { limitAfter, nextDueColumns } from './limits.js';
import { loadCaseRules } from './rules.js';
import { getCase } from './service.js';
import * as store from './store.js';

/** The keyed digest of a party's normalised identity number. */
export function partyDigest(cipher: DataCipher, normalised: string): string {
  return cipher.mac('case-party-id', normalised).toString('hex');
}

/** The party's row: checked, normalised, encrypted and masked. */
function partyRow(ctx: AppContext, caseId: string, p: PartyInput): CasePartyTable {
  const number = normalizeIdentityNumber(p.idNumber);
  if (!isValidIdentityNumber(p.kind, number)) {
    throw new AppError('validation_failed', [
      p.kind === 'person'
        ? fieldIssue('party.idNumber', '居民身份证号码无效', 'not a valid resident identity number')
        : fieldIssue(
            'party.idNumber',
            '统一社会信用代码无效',
            'not a valid unified social credit code',
          ),
    ]);
  }
  const name = normalizePersonName(p.name);
  const address = normalizeText(p.address);
  const phone = p.phone ? normalizePhone(p.phone) : null;
  return {
    case_id: caseId,
    sort: 0,
    kind: p.kind,
    name_enc: ctx.cipher.encrypt(name),
    name_masked: p.kind === 'person' ? maskName(name) : maskOrganisationName(name),
    id_enc: ctx.cipher.encrypt(number),
    id_masked: maskIdNumber(number),
    id_digest: partyDigest(ctx.cipher, number),
    address_enc: ctx.cipher.encrypt(address),
    address_masked: maskAddress(address),
    phone_enc: phone ? ctx.cipher.encrypt(phone) : null,
    phone_masked: phone ? maskPhone(phone) : null,
  };
}

/** The street a patrol finding is registered in: one's own, or the one the bureau admin names. */
async function patrolStreet(ctx: AppContext, actor: StaffActor, streetId: string | undefined) {
  if (actor.role !== 'bureau_admin') {
    if (!actor.streetId || (streetId && streetId !== actor.streetId)) {
      throw new AppError('validation_failed', [
        fieldIssue('streetId', '只能在本街道立案', 'you can register cases of your street only'),
      ]);
    }
    return actor.streetId;
  }
  const street = streetId ? await store.findStreet(ctx.db, streetId) : undefined;
  if (!street) {
    throw new AppError('validation_failed', [
      fieldIssue('streetId', '请选择案件所在街道', 'choose the street of the case'),
    ]);
  }
  return street.id;
}

/** The ticket's street; the ticket must be one the actor sees. */
async function ticketStreet(ctx: AppContext, actor: StaffActor, input: RegisterCase) {
  const { t } = await loadVisible(ctx, actor, input.ticketId ?? '');
  if (input.streetId && input.streetId !== t.street_id) {
    throw new AppError('validation_failed', [
      fieldIssue('streetId', '案件街道须与诉求所在街道一致', 'must be the street of the ticket'),
    ]);
  }
  return t.street_id;
}

/** The ticket's `to_case` step, refused with 422 naming the ticket when the machine says no. */
async function planToCase(ctx: AppContext, actor: StaffActor, ticketId: string, caseNo: string) {
  try {
    return await planAction(ctx, actor, ticketId, { action: 'to_case', note: `立案：${caseNo}` });
  } catch (error) {
    if (!(error instanceof AppError)) {
      throw error;
    }
    if (error.code === 'transition_refused') {
      throw new AppError('transition_refused', [
        fieldIssue(
          'ticketId',
          '该诉求当前不能转为案件（须已受理且尚未办结）',
          'this ticket cannot become a case now (it must be accepted and not yet resolved)',
        ),
      ]);
    }
    if (error.code === 'forbidden') {
      throw new AppError('transition_refused', [
        fieldIssue(
          'ticketId',
          '只有该诉求的承办人或管理员可以将其转为案件，请先受理',
          'only the handler of the ticket or an admin can turn it into a case; accept it first',
        ),
      ]);
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  );
}

/**
 * Registers a case (立案): numbered per street and year, its decision limit counted from today
 * (《行政处罚法》第六十条), the legal basis copied from the catalogue as it reads now.
 */
export async function registerCase(
  ctx: AppContext,
  actor: StaffActor,
  input: RegisterCase,
): Promise<StaffCase> {
  const id = newId();
  const party = partyRow(ctx, id, input.party);
  const matter = await store.findMatter(ctx.db, input.matterCode);
  if (!matter) {
    throw new AppError('matter_not_found', [
      fieldIssue('matterCode', '执法事项不在清单中', 'not in the matter catalogue'),
    ]);
  }
  const streetId = input.ticketId
    ? await ticketStreet(ctx, actor, input)
    : await patrolStreet(ctx, actor, input.streetId);

  const now = ctx.now();
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const seq = (await store.maxCaseSeq(ctx.db, streetId, year)) + 1;
  const street = await store.findStreet(ctx.db, streetId);
  const caseNo = `${street?.name ?? ''}〔${year}〕${String(seq).padStart(4, '0')}号`;
  const ticket: PlannedStep | null = input.ticketId
    ? await planToCase(ctx, actor, input.ticketId, caseNo)
    : null;
  const rules = await loadCaseRules(ctx.db);
  const limits = { decision: limitAfter(await loadCalendar(ctx.db), today, rules.decision) };
  const at = now.toISOString();
  const row = {
    id,
    case_no: caseNo,
    case_year: year,
    case_seq: seq,
    street_id: streetId,
    body: input.body,
    source: ticket ? ('ticket' as const) : ('patrol' as const),
    ticket_id: ticket?.ticket.id ?? null,
    matter_code: matter.code,
    prohibition_basis: matter.prohibition_basis,
    penalty_basis: matter.penalty_basis,
    penalty_range: matter.penalty_range,
    place: normalizeText(input.place),
    facts: normalizeText(input.facts),
    status: 'registered',
    officer_id: actor.id,
    registered_at: at,
    registered_on: today,
    limits: JSON.stringify(limits),
    ...nextDueColumns(
      {
        status: 'registered',
        decision_kind: null,
        paid_on: null,
        court_applied_on: null,
        follow_up_done: false,
      },
      limits,
    ),
    hearing_right: 0,
    hearing_waived: 0,
    fine_serious: 0,
    range_unchecked: 0,
    event_count: 1,
    updated_at: at,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await store.insertCase(trx, row);
      await store.insertParty(trx, party);
      await store.insertEvent(trx, {
        caseId: id,
        seq: 1,
        type: 'registered',
        at,
        actorId: actor.id,
        data: {
          source: row.source,
          body: input.body,
          matter: matter.code,
          decisionDue: limits.decision.lastDay,
        },
      });
      await ticket?.write(trx);
      await recordAudit(trx, ctx, {
        actorKind: staffActorKind(actor.role),
        actorId: actor.id,
        action: 'case.register',
        recordType: 'case',
        recordId: id,
        detail: {
          source: row.source,
          matter: matter.code,
          body: input.body,
          ticketId: row.ticket_id,
          partyFields: ['name', 'idNumber', 'address', ...(input.party.phone ? ['phone'] : [])],
        },
      });
    });
  } catch (error) {
    // Another registration in the street took the same number meanwhile: nothing was written.
    throw isUniqueViolation(error) ? new AppError('state_conflict') : error;
  }
  return getCase(ctx, actor, id);
}
