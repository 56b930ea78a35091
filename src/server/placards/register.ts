// The placard register (联络牌台账) of a community or street: one row per placard point, and one
// for each building that has none yet, with what would make it due for printing again.
import type {
  PlacardCheck,
  PlacardRegister,
  PlacardRegisterQuery,
  PlacardRegisterRow,
} from '../../contract/placards.js';
import { reprintReasonsOf, uncheckedFor } from '../../domain/placard-rules.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { resolveScope } from './access.js';
import { loadPlacardItems, type PlacardItem } from './content.js';
import * as points from './point-store.js';
import type { PointRow } from './point-store.js';

function person(name: string | null, badgeNo: string | null) {
  return name === null ? null : { name, badgeNo: badgeNo ?? '' };
}

function lastCheckOf(p: PointRow): Omit<PlacardCheck, 'id'> | null {
  if (!p.last_checked_at || !p.last_check_result) {
    return null;
  }
  return {
    at: p.last_checked_at,
    result: p.last_check_result,
    note: p.last_check_note,
    by: person(p.checkerName, p.checkerBadge),
  };
}

/** One register row: a point of the building, or the building alone when it has no point. */
export function presentRegisterRow(item: PlacardItem, p: PointRow | null): PlacardRegisterRow {
  const reasons = reprintReasonsOf(
    p && {
      printedAt: p.printed_at,
      contentHash: p.printed_content_hash,
      token: p.printed_token,
      lastCheckedAt: p.last_checked_at,
      lastCheckResult: p.last_check_result,
    },
    { contentHash: item.contentHash, token: item.token },
  );
  const b = item.content.building;
  return {
    building: { id: item.buildingId, code: b.code, name: b.name, address: b.address },
    community: { code: item.communityCode, name: item.content.community },
    point: p && {
      id: p.id,
      pointNo: p.point_no,
      placement: p.placement,
      printedAt: p.printed_at,
      printedBy: person(p.printerName, p.printerBadge),
    },
    lastCheck: p ? lastCheckOf(p) : null,
    reprintReasons: reasons,
    needsReprint: reasons.length > 0,
    version: item.version,
  };
}

/** Every row of a scope: each building's points in number order, or the building alone. */
export function registerRows(
  items: readonly PlacardItem[],
  pointRows: readonly PointRow[],
): PlacardRegisterRow[] {
  const byBuilding = new Map<string, PointRow[]>();
  for (const p of pointRows) {
    byBuilding.set(p.building_id, [...(byBuilding.get(p.building_id) ?? []), p]);
  }
  return items.flatMap((item) => {
    const own = byBuilding.get(item.buildingId) ?? [];
    return own.length > 0
      ? own.map((p) => presentRegisterRow(item, p))
      : [presentRegisterRow(item, null)];
  });
}

/**
 * The register of a community or street, filtered by "needs reprint" and "not checked for N
 * days" (calendar days in Asia/Shanghai); the summary counts the whole scope, unfiltered.
 */
export async function listRegister(
  ctx: AppContext,
  actor: StaffActor,
  query: PlacardRegisterQuery,
): Promise<PlacardRegister> {
  const { ref, scope } = await resolveScope(ctx, actor, query);

  const [items, pointRows] = await Promise.all([
    loadPlacardItems(ctx.db, ref),
    points.listPointsOfScope(ctx.db, ref),
  ]);
  const rows = registerRows(items, pointRows);

  const now = ctx.now();
  const { needsReprint, notCheckedDays } = query;
  const filtered = rows.filter(
    (r) =>
      (needsReprint === undefined || r.needsReprint === needsReprint) &&
      (notCheckedDays === undefined || uncheckedFor(r.lastCheck?.at ?? null, notCheckedDays, now)),
  );
  const start = (query.page - 1) * query.pageSize;
  return {
    scope,
    summary: {
      buildings: items.length,
      points: rows.filter((r) => r.point !== null).length,
      needsReprint: rows.filter((r) => r.needsReprint).length,
    },
    items: filtered.slice(start, start + query.pageSize),
    total: filtered.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}
