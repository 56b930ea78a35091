import type { Scores } from '../../../contract/assessment';
import type {
  ByCommunity,
  ByMatter,
  DashboardStreets,
  Overdue,
  Ratings,
  Records,
  Trend,
} from '../../../contract/dashboard';
import { apiGet } from '../../shared/api-client';

/** The range and street the dashboard counts over; no street: the whole scope. */
export interface DashboardRange {
  from: string;
  to: string;
  streetId?: string;
}

function query(params: Record<string, string | undefined>): string {
  const defined = Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]));
  return new URLSearchParams(defined).toString();
}

/** Everything the dashboard page shows, loaded together. */
export interface DashboardData {
  trend: Trend;
  byCommunity: ByCommunity;
  byMatter: ByMatter;
  ratings: Ratings;
  overdue: Overdue;
}

/** Loads the five aggregates of a range at once. */
export async function fetchDashboard(
  range: DashboardRange,
  granularity: 'week' | 'month',
  signal: AbortSignal,
): Promise<DashboardData> {
  const q = query({ from: range.from, to: range.to, streetId: range.streetId });
  const base = '/api/staff/dashboard';
  const [trend, byCommunity, byMatter, ratings, overdue] = await Promise.all([
    apiGet<Trend>(`${base}/trend?${q}&granularity=${granularity}`, signal),
    apiGet<ByCommunity>(`${base}/by-community?${q}`, signal),
    apiGet<ByMatter>(`${base}/by-matter?${q}`, signal),
    apiGet<Ratings>(`${base}/ratings?${q}`, signal),
    apiGet<Overdue>(`${base}/overdue?${query({ streetId: range.streetId })}`, signal),
  ]);
  return { trend, byCommunity, byMatter, ratings, overdue };
}

/** The tickets behind a bar of the community chart. */
export function fetchRecords(
  range: DashboardRange & { communityId?: string; matterCode?: string },
  signal: AbortSignal,
): Promise<Records> {
  return apiGet<Records>(`/api/staff/dashboard/records?${query({ ...range })}`, signal);
}

/** The streets the street picker offers. */
export function fetchStreets(signal: AbortSignal): Promise<DashboardStreets> {
  return apiGet<DashboardStreets>('/api/staff/dashboard/streets', signal);
}

/** The assessment ranking of a period (2026-Q3), from the scoring engine. */
export function fetchScores(period: string, signal: AbortSignal): Promise<Scores> {
  return apiGet<Scores>(
    `/api/staff/assessment/scores?period=${encodeURIComponent(period)}`,
    signal,
  );
}
