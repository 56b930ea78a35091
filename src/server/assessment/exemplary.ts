// Exemplary work (典型培养): what the bureau admin recognised of a street, with a date, a
// description and evidence photos taken through the upload pipeline of src/server/files. A record
// counts for the street only once it carries evidence (docs/assessment.md).
import type { Exemplary, ExemplaryInput } from '../../contract/assessment.js';
import { periodDates } from '../../domain/assessment/period.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { uploadPhoto } from '../files/service.js';
import { newId } from '../ids.js';
import { periodOf } from './service.js';
import * as store from './store.js';

type Row = Awaited<ReturnType<typeof store.listExemplary>>[number];

async function present(ctx: AppContext, rows: Row[]): Promise<Exemplary[]> {
  const evidence = await store.listEvidence(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    streetId: r.street_id,
    streetName: r.street_name,
    title: r.title,
    recognisedOn: r.recognised_on,
    description: r.description,
    evidence: evidence
      .filter((f) => f.exemplary_id === r.id)
      .map((f) => ({ id: f.id, width: f.width, height: f.height })),
    createdAt: r.created_at,
    createdBy: r.created_by_name,
  }));
}

/** The exemplary work of a period (or all), of one street or every street. */
export async function listExemplary(
  ctx: AppContext,
  query: { period?: string; streetId?: string },
): Promise<Exemplary[]> {
  const period = query.period ? periodOf(ctx, query.period) : null;
  const range = period
    ? { from: period.from.toISOString(), to: period.to.toISOString(), ...periodDates(period) }
    : null;
  return present(ctx, await store.listExemplary(ctx.db, range, query.streetId));
}

async function readOne(ctx: AppContext, id: string): Promise<Exemplary> {
  const rows = await store.listExemplary(ctx.db, null);
  const [found] = await present(
    ctx,
    rows.filter((r) => r.id === id),
  );
  if (!found) {
    throw new AppError('not_found');
  }
  return found;
}

async function checkInput(ctx: AppContext, input: ExemplaryInput): Promise<void> {
  const streets = await store.listStreets(ctx.db);
  if (!streets.some((s) => s.id === input.streetId)) {
    throw new AppError('validation_failed', [
      fieldIssue('streetId', '没有这个街道', 'no such street'),
    ]);
  }
  if (input.recognisedOn > shanghaiDate(ctx.now())) {
    throw new AppError('validation_failed', [
      fieldIssue('recognisedOn', '不能是以后的日期', 'must not be a future date'),
    ]);
  }
}

type Action =
  | 'assessment.exemplary_create'
  | 'assessment.exemplary_edit'
  | 'assessment.exemplary_delete'
  | 'assessment.evidence_add';

function audit(actor: StaffActor, action: Action, id: string, requestId: string | null) {
  return {
    actorKind: staffActorKind(actor.role),
    actorId: actor.id,
    action,
    recordType: 'assessment_exemplary' as const,
    recordId: id,
    detail: {},
    requestId,
  };
}

/** Records exemplary work of a street. */
export async function createExemplary(
  ctx: AppContext,
  actor: StaffActor,
  input: ExemplaryInput,
  requestId: string | null,
): Promise<Exemplary> {
  await checkInput(ctx, input);
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertExemplary(trx, {
      id,
      street_id: input.streetId,
      title: input.title,
      recognised_on: input.recognisedOn,
      description: input.description,
      created_at: at,
      created_by: actor.id,
      updated_at: at,
    });
    await recordAudit(trx, ctx, audit(actor, 'assessment.exemplary_create', id, requestId));
  });
  return readOne(ctx, id);
}

/** Corrects an exemplary record. */
export async function editExemplary(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: ExemplaryInput,
  requestId: string | null,
): Promise<Exemplary> {
  if (!(await store.findExemplary(ctx.db, id))) {
    throw new AppError('not_found');
  }
  await checkInput(ctx, input);
  await ctx.db.transaction().execute(async (trx) => {
    await store.updateExemplary(trx, id, {
      street_id: input.streetId,
      title: input.title,
      recognised_on: input.recognisedOn,
      description: input.description,
      updated_at: ctx.now().toISOString(),
    });
    await recordAudit(trx, ctx, audit(actor, 'assessment.exemplary_edit', id, requestId));
  });
  return readOne(ctx, id);
}

/** Removes an exemplary record recorded by mistake. */
export async function deleteExemplary(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  requestId: string | null,
): Promise<void> {
  if (!(await store.findExemplary(ctx.db, id))) {
    throw new AppError('not_found');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await store.deleteExemplary(trx, id);
    await recordAudit(trx, ctx, audit(actor, 'assessment.exemplary_delete', id, requestId));
  });
}

/** Adds an evidence photo: checked and re-encoded by the upload pipeline, then attached. */
export async function addEvidence(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  file: { bytes: Buffer; filename: string },
  requestId: string | null,
): Promise<Exemplary> {
  if (!(await store.findExemplary(ctx.db, id))) {
    throw new AppError('not_found');
  }
  const photo = await uploadPhoto(ctx, file.bytes, file.filename);
  await ctx.db.transaction().execute(async (trx) => {
    await store.addEvidence(trx, id, photo.id, ctx.now().toISOString());
    await recordAudit(trx, ctx, audit(actor, 'assessment.evidence_add', id, requestId));
  });
  return readOne(ctx, id);
}

/** The bytes of one evidence photo. */
export async function readEvidence(ctx: AppContext, id: string, fileId: string) {
  const rows = await store.listEvidence(ctx.db, [id]);
  const row = rows.find((r) => r.id === fileId);
  const bytes = row ? await ctx.storage.get(row.storage_key) : null;
  if (!row || !bytes) {
    throw new AppError('photo_not_found');
  }
  return { bytes, mime: row.mime };
}
