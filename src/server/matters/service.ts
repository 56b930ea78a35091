// The matter catalogue (执法事项清单): residents read and search the matters in force; the bureau
// admin creates, edits, retires and restores them, each change a numbered revision with its
// reason and an audit entry; street admins and liaisons read the whole catalogue and its history.
import type { Transaction } from 'kysely';
import type {
  CreateMatter,
  EditMatter,
  MatterHistory,
  MatterSearchQuery,
  MatterStateChange,
  PublicMatter,
  PublicMatterList,
  RevisionAction,
  StaffMatterList,
} from '../../contract/matters.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { Database, MatterTable } from '../db/schema.js';
import type { Db } from '../db/database.js';
import { AppError, fieldIssue } from '../errors.js';
import type { MatterSeed } from '../org/matters-catalogue.js';
import { presentPublicMatter, presentRevisions, presentStaffMatter } from './present.js';
import { changesBetween, snapshotOf } from './revisions.js';
import { likePatternOf, searchTextOf } from './search-text.js';
import * as store from './store.js';

type Trx = Transaction<Database>;

/** The matters in force matching `q`, in catalogue order, as residents read them. */
export async function listPublicMatters(
  ctx: AppContext,
  query: MatterSearchQuery,
): Promise<PublicMatterList> {
  const rows = await store.listMatters(ctx.db, {
    pattern: likePatternOf(query.q),
    activeOnly: true,
  });
  return { items: rows.map(presentPublicMatter) };
}

/** One matter in force; a retired or unknown code is not found. */
export async function getPublicMatter(ctx: AppContext, code: string): Promise<PublicMatter> {
  const row = await store.findMatter(ctx.db, code);
  if (!row || row.active !== 1) {
    throw new AppError('not_found');
  }
  return presentPublicMatter(row);
}

/** The whole catalogue, retired matters too, matching `q`, for the workbench. */
export async function listStaffMatters(
  ctx: AppContext,
  query: MatterSearchQuery,
): Promise<StaffMatterList> {
  const rows = await store.listMatters(ctx.db, {
    pattern: likePatternOf(query.q),
    activeOnly: false,
  });
  const revisions = await store.latestRevisions(
    ctx.db,
    rows.map((r) => r.code),
  );
  return { items: rows.map((r) => presentStaffMatter(r, revisions.get(r.code) ?? 0)) };
}

/** One matter with every revision and what each changed; any officer may read it. */
export async function getMatterHistory(
  ctx: AppContext,
  actor: StaffActor,
  code: string,
): Promise<MatterHistory> {
  const row = await store.findMatter(ctx.db, code);
  if (!row) {
    throw new AppError('not_found');
  }
  const revisions = presentRevisions(await store.listRevisions(ctx.db, code));
  return {
    matter: presentStaffMatter(row, revisions[0]?.revision ?? 0),
    revisions,
    canEdit: actor.role === 'bureau_admin',
  };
}

function rowOf(
  code: string,
  input: Omit<CreateMatter, 'code' | 'reason'>,
  sort: number,
  active: number,
  now: string,
): MatterTable {
  const row: MatterTable = {
    code,
    name: input.name,
    name_en: input.nameEn,
    prohibition_basis: input.prohibitionBasis,
    penalty_basis: input.penaltyBasis,
    penalty_range: input.penaltyRange,
    sort: input.sort ?? sort,
    handling_body: input.handlingBody,
    handled_by_chengguan: input.handledByChengguan ? 1 : 0,
    education: input.education,
    education_topic: input.educationTopic,
    active,
    updated_at: now,
    search_text: '',
  };
  return { ...row, search_text: searchTextOf(row) };
}

interface Change {
  action: RevisionAction;
  revision: number;
  reason: string;
}

/** Appends the revision of `row` and its audit entry (the last write, as recordAudit asks). */
async function record(
  trx: Trx,
  ctx: AppContext,
  actor: StaffActor,
  row: MatterTable,
  change: Change & { fields: string[]; requestId: string },
): Promise<void> {
  await store.insertRevision(trx, {
    matter_code: row.code,
    revision: change.revision,
    action: change.action,
    snapshot: JSON.stringify(snapshotOf(row)),
    staff_id: actor.id,
    reason: change.reason,
    created_at: row.updated_at,
  });
  await recordAudit(trx, ctx, {
    actorKind: staffActorKind(actor.role),
    actorId: actor.id,
    action: `matter.${change.action as 'create' | 'edit' | 'retire' | 'restore'}`,
    recordType: 'matter',
    recordId: row.code,
    detail: { revision: change.revision, fields: change.fields },
    requestId: change.requestId,
  });
}

