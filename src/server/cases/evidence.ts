// Evidence photos of a case (uploaded through the photo pipeline: sniffed, re-encoded, stripped of
// metadata, then claimed here) and the audited reveal of the party's full details.
import type { MaskedParty, StaffCase } from '../../contract/case-views.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { getCase, loadVisibleCase } from './service.js';
import * as store from './store.js';

const finished = ['closed', 'cancelled'];

/** Adds photos with what they show to an open case; each photo must be uploaded and unused. */
export async function addEvidence(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: { photoIds: string[]; caption: string },
): Promise<StaffCase> {
  const { c } = await loadVisibleCase(ctx, actor, id);
  if (finished.includes(c.status)) {
    throw new AppError('transition_refused');
  }
  const at = ctx.now().toISOString();
  const caption = normalizeText(input.caption);
  const first = await store.countEvidence(ctx.db, c.id);
  const unique = [...new Set(input.photoIds)];

  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await store.claimFiles(trx, unique, at);
    if (claimed !== input.photoIds.length) {
      // The transaction rolls back: no photo stays claimed by a refused batch.
      throw new AppError('photo_not_found', [
        fieldIssue('photoIds', '照片不存在或已使用', 'no such photo, or already used'),
      ]);
    }
    const rows = unique.map((fileId, i) => ({
      case_id: c.id,
      file_id: fileId,
      caption,
      stage: c.status,
      added_at: at,
      added_by: actor.id,
      sort: first + i,
    }));
    await store.insertEvidence(trx, rows);
    const changed = await store.updateCaseIf(trx, c.id, c.event_count, {
      event_count: c.event_count + 1,
      updated_at: at,
    });
    if (!changed) {
      throw new AppError('state_conflict');
    }
    await store.insertEvent(trx, {
      caseId: c.id,
      seq: c.event_count + 1,
      type: 'evidence_added',
      at,
      actorId: actor.id,
      data: { count: rows.length, note: caption },
    });
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'case.evidence_add',
      recordType: 'case',
      recordId: c.id,
      detail: { photoIds: unique },
    });
  });
  return getCase(ctx, actor, id);
}

/** The bytes of one evidence photo of a case the actor may see. */
export async function readEvidencePhoto(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  photoId: string,
) {
  const { c } = await loadVisibleCase(ctx, actor, id);
  const rows = await store.listEvidence(ctx.db, c.id);
  const row = rows.find((r) => r.id === photoId);
  const bytes = row ? await ctx.storage.get(row.storage_key) : null;
  if (!row || !bytes) {
    throw new AppError('photo_not_found');
  }
  return { bytes, mime: row.mime };
}

/**
 * The party's full name, number, address and phone, for the officers who write the documents;
 * each reveal is audited (who, which case, which fields), never with the values.
 */
export async function revealParty(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  requestId: string | null,
): Promise<MaskedParty> {
  const { c } = await loadVisibleCase(ctx, actor, id);
  const party = await store.findParty(ctx.db, c.id);
  if (!party) {
    throw new AppError('not_found');
  }
  await recordAudit(ctx.db, ctx, {
    actorKind: staffActorKind(actor.role),
    actorId: actor.id,
    action: 'case.party_reveal',
    recordType: 'case',
    recordId: c.id,
    detail: { fields: ['name', 'idNumber', 'address', ...(party.phone_enc ? ['phone'] : [])] },
    requestId,
  });
  return {
    kind: party.kind,
    name: ctx.cipher.decrypt(party.name_enc),
    idNumber: ctx.cipher.decrypt(party.id_enc),
    address: ctx.cipher.decrypt(party.address_enc),
    phone: party.phone_enc ? ctx.cipher.decrypt(party.phone_enc) : null,
  };
}
