// The written agreement as a PDF: the one place the parties' full details are decrypted. Every
// download is an audited read of personal data, recorded before anything is decrypted.
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { findCjkFont } from '../pdf/font.js';
import type { MediatorOrgKind } from '../../contract/mediations.js';
import { renderAgreementPdf } from './agreement-pdf.js';
import { unsealParties } from './parties.js';
import { mediationNumber } from './present.js';
import { loadVisibleMediation } from './service.js';
import * as store from './store.js';

/** The field names a party row holds, for the audit entry (never the values). */
function fieldsHeld(rows: Awaited<ReturnType<typeof store.listParties>>): string[] {
  const fields = new Set<string>(['name']);
  for (const r of rows) {
    if (r.phone_enc) {
      fields.add('phone');
    }
    if (r.id_number_enc) {
      fields.add('idNumber');
    }
    if (r.address_enc) {
      fields.add('address');
    }
  }
  return [...fields];
}

/**
 * The 人民调解协议书 of a mediation that reached a written agreement, with the parties' full
 * details, for an officer who may see the mediation. Refused (422) for any other outcome and
 * (503) without a CJK font, before the read is audited.
 */
export async function agreementPdf(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  requestId: string | null = null,
): Promise<{ pdf: Buffer; filename: string }> {
  const { m, mediators } = await loadVisibleMediation(ctx, actor, id);
  if (m.outcome_kind !== 'written') {
    throw new AppError('transition_refused');
  }
  if (!findCjkFont()) {
    throw new AppError('pdf_font_missing');
  }
  const rows = await store.listParties(ctx.db, m.id);

  await recordAudit(ctx.db, ctx, {
    actorKind: staffActorKind(actor.role),
    actorId: actor.id,
    action: 'mediation.agreement_read',
    recordType: 'mediation',
    recordId: m.id,
    detail: { fields: fieldsHeld(rows), parties: rows.length },
    requestId,
  });
  const number = mediationNumber(m);
  const pdf = await renderAgreementPdf(
    {
      committeeName: m.committee_name,
      number,
      parties: unsealParties(ctx.cipher, rows),
      facts: m.facts,
      responsibilities: m.responsibilities ?? '',
      terms: m.terms ?? '',
      performanceManner: m.performance_manner ?? '',
      performanceDeadline: m.performance_deadline ?? '',
      signedOn: m.agreed_on ?? '',
      mediators: mediators.map((r) => ({
        name: r.name,
        orgKind: r.org_kind as MediatorOrgKind,
        orgName: r.org_name,
      })),
    },
    ctx.now(),
  );
  return { pdf, filename: `mediation-agreement-${number}.pdf` };
}
