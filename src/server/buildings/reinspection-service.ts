// Re-inspections (回头看) as officers work them: the list of their scope, the result of one, and
// its photos. A recurrence flags the building and may file a new ticket (channel 'patrol') for
// it, in the same transaction as the result.
import type {
  RecordReinspection,
  Reinspection,
  ReinspectionFilter,
  ReinspectionList,
} from '../../contract/buildings.js';
import { isCalendarDate } from '../../domain/iso-week.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { buildingScopeOf, inScope } from './access.js';
import { presentReinspection } from './present.js';
import { writeResult } from './reinspection-result.js';
import { scheduleReinspections } from './reinspection-scan.js';
import * as store from './reinspection-store.js';

/** The photos of these re-inspections, by re-inspection. */
async function photosOf(ctx: AppContext, ids: readonly string[]) {
  const byId = new Map<string, { id: string; width: number; height: number }[]>();
  for (const p of await store.listPhotos(ctx.db, ids)) {
    byId.set(p.reinspection_id, [...(byId.get(p.reinspection_id) ?? []), p]);
  }
  return byId;
}

/** Presents rows for a viewer in `scope`: every officer in scope may record a result. */
export async function presentRows(
  ctx: AppContext,
  rows: readonly store.ReinspectionRecord[],
): Promise<Reinspection[]> {
  const photos = await photosOf(
    ctx,
    rows.map((r) => r.id),
  );
  const now = ctx.now();
  return rows.map((r) => presentReinspection(r, photos.get(r.id) ?? [], true, now));
}

function filterOf(status: ReinspectionFilter, today: string): store.ReinspectionFilter {
  switch (status) {
    case 'open':
      return { status: 'due', dueBefore: null, dueFrom: null };
    case 'due':
      return { status: 'due', dueBefore: null, dueFrom: today };
    case 'overdue':
      return { status: 'due', dueBefore: today, dueFrom: null };
    case 'done':
      return { status: 'done', dueBefore: null, dueFrom: null };
    case 'all':
      return { status: null, dueBefore: null, dueFrom: null };
  }
}

/** The closed cases a read looks at before listing: the actor's street, or all for the bureau. */
function candidatesOf(actor: StaffActor): store.CandidateFilter {
  return actor.role !== 'bureau_admin' && actor.streetId
    ? { streetId: actor.streetId }
    : { all: true };
}

/**
 * The re-inspections of the actor's buildings: not done yet (earliest due first), due (today or
 * later), overdue (due before today, Shanghai), done (latest first) or all. What closed cases owe
 * is scheduled first, so the list never waits for the housekeeping loop.
 */
export async function listReinspections(
  ctx: AppContext,
  actor: StaffActor,
  query: { status: ReinspectionFilter; page: number; pageSize: number },
): Promise<ReinspectionList> {
  const scope = await buildingScopeOf(ctx, actor);
  const now = ctx.now();
  await scheduleReinspections(ctx, now, candidatesOf(actor));

  const { rows, total } = await store.listReinspections(
    ctx.db,
    scope,
    filterOf(query.status, shanghaiDate(now)),
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: await presentRows(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

/** A re-inspection of a building the actor reaches; any other id is not found. */
async function loadVisible(ctx: AppContext, actor: StaffActor, id: string) {
  const scope = await buildingScopeOf(ctx, actor);
  const r = await store.findReinspection(ctx.db, id);
  if (!r || !inScope(scope, { streetId: r.street_id, roomId: r.room_id })) {
    throw new AppError('not_found');
  }
  return r;
}

function checkResultInput(r: store.ReinspectionRecord, input: RecordReinspection, today: string) {
  const issue = (field: string, zh: string, en: string) =>
    new AppError('validation_failed', [fieldIssue(field, zh, en)]);
  if (!isCalendarDate(input.doneOn)) {
    throw issue('doneOn', '日期无效，应为 YYYY-MM-DD', 'not a valid date; use YYYY-MM-DD');
  }
  if (input.doneOn > today) {
    throw issue('doneOn', '日期不能晚于今天', 'must not be after today');
  }
  if (input.doneOn < r.closed_on) {
    throw issue(
      'doneOn',
      `日期不能早于案件结案日期（${r.closed_on}）`,
      'must not be before the case was closed',
    );
  }
  if (input.result === 'recurred' && !input.note) {
    throw issue('note', '发现复发时请说明现场情况', 'say what was found when it recurred');
  }
  if (input.result === 'ok' && input.recurrenceTicket) {
    throw issue('recurrenceTicket', '只有发现复发时才能新建诉求', 'only for a recurrence');
  }
  const twice = input.photoIds.findIndex((p, i) => input.photoIds.indexOf(p) !== i);
  if (twice >= 0) {
    throw new AppError('photo_not_found', [
      fieldIssue(`photoIds.${twice}`, '照片不存在或已使用', 'no such photo, or already used'),
    ]);
  }
}

/**
 * Records a re-inspection's result: done on a day (not after today, not before the closing) by
 * the signed-in officer, no recurrence or a recurrence with a note and photos. A recurrence flags
 * the building (if not flagged already) and, when asked, files a ticket for it with channel
 * 'patrol' through the ticket intake; result, flag, ticket and audit entries commit together.
 */
export async function recordReinspection(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: RecordReinspection,
  requestId: string | null,
): Promise<Reinspection> {
  const r = await loadVisible(ctx, actor, id);
  if (r.status !== 'due') {
    throw new AppError('transition_refused', [
      fieldIssue('result', '该回头看已记录结果', 'this re-inspection already has its result'),
    ]);
  }
  const now = ctx.now();
  checkResultInput(r, input, shanghaiDate(now));

  await writeResult(ctx, actor, r, input, requestId);
  const [fresh] = await presentRows(ctx, [await loadVisible(ctx, actor, id)]);
  if (!fresh) {
    throw new AppError('not_found');
  }
  return fresh;
}

/** The bytes of one photo of a re-inspection the actor may see. */
export async function readReinspectionPhoto(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  photoId: string,
) {
  const r = await loadVisible(ctx, actor, id);
  const row = (await store.listPhotos(ctx.db, [r.id])).find((p) => p.id === photoId);
  const bytes = row ? await ctx.storage.get(row.storage_key) : null;
  if (!row || !bytes) {
    throw new AppError('photo_not_found');
  }
  return { bytes, mime: row.mime };
}
