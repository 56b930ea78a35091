// Education items in the workbench: write, list, and the review lifecycle draft → in_review →
// published, back to draft when a reviewer rejects it or takes it down (both with a reason).
import type {
  StaffItem,
  StaffItemList,
  StaffItemQuery,
  WriteItemInput,
} from '../../contract/education.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { AuditAction } from '../../contract/audit.js';
import type { EducationItemTable } from '../db/schema.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import { checkItemContent } from './content.js';
import { presentStaffItem, presentStaffRow } from './present.js';
import {
  canEditItem,
  canReviewItem,
  canSeeItem,
  canUnpublishItem,
  educationRoles,
} from './rules.js';
import * as store from './store.js';

function requireEducationRole(actor: StaffActor): void {
  if (!educationRoles.includes(actor.role)) {
    throw new AppError('forbidden');
  }
}

function scopeOf(actor: StaffActor): store.StaffScope {
  requireEducationRole(actor);
  if (actor.role === 'bureau_admin') {
    return { all: true };
  }
  return actor.role === 'street_admin'
    ? { streetId: actor.streetId ?? '-' }
    : { authorId: actor.id };
}

async function loadVisibleItem(ctx: AppContext, actor: StaffActor, id: string) {
  requireEducationRole(actor);
  const item = await store.findItem(ctx.db, id);
  if (!item || !canSeeItem(actor, item)) {
    throw new AppError('not_found');
  }
  return item;
}

/** One item as the workbench shows it, with its media and what the actor may do. */
export async function getItem(ctx: AppContext, actor: StaffActor, id: string): Promise<StaffItem> {
  const item = await loadVisibleItem(ctx, actor, id);
  const media = await store.listOwnerMedia(ctx.db, 'item', item.id);
  return presentStaffItem(item, media, actor);
}

/** One page of the items the actor may see: a liaison their own, a street admin the street's. */
export async function listItems(
  ctx: AppContext,
  actor: StaffActor,
  query: StaffItemQuery,
): Promise<StaffItemList> {
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const { rows, total } = await store.listStaffItems(ctx.db, scopeOf(actor), query.status, page);
  return { items: rows.map(presentStaffRow), total, page: query.page, pageSize: query.pageSize };
}

function contentColumns(input: WriteItemInput) {
  const isCase = input.kind === 'typical_case';
  return {
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    body: input.body,
    topic: input.topic,
    matter_code: input.matterCode,
    case_facts: isCase ? input.caseFacts : null,
    case_handling: isCase ? input.caseHandling : null,
    case_legal_basis: isCase ? input.caseLegalBasis : null,
  };
}

function auditOf(actor: StaffActor, action: AuditAction, id: string, requestId: string | null) {
  return {
    actorKind: staffActorKind(actor.role),
    actorId: actor.id,
    action,
    recordType: 'education_item' as const,
    recordId: id,
    requestId,
  };
}

/** Writes a new draft in the author's street; the files it names are attached to it. */
export async function createItem(
  ctx: AppContext,
  actor: StaffActor,
  input: WriteItemInput,
  requestId: string | null = null,
): Promise<StaffItem> {
  requireEducationRole(actor);
  const uses = await checkItemContent(ctx, actor, input, null);
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertItem(trx, {
      id,
      ...contentColumns(input),
      street_id: actor.role === 'bureau_admin' ? null : actor.streetId,
      status: 'draft',
      author_id: actor.id,
      reviewer_id: null,
      submitted_at: null,
      reviewed_at: null,
      published_at: null,
      return_reason: null,
      view_count: 0,
      created_at: at,
      updated_at: at,
    });
    await store.claimMedia(trx, 'item', id, uses);
    await recordAudit(trx, ctx, {
      ...auditOf(actor, 'education.create', id, requestId),
      detail: { kind: input.kind, topic: input.topic, media: uses.length },
    });
  });
  return getItem(ctx, actor, id);
}

/** The author changes a draft; the files it no longer names are released. */
export async function updateItem(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: WriteItemInput,
  requestId: string | null = null,
): Promise<StaffItem> {
  const item = await loadVisibleItem(ctx, actor, id);
  if (!canEditItem(actor, item)) {
    throw new AppError(item.author_id === actor.id ? 'transition_refused' : 'forbidden');
  }
  const uses = await checkItemContent(ctx, actor, input, item.id);
  await ctx.db.transaction().execute(async (trx) => {
    const changes = { ...contentColumns(input), updated_at: ctx.now().toISOString() };
    if (!(await store.updateItemIf(trx, id, 'draft', changes))) {
      throw new AppError('state_conflict');
    }
    await store.releaseOwnerMedia(trx, 'item', id);
    await store.claimMedia(trx, 'item', id, uses);
    await recordAudit(trx, ctx, {
      ...auditOf(actor, 'education.edit', id, requestId),
      detail: { kind: input.kind, topic: input.topic, media: uses.length },
    });
  });
  return getItem(ctx, actor, id);
}

type Step = 'submit' | 'approve' | 'reject' | 'unpublish';

const stepRules: Record<
  Step,
  { from: EducationItemTable['status']; to: EducationItemTable['status']; action: AuditAction }
> = {
  submit: { from: 'draft', to: 'in_review', action: 'education.submit' },
  approve: { from: 'in_review', to: 'published', action: 'education.approve' },
  reject: { from: 'in_review', to: 'draft', action: 'education.reject' },
  unpublish: { from: 'published', to: 'draft', action: 'education.unpublish' },
};

function checkStep(actor: StaffActor, item: store.ItemRow, step: Step): void {
  if (item.status !== stepRules[step].from) {
    throw new AppError('transition_refused');
  }
  if ((step === 'approve' || step === 'reject') && item.author_id === actor.id) {
    throw new AppError('self_review_refused');
  }
  const allowed =
    step === 'submit'
      ? canEditItem(actor, item)
      : step === 'unpublish'
        ? canUnpublishItem(actor, item)
        : canReviewItem(actor, item);
  if (!allowed) {
    throw new AppError('forbidden');
  }
}

function stepChanges(step: Step, actor: StaffActor, at: string, reason: string | null) {
  switch (step) {
    case 'submit':
      return { submitted_at: at, return_reason: null };
    case 'approve':
      return { reviewer_id: actor.id, reviewed_at: at, published_at: at, return_reason: null };
    case 'reject':
      return { reviewer_id: actor.id, reviewed_at: at, return_reason: reason };
    case 'unpublish':
      return { reviewer_id: actor.id, reviewed_at: at, published_at: null, return_reason: reason };
  }
}

/**
 * Moves an item one step: the author submits a draft; a reviewer of the street (never the author)
 * approves or rejects it with a reason; a reviewer takes a published item down with a reason.
 */
export async function stepItem(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  step: Step,
  reason: string | null,
  requestId: string | null = null,
): Promise<StaffItem> {
  const item = await loadVisibleItem(ctx, actor, id);
  checkStep(actor, item, step);
  const at = ctx.now().toISOString();
  const rule = stepRules[step];
  await ctx.db.transaction().execute(async (trx) => {
    const changes = { ...stepChanges(step, actor, at, reason), status: rule.to, updated_at: at };
    if (!(await store.updateItemIf(trx, id, rule.from, changes))) {
      throw new AppError('state_conflict');
    }
    await recordAudit(trx, ctx, {
      ...auditOf(actor, rule.action, id, requestId),
      detail: { from: rule.from, to: rule.to, withReason: reason !== null },
    });
  });
  return getItem(ctx, actor, id);
}
