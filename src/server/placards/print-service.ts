// Printing placards (one A5 PDF for a building, a community or a street) and recording that a
// batch was printed, which is what the register compares the current content with.
import type { Transaction } from 'kysely';
import type { MarkPrinted, MarkPrintedResult, PlacardScopeQuery } from '../../contract/placards.js';
import type { StaffActor } from '../accounts/service.js';
import { staffActorKind, withAudit, type Audit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import {
  reachableBuilding,
  reachableBuildings,
  resolveScope,
  type ResolvedScope,
} from './access.js';
import { loadPlacardItems, type PlacardItem } from './content.js';
import { renderPlacardsPdf, type PageProgress } from './pdf.js';
import * as points from './point-store.js';

/** A rendered PDF with the name it is downloaded under and the items it printed. */
export interface PrintedPdf {
  pdf: Buffer;
  filename: string;
  items: PlacardItem[];
}

/** Who prints: an officer in the workbench, or the operator at the command line (null). */
type Printer = StaffActor | null;

function auditActor(printer: Printer) {
  return printer
    ? { actorKind: staffActorKind(printer.role), actorId: printer.id }
    : { actorKind: 'system' as const, actorId: null };
}

function fileSafe(code: string): string {
  return code.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60) || 'placards';
}

async function render(
  ctx: AppContext,
  printer: Printer,
  target: { items: PlacardItem[]; kind: string; code: string; recordId: string | null },
  options: { baseUrl: string; onPage?: PageProgress },
): Promise<PrintedPdf> {
  if (target.items.length === 0) {
    throw new AppError('not_found');
  }
  const now = ctx.now();
  const pdf = await renderPlacardsPdf(target.items, {
    baseUrl: options.baseUrl,
    title: `联络牌 ${target.code}`,
    now,
    onPage: options.onPage,
  });
  await withAudit(ctx, (_trx, audit) =>
    audit({
      ...auditActor(printer),
      action: 'placard.print',
      recordType: target.kind === 'building' ? 'building' : 'placard',
      recordId: target.recordId,
      detail: { scope: target.kind, code: target.code, pages: target.items.length },
    }),
  );
  return { pdf, filename: `placards-${fileSafe(target.code)}.pdf`, items: target.items };
}

/** The PDF of one community or street, one page per active building (the officer's reach). */
export async function printScope(
  ctx: AppContext,
  actor: StaffActor,
  query: PlacardScopeQuery,
  baseUrl: string,
): Promise<PrintedPdf> {
  const resolved = await resolveScope(ctx, actor, query);
  return printResolved(ctx, actor, resolved, { baseUrl });
}

/** The PDF of one resolved scope; the CLI resolves without an officer. */
export async function printResolved(
  ctx: AppContext,
  printer: Printer,
  { ref, scope }: ResolvedScope,
  options: { baseUrl: string; onPage?: PageProgress },
): Promise<PrintedPdf> {
  const items = await loadPlacardItems(ctx.db, ref);
  return render(
    ctx,
    printer,
    { items, kind: scope.kind, code: scope.code, recordId: null },
    options,
  );
}

/** The PDF of one building's placard. */
export async function printBuilding(
  ctx: AppContext,
  actor: StaffActor,
  buildingId: string,
  baseUrl: string,
): Promise<PrintedPdf> {
  const building = await reachableBuilding(ctx, actor, buildingId);
  const items = await loadPlacardItems(ctx.db, { kind: 'building', id: building.id });
  const target = { items, kind: 'building', code: building.code, recordId: building.id };
  return render(ctx, actor, target, { baseUrl });
}

/** The first free default number of a building's first point: its code, then -2, -3 … */
async function defaultPointNo(ex: Transaction<Database>, buildingCode: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? buildingCode : `${buildingCode}-${n}`;
    if (!(await points.pointNoTaken(ex, candidate))) {
      return candidate;
    }
  }
}

/**
 * Records inside `trx` that these placards were printed now: every point of each building
 * takes the printed content hash and token; a building without a point gets one, numbered with
 * the building code and placement left to be filled in.
 */
export async function recordPrinted(
  trx: Transaction<Database>,
  ctx: AppContext,
  audit: Audit,
  printer: Printer,
  items: readonly PlacardItem[],
): Promise<MarkPrintedResult> {
  const at = ctx.now().toISOString();
  const result = { buildings: items.length, points: 0, pointsCreated: 0 };
  for (const item of items) {
    const printed = {
      printed_at: at,
      printed_by: printer?.id ?? null,
      printed_content_hash: item.contentHash,
      printed_token: item.token,
    };
    let count = await points.markBuildingPrinted(trx, item.buildingId, printed);
    if (count === 0) {
      const pointNo = await defaultPointNo(trx, item.content.building.code);
      const point = { id: newId(), building_id: item.buildingId, point_no: pointNo };
      await points.insertPoint(trx, { ...point, placement: '', created_at: at, created_by: null });
      await points.markBuildingPrinted(trx, item.buildingId, printed);
      result.pointsCreated += 1;
      count = 1;
    }
    result.points += count;
    await audit({
      ...auditActor(printer),
      action: 'placard.mark_printed',
      recordType: 'building',
      recordId: item.buildingId,
      detail: { version: item.version.slice(0, 8), points: count },
    });
  }
  return result;
}

/**
 * Marks a batch printed. Each building comes with the version the officer printed; when the
 * content or token has changed since, nothing is marked and the building is named, so the
 * placard is printed again rather than recorded as current.
 */
export async function markPrinted(
  ctx: AppContext,
  actor: StaffActor,
  input: MarkPrinted,
): Promise<MarkPrintedResult> {
  const ids = input.buildings.map((b) => b.id);
  const places = await reachableBuildings(ctx, actor, ids);

  return withAudit(ctx, async (trx, audit) => {
    const current = new Map<string, PlacardItem>();
    for (const communityId of new Set(places.map((p) => p.communityId))) {
      for (const item of await loadPlacardItems(trx, { kind: 'community', id: communityId })) {
        current.set(item.buildingId, item);
      }
    }
    const items = input.buildings.map((b, index) => {
      const item = current.get(b.id);
      if (!item || item.version !== b.version) {
        throw new AppError('state_conflict', [
          fieldIssue(
            `buildings.${index}.version`,
            '联络牌内容已变化，请重新下载并打印',
            'the placard has changed since it was printed; download and print it again',
          ),
        ]);
      }
      return item;
    });
    return recordPrinted(trx, ctx, audit, actor, [
      ...new Map(items.map((i) => [i.buildingId, i])).values(),
    ]);
  });
}

/** Resolves a scope for the operator, who may print any. */
export async function operatorScope(
  ctx: AppContext,
  query: PlacardScopeQuery,
): Promise<ResolvedScope> {
  return resolveScope(ctx, null, query);
}
