import type {
  Drilldown,
  Exemplary,
  ExemplaryInput,
  IndicatorKey,
  Scheme,
  Scores,
  SetScheme,
} from '../../../contract/assessment';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;
const base = '/api/staff/assessment';

/** Every street's scores for a period. */
export function fetchScores(period: string, signal?: AbortSignal): Promise<Scores> {
  return apiGet(`${base}/scores?period=${enc(period)}`, signal);
}

/** The records behind one number. */
export function fetchDrilldown(
  q: { period: string; streetId: string; indicator: IndicatorKey; page: number },
  signal?: AbortSignal,
): Promise<Drilldown> {
  const query = `period=${enc(q.period)}&streetId=${enc(q.streetId)}&indicator=${q.indicator}`;
  return apiGet(`${base}/drilldown?${query}&page=${String(q.page)}&pageSize=20`, signal);
}

/** The scheme in force and its history. */
export function fetchScheme(signal?: AbortSignal): Promise<Scheme> {
  return apiGet(`${base}/scheme`, signal);
}

/** Saves a new scheme version. */
export function saveScheme(input: SetScheme): Promise<Scheme> {
  return apiRequest('PUT', `${base}/scheme`, { body: input });
}

/** The exemplary work of a period. */
export function fetchExemplary(period: string, signal?: AbortSignal) {
  return apiGet<{ items: Exemplary[] }>(`${base}/exemplary?period=${enc(period)}`, signal);
}

/** Records exemplary work. */
export function createExemplary(input: ExemplaryInput): Promise<Exemplary> {
  return apiRequest('POST', `${base}/exemplary`, { body: input });
}

/** Corrects an exemplary record: its street, title, date of recognition or description. */
export function editExemplary(id: string, input: ExemplaryInput): Promise<Exemplary> {
  return apiRequest('PUT', `${base}/exemplary/${enc(id)}`, { body: input });
}

/** Removes an exemplary record. */
export function deleteExemplary(id: string): Promise<null> {
  return apiRequest('DELETE', `${base}/exemplary/${enc(id)}`);
}

/** Adds an evidence photo to exemplary work. */
export function addEvidence(id: string, file: File): Promise<Exemplary> {
  const form = new FormData();
  form.append('file', file);
  return apiRequest('POST', `${base}/exemplary/${enc(id)}/evidence`, { form });
}

/** Where the export and the report are downloaded. */
export const exportUrl = (period: string) => `${base}/export.xlsx?period=${enc(period)}`;
export const reportUrl = (period: string) => `${base}/report.pdf?period=${enc(period)}`;
export const evidenceUrl = (id: string, fileId: string) =>
  `${base}/exemplary/${enc(id)}/evidence/${enc(fileId)}`;

/** The periods offered: this year, its quarters and months up to now, newest first. */
export function periodChoices(now: Date): string[] {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  const year = shanghai.getUTCFullYear();
  const month = shanghai.getUTCMonth() + 1;
  const months = Array.from(
    { length: month },
    (_, i) => `${String(year)}-${String(month - i).padStart(2, '0')}`,
  );
  const quarters = Array.from(
    { length: Math.ceil(month / 3) },
    (_, i) => `${String(year)}-Q${String(Math.ceil(month / 3) - i)}`,
  );
  return [...months, ...quarters, String(year), String(year - 1)];
}
