// A resident's application for credit repair: the decision found by its number and the party's
// identity number, the conditions checked (the minimum period passed, the penalty carried out,
// the 信用承诺 agreed; 国家发展改革委令第36号), the materials claimed from the photo pipeline, the
// personal data encrypted, and a receipt code and private status link handed back.
import {
  creditCommitmentText,
  type CreditApplication,
  type CreditReceipt,
} from '../../contract/credit.js';
import { requiredMaterials, type MaterialItem } from '../../domain/credit-repair-machine.js';
import {
  maskIdNumber,
  maskName,
  maskOrganisationName,
  maskPhone,
  normalizeText,
} from '../../domain/personal-data.js';
import { addWorkingDays } from '../../domain/working-calendar.js';
import { recordAudit } from '../audit/service.js';
import { loadCalendar } from '../calendar/service.js';
import type { AppContext } from '../context.js';
import { residentPhoneDigest } from '../crypto/phone-digest.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId, randomBase32, sha256Hex } from '../ids.js';
import {
  checkedIdentityNumber,
  countLookup,
  findRecord,
  requireApplicable,
  standingOrNotFound,
} from './lookup.js';
import * as store from './store.js';

/** A receipt code read aloud: XF- and two groups of five Crockford base32 characters (50 bits). */
export function newReceiptCode(): string {
  const code = randomBase32(10);
  return `XF-${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The private status link's token: derived from the id with the data key, stored as a hash. */
export function accessTokenOf(ctx: AppContext, repairId: string): string {
  return ctx.cipher.mac('credit-repair-access', repairId).subarray(0, 20).toString('base64url');
}

/** Refuses checklist items that are not on the applicant's list, naming each upload. */
export function checkItems(
  materials: readonly { item: MaterialItem }[],
  allowed: readonly MaterialItem[],
): void {
  const issues = materials.flatMap((m, i) =>
    allowed.includes(m.item)
      ? []
      : [
          fieldIssue(
            `materials.${String(i)}.item`,
            '该材料不在本申请的材料清单中',
            'this item is not on the checklist of this application',
          ),
        ],
  );
  if (issues.length > 0) {
    throw new AppError('validation_failed', issues);
  }
}

function checkForm(input: CreditApplication): void {
  const issues = [];
  if (!input.commitmentAgreed) {
    issues.push(
      fieldIssue('commitmentAgreed', '请阅读并同意信用修复承诺', 'agree to the credit commitment'),
    );
  }
  if (input.byAgent && !input.agentName) {
    issues.push(fieldIssue('agentName', '代理人申请须填写代理人姓名', 'name the agent'));
  }
  if (issues.length > 0) {
    throw new AppError('validation_failed', issues);
  }
}

/** A case has at most one application at a time; a refused one may be followed by a new one. */
async function requireNoOpenApplication(
  ex: Parameters<typeof store.findOpenRepairOfCase>[0],
  caseId: string,
): Promise<void> {
  if (await store.findOpenRepairOfCase(ex, caseId)) {
    throw new AppError('credit_repair_not_ready', [
      fieldIssue(
        'decisionNo',
        '该行政处罚信息已有信用修复申请正在办理或已修复',
        'an application for this record is already being handled or was completed',
      ),
    ]);
  }
}

function sealedApplicant(ctx: AppContext, input: CreditApplication, idNumber: string) {
  const name = normalizeText(input.applicantName);
  const agent = input.byAgent && input.agentName ? normalizeText(input.agentName) : null;
  return {
    applicant_kind: input.applicantKind,
    by_agent: input.byAgent ? 1 : 0,
    applicant_name_enc: ctx.cipher.encrypt(name),
    applicant_name_masked:
      input.applicantKind === 'person' ? maskName(name) : maskOrganisationName(name),
    agent_name_enc: agent ? ctx.cipher.encrypt(agent) : null,
    agent_name_masked: agent ? maskName(agent) : null,
    id_enc: ctx.cipher.encrypt(idNumber),
    id_masked: maskIdNumber(idNumber),
    phone_enc: ctx.cipher.encrypt(input.phone),
    phone_masked: maskPhone(input.phone),
    phone_digest: residentPhoneDigest(ctx.cipher, input.phone),
  };
}

/** Files a resident's application for repair of a penalty decision; the receipt. */
export async function applyForRepair(
  ctx: AppContext,
  input: CreditApplication,
  address: string,
  requestId: string | null = null,
): Promise<CreditReceipt> {
  checkForm(input);
  const idNumber = checkedIdentityNumber(input.idNumber, input.applicantKind);
  await countLookup(ctx, address);
  const c = await findRecord(ctx, input.decisionNo, idNumber);
  const standing = standingOrNotFound(ctx, c);
  requireApplicable(standing);
  checkItems(input.materials, requiredMaterials(input.applicantKind, input.byAgent));
  await requireNoOpenApplication(ctx.db, c.id);

  const id = newId();
  const now = ctx.now();
  const at = now.toISOString();
  const due = addWorkingDays(await loadCalendar(ctx.db), now, ctx.creditRules.decideWorkingDays);
  const receiptCode = newReceiptCode();
  const row = {
    id,
    receipt_code: receiptCode,
    access_hash: sha256Hex(accessTokenOf(ctx, id)),
    case_id: c.id,
    street_id: c.street_id,
    decision_no: c.decision_no ?? '',
    credit_class: standing.cls,
    earliest_on: standing.earliestOn,
    publication_last_day: standing.maxLastDay,
    ...sealedApplicant(ctx, input, idNumber),
    commitment_text: creditCommitmentText,
    status: 'submitted',
    submitted_at: at,
    due_key: 'decision',
    due_at: due.dueAt.toISOString(),
    due_fallback: due.fallback ? 1 : 0,
    event_count: 1,
    updated_at: at,
  };
  const fileIds = input.materials.map((m) => m.photoId);

  await ctx.db.transaction().execute(async (trx) => {
    // Checked again under the case's lock: applications sent at once all passed the first check
    // (RELIABILITY §4 class 17).
    if (ctx.databaseKind === 'postgres') {
      await store.lockRepairsOfCase(trx, c.id);
    }
    await requireNoOpenApplication(trx, c.id);
    await store.insertRepair(trx, row);
    await attachMaterials(trx, id, input.materials, 1, at);
    await store.insertEvent(trx, {
      repair_id: id,
      seq: 1,
      type: 'submitted',
      at,
      actor_id: null,
      data: JSON.stringify({ items: input.materials.map((m) => m.item) }),
    });
    await recordAudit(trx, ctx, {
      actorKind: 'resident',
      actorId: null,
      action: 'credit.submit',
      recordType: 'credit_repair',
      recordId: id,
      detail: { caseId: c.id, class: standing.cls, files: fileIds.length },
      requestId,
    });
  });
  return {
    receiptCode,
    accessToken: accessTokenOf(ctx, id),
    status: 'submitted',
    decideDueOn: due.lastDay,
  };
}

/** Claims the uploaded files and files them under their items; refuses the lot if one is not. */
export async function attachMaterials(
  trx: Parameters<typeof store.claimFiles>[0],
  repairId: string,
  materials: readonly { item: MaterialItem; photoId: string }[],
  round: number,
  at: string,
): Promise<void> {
  const ids = materials.map((m) => m.photoId);
  const unique = [...new Set(ids)];
  const claimed = await store.claimFiles(trx, unique, at);
  if (claimed !== ids.length) {
    // The transaction rolls back: no file stays claimed by a refused batch.
    throw new AppError('photo_not_found', [
      fieldIssue('materials', '材料文件不存在或已使用，请重新上传', 'a file is missing or used'),
    ]);
  }
  await store.insertFiles(
    trx,
    materials.map((m, sort) => ({
      repair_id: repairId,
      file_id: m.photoId,
      item: m.item,
      round,
      sort,
      added_at: at,
    })),
  );
}
