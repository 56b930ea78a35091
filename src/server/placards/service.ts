// Keeping the placard register: registering a point, correcting it, recording a field check
// (DOMAIN §1.4: 姓名、联系方式、胸牌号、及时更新、张贴位置), and rotating a building's QR code.
import type {
  AddPlacardPoint,
  PlacardCheck,
  PlacardRegisterRow,
  RecordPlacardCheck,
  RotateTokenResult,
  UpdatePlacardPoint,
} from '../../contract/placards.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import { staffActorKind, withAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId, newPlacardToken } from '../ids.js';
import { reachableBuilding, requireRotator } from './access.js';
import { loadPlacardItems } from './content.js';
import * as points from './point-store.js';
import { presentRegisterRow } from './register.js';
import type { Executor } from './store.js';

async function refuseTakenNo(ex: Executor, pointNo: string, exceptId?: string): Promise<void> {
  if (await points.pointNoTaken(ex, pointNo, exceptId)) {
    throw new AppError('validation_failed', [
      fieldIssue('pointNo', '这个编号已登记给其他点位', 'another placard point has this number'),
    ]);
  }
}

/** The register row of one point, read after a change. */
export async function pointRow(ex: Executor, buildingId: string, pointId: string) {
  const scope = { kind: 'building', id: buildingId } as const;
  const [items, rows] = await Promise.all([
    loadPlacardItems(ex, scope),
    points.listPointsOfScope(ex, scope),
  ]);
  const item = items[0];
  const row = rows.find((r) => r.id === pointId);
  if (!item || !row) {
    throw new AppError('not_found');
  }
  return presentRegisterRow(item, row);
}

/** A point whose building the actor may act on; any other id is not found. */
async function reachablePoint(ctx: AppContext, actor: StaffActor, pointId: string) {
  const point = await points.findPoint(ctx.db, pointId);
  if (!point) {
    throw new AppError('not_found');
  }
  await reachableBuilding(ctx, actor, point.building_id);
  return point;
}

function actorOf(actor: StaffActor) {
  return { actorKind: staffActorKind(actor.role), actorId: actor.id };
}

/** Registers a placard point on a building with its number and placement. */
export async function addPoint(
  ctx: AppContext,
  actor: StaffActor,
  input: AddPlacardPoint,
): Promise<PlacardRegisterRow> {
  const building = await reachableBuilding(ctx, actor, input.buildingId);
  await refuseTakenNo(ctx.db, input.pointNo);

  const id = newId();
  return withAudit(ctx, async (trx, audit) => {
    await points.insertPoint(trx, {
      id,
      building_id: building.id,
      point_no: input.pointNo,
      placement: normalizeText(input.placement),
      created_at: ctx.now().toISOString(),
      created_by: actor.id,
    });
    await audit({
      ...actorOf(actor),
      action: 'placard.point_added',
      recordType: 'placard',
      recordId: id,
      detail: { buildingId: building.id, pointNo: input.pointNo },
    });
    return pointRow(trx, building.id, id);
  });
}

/** Corrects a point's number or placement. */
export async function updatePoint(
  ctx: AppContext,
  actor: StaffActor,
  pointId: string,
  input: UpdatePlacardPoint,
): Promise<PlacardRegisterRow> {
  const point = await reachablePoint(ctx, actor, pointId);
  if (input.pointNo !== undefined) {
    await refuseTakenNo(ctx.db, input.pointNo, point.id);
  }

  const patch = {
    ...(input.pointNo === undefined ? {} : { point_no: input.pointNo }),
    ...(input.placement === undefined ? {} : { placement: normalizeText(input.placement) }),
  };
  return withAudit(ctx, async (trx, audit) => {
    await points.updatePoint(trx, point.id, patch);
    await audit({
      ...actorOf(actor),
      action: 'placard.point_changed',
      recordType: 'placard',
      recordId: point.id,
      detail: { fields: Object.keys(input).filter((k) => k === 'pointNo' || k === 'placement') },
    });
    return pointRow(trx, point.building_id, point.id);
  });
}

/**
 * Records what a field check of a point found. A result other than ok after the last print
 * makes the point due for printing again (reprintReasonsOf).
 */
export async function recordCheck(
  ctx: AppContext,
  actor: StaffActor,
  pointId: string,
  input: RecordPlacardCheck,
): Promise<PlacardRegisterRow> {
  const point = await reachablePoint(ctx, actor, pointId);

  const at = ctx.now().toISOString();
  const note = input.note === undefined ? null : normalizeText(input.note);
  return withAudit(ctx, async (trx, audit) => {
    await points.insertCheck(trx, {
      id: newId(),
      placard_id: point.id,
      checked_at: at,
      checked_by: actor.id,
      result: input.result,
      note,
    });
    await points.updatePoint(trx, point.id, {
      last_checked_at: at,
      last_checked_by: actor.id,
      last_check_result: input.result,
      last_check_note: note,
    });
    await audit({
      ...actorOf(actor),
      action: 'placard.check',
      recordType: 'placard',
      recordId: point.id,
      detail: { result: input.result, note: note !== null },
    });
    return pointRow(trx, point.building_id, point.id);
  });
}

/** The checks of a point, newest first. */
export async function listPointChecks(
  ctx: AppContext,
  actor: StaffActor,
  pointId: string,
): Promise<{ items: PlacardCheck[] }> {
  const point = await reachablePoint(ctx, actor, pointId);
  const rows = await points.listChecks(ctx.db, point.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.checked_at,
      result: r.result,
      note: r.note,
      by: r.checkerName === null ? null : { name: r.checkerName, badgeNo: r.checkerBadge ?? '' },
    })),
  };
}

/**
 * Gives a building a new placard token. The old one is kept, so a QR code already posted still
 * opens the building's page, which then says the code was replaced; every point of the building
 * shows "token_rotated" until its new placard is marked printed.
 */
export async function rotateToken(
  ctx: AppContext,
  actor: StaffActor,
  buildingId: string,
): Promise<RotateTokenResult> {
  requireRotator(actor);
  const building = await reachableBuilding(ctx, actor, buildingId);

  const token = newPlacardToken();
  const at = ctx.now().toISOString();
  await withAudit(ctx, async (trx, audit) => {
    if (!(await points.replaceToken(trx, building.id, building.token, token))) {
      throw new AppError('state_conflict');
    }
    await points.insertTokenHistory(trx, {
      token: building.token,
      building_id: building.id,
      replaced_at: at,
      replaced_by: actor.id,
    });
    await audit({
      ...actorOf(actor),
      action: 'placard.token_rotated',
      recordType: 'building',
      recordId: building.id,
      detail: { buildingCode: building.code },
    });
  });
  return { buildingId: building.id, token, replacedAt: at };
}
