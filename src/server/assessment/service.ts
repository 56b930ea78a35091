// The street assessment (实施办法 六(三)): every street's scores and rank for a period, and the
// records behind each number. What is scored and why is in docs/assessment.md.
import type {
  Drilldown,
  DrilldownQuery,
  DrilldownRecord,
  IndicatorKey,
  Scores,
  StreetScore,
} from '../../contract/assessment.js';
import { indicatorKeys } from '../../contract/assessment.js';
import type { IndicatorCounts } from '../../domain/assessment/indicators.js';
import { parsePeriod, type Period } from '../../domain/assessment/period.js';
import { ticketIndicators } from '../../domain/assessment/records.js';
import { rankStreets, scoreStreet } from '../../domain/assessment/scoring.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { surveySatisfaction } from '../surveys/service.js';
import {
  indicatorCounts,
  indicatorEntries,
  loadPeriodRecords,
  type PeriodRecords,
} from './records.js';
import { schemeFor } from './scheme.js';
import * as store from './store.js';
import { countTicketIndicators, type TicketCounts } from './ticket-counts.js';

/** The period of a key, refusing one that has not begun. */
export function periodOf(ctx: AppContext, key: string): Period {
  const period = parsePeriod(key);
  if (!period) {
    throw new AppError('validation_failed', [
      fieldIssue('period', '期间应为 2026、2026-Q3 或 2026-09', 'period: 2026, 2026-Q3 or 2026-09'),
    ]);
  }
  if (period.from > ctx.now()) {
    throw new AppError('validation_failed', [
      fieldIssue('period', '期间尚未开始', 'the period has not begun'),
    ]);
  }
  return period;
}

function presentPeriod(period: Period) {
  return { key: period.key, from: period.from.toISOString(), to: period.to.toISOString() };
}

/** Survey satisfaction: (满意 + 基本满意) / answered, from the survey campaigns. */
async function surveyCounts(ctx: AppContext, streetId: string, period: Period) {
  const s = await surveySatisfaction(ctx, {
    streetId,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
  });
  return { numerator: s.satisfied + s.basicallySatisfied, denominator: s.answered };
}

const noTickets: IndicatorCounts = { numerator: 0, denominator: 0 };

/** A street's counts: the tickets' from the database, the others' from the loaded records. */
async function streetCounts(
  ctx: AppContext,
  records: PeriodRecords,
  tickets: TicketCounts | undefined,
  streetId: string,
): Promise<Record<IndicatorKey, IndicatorCounts>> {
  const entries = indicatorKeys.map((k) => {
    const counted = ticketIndicators.includes(k)
      ? (tickets?.[k] ?? noTickets)
      : indicatorCounts(records, k, streetId);
    return [k, counted] as const;
  });
  const counts = Object.fromEntries(entries) as Record<IndicatorKey, IndicatorCounts>;
  counts.survey_satisfaction = await surveyCounts(ctx, streetId, records.period);
  return counts;
}

/** Every street's scores for a period, ranked; the ranking is shared with every street. */
export async function assessmentScores(ctx: AppContext, periodKey: string): Promise<Scores> {
  const period = periodOf(ctx, periodKey);
  const now = ctx.now();
  const streets = await store.listStreets(ctx.db);
  const [scheme, records, tickets] = await Promise.all([
    schemeFor(ctx, period.firstMonth),
    loadPeriodRecords(ctx.db, period, now, { tickets: false }),
    countTicketIndicators(
      ctx.db,
      period,
      now,
      streets.map((s) => s.id),
    ),
  ]);
  const scored: StreetScore[] = [];
  for (const s of streets) {
    const counts = await streetCounts(ctx, records, tickets.get(s.id), s.id);
    scored.push(scoreStreet({ streetId: s.id, streetName: s.name }, counts, scheme.body));
  }
  return {
    period: presentPeriod(period),
    schemeVersion: scheme.version,
    streets: rankStreets(scored),
  };
}

/** A street admin sees the records of their own street only; the bureau and auditors all. */
function checkDrilldownAccess(actor: StaffActor, streetId: string): void {
  if (actor.role === 'street_admin' && actor.streetId !== streetId) {
    throw new AppError('forbidden');
  }
}

function presentRecord(e: DrilldownRecord): DrilldownRecord {
  const { kind, id, label, status, counted, times, value } = e;
  return { kind, id, label, status, counted, times, value };
}

/** The records behind one number: what the denominator holds, each marked if it counts. */
export async function assessmentDrilldown(
  ctx: AppContext,
  actor: StaffActor,
  query: DrilldownQuery,
): Promise<Drilldown> {
  const period = periodOf(ctx, query.period);
  checkDrilldownAccess(actor, query.streetId);
  const streets = await store.listStreets(ctx.db);
  if (!streets.some((s) => s.id === query.streetId)) {
    throw new AppError('not_found');
  }

  // One street's records, read as rows so the list and its counts are the same records.
  const records = await loadPeriodRecords(ctx.db, period, ctx.now(), {
    streetId: query.streetId,
    tickets: ticketIndicators.includes(query.indicator),
  });
  const counts =
    query.indicator === 'survey_satisfaction'
      ? await surveyCounts(ctx, query.streetId, period)
      : indicatorCounts(records, query.indicator, query.streetId);
  const all = indicatorEntries(records, query.indicator).filter(
    (e) => e.streetId === query.streetId,
  );
  const start = (query.page - 1) * query.pageSize;
  return {
    period: presentPeriod(period),
    streetId: query.streetId,
    indicator: query.indicator,
    ...counts,
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
    records: all.slice(start, start + query.pageSize).map(presentRecord),
  };
}
