// The result letter of a decided application: the one place the applicant's name and number are
// decrypted. The applicant downloads it through the private status link; a staff download is an
// audited read of personal data, recorded before anything is decrypted.
import type { CreditClass } from '../../domain/credit-repair.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import { bodyName } from '../cases/present.js';
import type { AppContext } from '../context.js';
import type { CreditRepairTable } from '../db/schema.js';
import { AppError } from '../errors.js';
import { findCjkFont } from '../pdf/font.js';
import { renderLetterPdf } from './letter-pdf.js';
import * as store from './store.js';

/** A PDF and the name it is downloaded under. */
export interface LetterFile {
  pdf: Buffer;
  filename: string;
}

/** Refuses a letter for an undecided application (422) or without a CJK font (503). */
export function requireLetter(r: CreditRepairTable): void {
  if (!r.decided_at || !r.decision) {
    throw new AppError('transition_refused');
  }
  if (!findCjkFont()) {
    throw new AppError('pdf_font_missing');
  }
}

/** Renders the letter of a decided application. */
export async function renderLetter(ctx: AppContext, r: CreditRepairTable): Promise<LetterFile> {
  const c = await store.findCreditCase(ctx.db, r.case_id);
  if (!c?.decided_on) {
    throw new AppError('not_found');
  }
  const cls = r.credit_class as CreditClass;
  const period = ctx.creditRules.periods[cls];
  const pdf = await renderLetterPdf(
    {
      receiptCode: r.receipt_code,
      applicantName: ctx.cipher.decrypt(r.applicant_name_enc),
      applicantKind: r.applicant_kind as 'person' | 'organisation',
      idNumber: ctx.cipher.decrypt(r.id_enc),
      submittedOn: shanghaiDate(new Date(r.submitted_at)),
      decisionNo: r.decision_no,
      decidedOn: c.decided_on,
      creditClass: cls,
      minMonths: period.minMonths,
      maxMonths: period.maxMonths,
      publicationLastDay: r.publication_last_day,
      result: r.decision as 'accepted' | 'refused',
      reasons: r.reasons ?? '',
      publicationEndedOn: r.publication_ended_on,
      completeWorkingDays: ctx.creditRules.completeWorkingDays,
      body: bodyName(c),
      issuedOn: shanghaiDate(new Date(r.completed_at ?? r.decided_at ?? r.submitted_at)),
    },
    ctx.now(),
  );
  return { pdf, filename: `credit-repair-${r.receipt_code}.pdf` };
}

/** The letter for an officer who may see the application; the read is audited first. */
export async function staffLetter(
  ctx: AppContext,
  actor: StaffActor,
  r: CreditRepairTable,
  requestId: string | null,
): Promise<LetterFile> {
  requireLetter(r);
  await recordAudit(ctx.db, ctx, {
    actorKind: staffActorKind(actor.role),
    actorId: actor.id,
    action: 'credit.letter_read',
    recordType: 'credit_repair',
    recordId: r.id,
    detail: { fields: ['applicantName', 'idNumber'] },
    requestId,
  });
  return renderLetter(ctx, r);
}
