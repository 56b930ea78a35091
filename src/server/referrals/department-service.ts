import { recordAudit } from '../audit/service.js';
// The partner department's side: the referrals delivered to it, its steps on them, and clues.
// A department account has no relation to tickets; it reads only what was referred to its own
// department, through the department view, which never holds reporter data.
import type {
  DepartmentReferral,
  DepartmentReferralFilter,
  DepartmentReferralList,
  ReferralStep,
  SubmitClue,
} from '../../contract/referrals.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import type { DepartmentTable, ReferralTable } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { fileClue } from '../tickets/clue-intake.js';
import { claimPhotos, photosOfReferrals, readReferralPhoto } from './photos.js';
import { presentDepartmentReferral, presentDepartmentRow } from './present.js';
import { awaitingReply, nextReferralStatus } from '../../domain/referral-rules.js';
import * as store from './store.js';

/** The department of a department account; any other account is refused. */
export async function departmentOf(ctx: AppContext, actor: StaffActor): Promise<DepartmentTable> {
  const department =
    actor.role === 'department' ? await store.findDepartmentOfStaff(ctx.db, actor.id) : undefined;
  if (!department) {
    throw new AppError('forbidden');
  }
  return department;
}

function filterOf(status: DepartmentReferralFilter, now: Date): store.DepartmentFilter | null {
  switch (status) {
    case 'all':
      return null;
    case 'open':
      return { statuses: awaitingReply };
    case 'overdue':
      return { statuses: awaitingReply, overdueAt: now.toISOString() };
    default:
      return { statuses: [status] };
  }
}

/** One page of the referrals delivered to the actor's department, newest first. */
export async function listForDepartment(
  ctx: AppContext,
  actor: StaffActor,
  query: { status: DepartmentReferralFilter; page: number; pageSize: number },
): Promise<DepartmentReferralList> {
  const department = await departmentOf(ctx, actor);
  const now = ctx.now();
  const { rows, total } = await store.listDepartmentReferrals(
    ctx.db,
    department.id,
    filterOf(query.status, now),
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return {
    items: rows.map((r) => presentDepartmentRow(r, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadForDepartment(ctx: AppContext, actor: StaffActor, id: string) {
  const department = await departmentOf(ctx, actor);
  const r = await store.findDepartmentReferral(ctx.db, id, department.id);
  if (!r) {
    throw new AppError('not_found');
  }
  return r;
}

/** One referral delivered to the actor's department; another department's id is not found. */
export async function getForDepartment(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
): Promise<DepartmentReferral> {
  const r = await loadForDepartment(ctx, actor, id);
  const photos = await photosOfReferrals(ctx, [r.id]);
  return presentDepartmentReferral(r, photos.get(r.id) ?? [], ctx.now());
}

/** What the department writes with a step. */
export interface StepInput {
  text?: string;
  photoIds?: string[];
}

function changesOf(
  step: ReferralStep,
  input: StepInput,
  actor: StaffActor,
  at: string,
): Partial<ReferralTable> {
  const text = input.text ? normalizeText(input.text) : null;
  if (step === 'accept') {
    return { accepted_at: at, accept_note: text };
  }
  return { reply_text: text, replied_at: at, replied_by: actor.id };
}

/**
 * Takes one step on a referral delivered to the actor's department: accept it, decline it with
 * a reason, or answer it in writing (the opinion of 城管条例 Art 29), with photos.
 */
export async function takeDepartmentStep(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  step: ReferralStep,
  input: StepInput,
): Promise<DepartmentReferral> {
  const r = await loadForDepartment(ctx, actor, id);
  const next = nextReferralStatus(r.status, step);
  if (!next) {
    throw new AppError('transition_refused');
  }

  const at = ctx.now().toISOString();
  const photoIds = input.photoIds ?? [];
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await store.updateReferralIf(
      trx,
      r.id,
      { status: r.status },
      { ...changesOf(step, input, actor, at), status: next, updated_at: at },
    );
    if (!changed) {
      throw new AppError('state_conflict');
    }
    await claimPhotos(trx, photoIds, at);
    await store.insertReferralFiles(trx, r.id, 'reply', photoIds);
    await recordAudit(trx, ctx, {
      actorKind: 'department',
      actorId: actor.id,
      action: `referral.${step}`,
      recordType: 'referral',
      recordId: r.id,
      detail: { from: r.status, to: next },
    });
  });
  return getForDepartment(ctx, actor, r.id);
}

/** The bytes of a photo of a referral delivered to the actor's department. */
export async function readDepartmentPhoto(
  ctx: AppContext,
  actor: StaffActor,
  referralId: string,
  photoId: string,
) {
  const r = await loadForDepartment(ctx, actor, referralId);
  return readReferralPhoto(ctx, r.id, photoId);
}

const SEARCH_LIMIT = 20;

/** Buildings a clue can be about, found by name, address or community. */
export async function searchBuildings(ctx: AppContext, actor: StaffActor, text: string) {
  await departmentOf(ctx, actor);
  const rows = await store.searchBuildings(ctx.db, text, SEARCH_LIMIT);
  return {
    items: rows.map((b) => ({
      code: b.code,
      name: b.name,
      address: b.address,
      community: b.community_name,
      street: b.street_name,
    })),
  };
}

async function placardTokenOf(ctx: AppContext, input: SubmitClue) {
  if (Boolean(input.placardToken) === Boolean(input.buildingCode)) {
    throw new AppError('validation_failed', [
      fieldIssue('buildingCode', '请选择一个楼栋', 'name exactly one building'),
    ]);
  }
  if (input.placardToken) {
    return { token: input.placardToken, field: 'placardToken' as const };
  }
  const token = await store.findPlacardTokenOfBuilding(ctx.db, input.buildingCode ?? '');
  if (!token) {
    throw new AppError('placard_not_found', [
      fieldIssue('buildingCode', '没有找到该楼栋', 'no such building'),
    ]);
  }
  return { token, field: 'buildingCode' as const };
}

/**
 * Sends a department's clue (线索): it becomes a ticket with channel `dept:<code>`, routed to
 * the building's room like a resident's, and appears in that room's liaison inbox.
 */
export async function submitClue(
  ctx: AppContext,
  actor: StaffActor,
  input: SubmitClue,
  idempotencyKey: string | null,
) {
  const department = await departmentOf(ctx, actor);
  const place = await placardTokenOf(ctx, input);
  const { ticket, created } = await fileClue(
    ctx,
    {
      department,
      staffId: actor.id,
      placardToken: place.token,
      placeField: place.field,
      kind: input.kind,
      matterCode: input.matterCode ?? null,
      description: input.description,
      photoIds: input.photoIds,
    },
    idempotencyKey,
  );
  const receipt = {
    trackingCode: ticket.tracking_code,
    createdAt: ticket.created_at,
    resolveDueAt: ticket.resolve_due_at,
  };
  return { receipt, created };
}
