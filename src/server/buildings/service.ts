// The building file (一房一档): the search that reaches a building, the file itself, and clearing
// a building's flag. Reading a file is not a read of personal data: it names no reporter and no
// party, so it is not audited; every change is.
import type {
  BuildingFile,
  BuildingFileQuery,
  BuildingList,
  BuildingListQuery,
  ClearFlag,
} from '../../contract/buildings.js';
import { openStatuses } from '../../domain/ticket-machine.js';
import { normalizeText } from '../../domain/personal-data.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { buildingScopeOf, mayClearFlag, reachableBuilding } from './access.js';
import { clearFlag } from './flag-store.js';
import { presentBuildingRow, presentFlag } from './present.js';
import { scheduleReinspections } from './reinspection-scan.js';
import { presentRows } from './reinspection-service.js';
import * as reinspections from './reinspection-store.js';
import * as store from './store.js';
import { buildingTimeline } from './timeline.js';

/**
 * The buildings the actor reaches whose name or address contains the text (any case, the same
 * on SQLite and PostgreSQL), optionally only the flagged ones; by street, community and code.
 */
export async function listBuildings(
  ctx: AppContext,
  actor: StaffActor,
  query: BuildingListQuery,
): Promise<BuildingList> {
  const scope = await buildingScopeOf(ctx, actor);
  const text = query.q?.normalize('NFC').trim() ?? '';
  const { rows, total } = await store.listBuildings(
    ctx.db,
    scope,
    { text: text === '' ? null : text, flaggedOnly: query.flagged === 'true' },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return {
    items: rows.map(presentBuildingRow),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function countsOf(ctx: AppContext, buildingId: string) {
  const [records, own] = await Promise.all([
    store.countRecords(ctx.db, buildingId, [...openStatuses]),
    reinspections.countReinspections(ctx.db, buildingId, shanghaiDate(ctx.now())),
  ]);
  return {
    ...records,
    reinspectionsOpen: own.open,
    reinspectionsOverdue: own.overdue,
    recurrences: own.recurred,
  };
}

/**
 * One building's file: the building and its room's liaisons, counts, flag, re-inspections and one
 * page of its timeline, newest first. Re-inspections its closed cases owe are scheduled first.
 */
export async function getBuildingFile(
  ctx: AppContext,
  actor: StaffActor,
  buildingId: string,
  query: BuildingFileQuery,
): Promise<BuildingFile> {
  const { building } = await reachableBuilding(ctx, actor, buildingId);
  await scheduleReinspections(ctx, ctx.now(), { buildingId: building.id });

  const [liaisons, counts, own, timeline] = await Promise.all([
    building.roomId ? store.listRoomLiaisons(ctx.db, building.roomId) : Promise.resolve([]),
    countsOf(ctx, building.id),
    reinspections.listReinspectionsOfBuilding(ctx.db, building.id),
    buildingTimeline(ctx, building.id, { before: query.before ?? null, limit: query.limit }),
  ]);
  const b = building;
  return {
    building: {
      id: b.id,
      code: b.code,
      name: b.name,
      address: b.address,
      retired: b.retired_at !== null,
      community: { code: b.community_code, name: b.community_name },
      street: { code: b.street_code, name: b.street_name },
      room: b.room_name ? { name: b.room_name } : null,
      liaisons: liaisons.map((l) => ({ name: l.name, badgeNo: l.badge_no })),
    },
    flag: presentFlag(b),
    canClearFlag: mayClearFlag(actor),
    counts,
    reinspections: await presentRows(ctx, own),
    timeline,
  };
}

/**
 * Clears a building's flag with the admin's reason: a street admin of the building's street or
 * the bureau admin. A building without a flag refuses (422); the reason stays in the flag's row,
 * the audit entry says only that one was given.
 */
export async function clearBuildingFlag(
  ctx: AppContext,
  actor: StaffActor,
  buildingId: string,
  input: ClearFlag,
  requestId: string | null,
): Promise<BuildingFile> {
  if (!mayClearFlag(actor)) {
    throw new AppError('forbidden');
  }
  const { building } = await reachableBuilding(ctx, actor, buildingId);
  if (!building.flag_since) {
    throw new AppError('transition_refused', [
      fieldIssue('flag', '该楼栋没有待解除的标记', 'the building is not flagged'),
    ]);
  }

  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const flagId = await clearFlag(trx, building.id, {
      cleared_at: at,
      cleared_by: actor.id,
      clear_reason: normalizeText(input.reason),
    });
    if (!flagId) {
      throw new AppError('state_conflict');
    }
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'building.flag_clear',
      recordType: 'building',
      recordId: building.id,
      detail: { flagId, reason: 'given' },
      requestId,
    });
  });
  return getBuildingFile(ctx, actor, building.id, { limit: 100 });
}