/** Adds a matter to the catalogue as revision 1; a code already used (even retired) is refused. */
export async function createMatter(
  ctx: AppContext,
  actor: StaffActor,
  input: CreateMatter,
  requestId: string,
): Promise<MatterHistory> {
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (await store.findMatter(trx, input.code)) {
      throw new AppError('state_conflict', [
        fieldIssue(
          'code',
          '事项编码已在清单中（含已停用事项）',
          'the code is already in the catalogue',
        ),
      ]);
    }
    const row = rowOf(input.code, input, (await store.maxSort(trx)) + 1, 1, now);
    await store.insertMatter(trx, row);
    const fields = changesBetween(null, snapshotOf(row)).map((c) => c.field);
    await record(trx, ctx, actor, row, {
      action: 'create',
      revision: 1,
      reason: input.reason,
      fields,
      requestId,
    });
  });
  return getMatterHistory(ctx, actor, input.code);
}

/** The matter as it stands, refused when the officer worked on an older revision (409). */
async function loadForChange(trx: Trx, code: string, baseRevision: number) {
  const current = await store.findMatter(trx, code);
  if (!current) {
    throw new AppError('not_found');
  }
  const revision = (await store.latestRevisions(trx, [code])).get(code) ?? 0;
  if (revision !== baseRevision) {
    throw new AppError('state_conflict', [
      fieldIssue(
        'baseRevision',
        `该事项已被他人修改（当前为第 ${String(revision)} 版），请刷新后再改`,
        `the matter has changed since (now revision ${String(revision)}); reload it first`,
      ),
    ]);
  }
  return { current, revision };
}

/** Writes a changed matter as the next revision; a change that changes nothing is refused. */
async function applyChange(
  trx: Trx,
  ctx: AppContext,
  actor: StaffActor,
  before: MatterTable,
  next: MatterTable,
  change: Change & { requestId: string },
): Promise<void> {
  const fields = changesBetween(snapshotOf(before), snapshotOf(next)).map((c) => c.field);
  if (fields.length === 0) {
    throw new AppError('validation_failed', [
      fieldIssue('(body)', '没有修改任何内容', 'nothing was changed'),
    ]);
  }
  await store.updateMatter(trx, next);
  await record(trx, ctx, actor, next, { ...change, fields });
}

/** Edits the texts of a matter (its code never changes: tickets and cases refer to it). */
export async function editMatter(
  ctx: AppContext,
  actor: StaffActor,
  code: string,
  input: EditMatter,
  requestId: string,
): Promise<MatterHistory> {
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const { current, revision } = await loadForChange(trx, code, input.baseRevision);
    const next = rowOf(code, input, current.sort, current.active, now);
    const change = { action: 'edit' as const, revision: revision + 1, reason: input.reason };
    await applyChange(trx, ctx, actor, current, next, { ...change, requestId });
  });
  return getMatterHistory(ctx, actor, code);
}

/**
 * Retires a matter (active false) or restores it. A retired matter stays in the table, so the
 * tickets, cases and rooms that name it keep its name; the public and new tickets no longer see it.
 */
export async function setMatterActive(
  ctx: AppContext,
  actor: StaffActor,
  code: string,
  active: boolean,
  input: MatterStateChange & { requestId: string },
): Promise<MatterHistory> {
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const { current, revision } = await loadForChange(trx, code, input.baseRevision);
    if ((current.active === 1) === active) {
      throw new AppError('state_conflict', [
        fieldIssue(
          'active',
          active ? '该事项未停用' : '该事项已停用',
          active ? 'the matter is not retired' : 'the matter is already retired',
        ),
      ]);
    }
    const next = { ...current, active: active ? 1 : 0, updated_at: now };
    const change = { action: active ? 'restore' : 'retire', revision: revision + 1 } as const;
    await applyChange(trx, ctx, actor, current, next, { ...change, ...input });
  });
  return getMatterHistory(ctx, actor, code);
}

/**
 * Inserts the seed matters the catalogue does not hold yet, each with revision 1 ('seed');
 * a matter already there is left as the bureau keeps it. Returns how many were inserted.
 */
export async function seedCatalogue(
  ex: Db | Trx,
  seeds: readonly MatterSeed[],
  now: string,
): Promise<number> {
  let inserted = 0;
  for (const seed of seeds) {
    if (await store.findMatter(ex, seed.code)) {
      continue;
    }
    const row: MatterTable = {
      ...seed,
      active: 1,
      updated_at: now,
      search_text: searchTextOf(seed),
    };
    await store.insertMatter(ex, row);
    await store.insertRevision(ex, {
      matter_code: row.code,
      revision: 1,
      action: 'seed',
      snapshot: JSON.stringify(snapshotOf(row)),
      staff_id: null,
      reason: '执法事项清单初始版本',
      created_at: now,
    });
    inserted += 1;
  }
  return inserted;
}
