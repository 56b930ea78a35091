// Weekly visit compliance: per liaison and ISO week (Monday to Sunday in Asia/Shanghai), the
// visits logged against the week's target. It counts visit records only: no position, clock-in
// or time online exists to count (DOMAIN §8.1). Weeks a liaison was away are not modelled.
import type {
  Compliance,
  ComplianceQuery,
  SetVisitTarget,
  VisitTarget,
} from '../../contract/visits.js';
import {
  DEFAULT_WEEKLY_VISIT_TARGET,
  targetForWeek,
  weekCompliance,
  type WeeklyTarget,
} from '../../domain/field-work-rules.js';
import { isIsoWeek, isoWeekOf, weekDays, weeksEndingWith } from '../../domain/iso-week.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { listOfficers, listRoomNames, type OfficerScope } from './place-store.js';
import { staffRef } from './places.js';
import * as store from './store.js';

/** The ISO week the clock is in, in Asia/Shanghai. */
export function currentWeekOf(now: Date): string {
  return isoWeekOf(shanghaiDate(now));
}

function liaisonScope(actor: StaffActor, streetId: string | undefined): OfficerScope {
  if (actor.role === 'liaison') {
    return { staffId: actor.id };
  }
  if (actor.role === 'street_admin') {
    return { streetId: actor.streetId ?? '-' };
  }
  if (actor.role === 'bureau_admin') {
    return streetId ? { streetId } : { all: true };
  }
  throw new AppError('forbidden');
}

function checkWeek(week: string, currentWeek: string, field: string): void {
  if (!isIsoWeek(week)) {
    throw new AppError('validation_failed', [fieldIssue(field, '没有这一周', 'no such ISO week')]);
  }
  if (week > currentWeek) {
    throw new AppError('validation_failed', [
      fieldIssue(field, '不能选择以后的周', 'must not be a future week'),
    ]);
  }
}

async function loadTargets(ctx: AppContext): Promise<WeeklyTarget[]> {
  const rows = await store.listVisitTargets(ctx.db);
  return rows.map((r) => ({ fromWeek: r.from_week, target: r.weekly_target }));
}

/**
 * The compliance table: a liaison their own row, a street admin the street's active liaisons,
 * the bureau admin one street's or the district's; for the chosen week (default the current one)
 * and the weeks before it, oldest first.
 */
export async function visitCompliance(
  ctx: AppContext,
  actor: StaffActor,
  query: ComplianceQuery,
): Promise<Compliance> {
  const scope = liaisonScope(actor, query.streetId);
  const currentWeek = currentWeekOf(ctx.now());
  const week = query.week ?? currentWeek;
  checkWeek(week, currentWeek, 'week');
  const weeks = weeksEndingWith(week, query.weeks);

  const [targets, liaisons] = await Promise.all([
    loadTargets(ctx),
    listOfficers(ctx.db, scope, ['liaison']),
  ]);
  const ids = liaisons.map((l) => l.id);
  const [counts, rooms] = await Promise.all([
    store.countVisitsByWeek(ctx.db, ids, weeks[0] ?? week, week),
    listRoomNames(ctx.db, ids),
  ]);
  const visits = new Map(counts.map((c) => [`${c.liaisonId}/${c.week}`, c.visits]));
  const rows = liaisons.map((l) => ({
    liaison: staffRef(l),
    street: l.street_name ?? '',
    rooms: rooms.filter((r) => r.staff_id === l.id).map((r) => r.name),
    cells: weeks.map((w) => ({
      week: w,
      ...weekCompliance(visits.get(`${l.id}/${w}`) ?? 0, targetForWeek(targets, w), w, currentWeek),
    })),
  }));
  return {
    currentWeek,
    week,
    weeks: weeks.map((w, i) => ({
      week: w,
      ...weekDays(w),
      target: targetForWeek(targets, w),
      metCount: rows.filter((r) => r.cells[i]?.met).length,
    })),
    rows,
  };
}

/** The target in force this week, where it came from, and every target the bureau set. */
export async function visitTarget(ctx: AppContext): Promise<VisitTarget> {
  const rows = await store.listVisitTargets(ctx.db);
  const currentWeek = currentWeekOf(ctx.now());
  // The same choice as targetForWeek: the latest week not after this one, the later row on a tie.
  let inForce: (typeof rows)[number] | undefined;
  for (const r of rows) {
    if (r.from_week <= currentWeek && (!inForce || r.from_week >= inForce.from_week)) {
      inForce = r;
    }
  }
  return {
    defaultTarget: DEFAULT_WEEKLY_VISIT_TARGET,
    current: {
      weeklyTarget: inForce?.weekly_target ?? DEFAULT_WEEKLY_VISIT_TARGET,
      fromWeek: inForce?.from_week ?? null,
      source: inForce ? 'bureau' : 'default',
    },
    history: rows.map((r) => ({
      weeklyTarget: r.weekly_target,
      fromWeek: r.from_week,
      setAt: r.created_at,
      setBy: r.created_by_name,
    })),
  };
}

/**
 * Sets the weekly visit target from a week on (default the current week); a week already past
 * keeps the target it had, so earlier compliance is never rewritten.
 */
export async function setVisitTarget(
  ctx: AppContext,
  actor: StaffActor,
  input: SetVisitTarget,
  requestId: string | null = null,
): Promise<VisitTarget> {
  const now = ctx.now();
  const currentWeek = currentWeekOf(now);
  const fromWeek = input.fromWeek ?? currentWeek;
  if (!isIsoWeek(fromWeek) || fromWeek < currentWeek) {
    throw new AppError('validation_failed', [
      fieldIssue('fromWeek', '只能从本周或以后的周开始', 'must be this week or a later one'),
    ]);
  }
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertVisitTarget(trx, {
      id,
      weekly_target: input.weeklyTarget,
      from_week: fromWeek,
      created_at: now.toISOString(),
      created_by: actor.id,
    });
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'visit.target_set',
      recordType: 'visit_target',
      recordId: id,
      detail: { weeklyTarget: input.weeklyTarget, fromWeek },
      requestId,
    });
  });
  return visitTarget(ctx);
}
