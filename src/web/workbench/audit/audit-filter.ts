import { dayEnd, dayStart, isDay } from './audit-days';

/** The filters of the audit page as they stand in the address bar. */
export interface AuditFilter {
  actorId?: string;
  recordType?: string;
  recordId?: string;
  /** Shanghai days, 2026-03-02, both included. */
  fromDay?: string;
  toDay?: string;
}

const names = ['actorId', 'recordType', 'recordId', 'fromDay', 'toDay'] as const;

/** Reads the filters from the address bar, dropping empty values and malformed days. */
export function readAuditFilter(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  for (const name of names) {
    const value = params.get(name)?.trim();
    if (value && (!name.endsWith('Day') || isDay(value))) {
      filter[name] = value;
    }
  }
  return filter;
}

/** The filters as address-bar values, without the empty ones. */
export function filterParams(filter: AuditFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = filter[name]?.trim();
    if (value) {
      out[name] = value;
    }
  }
  return out;
}

/** The query of GET /api/staff/audit for the filters and page. */
export function auditQuery(filter: AuditFilter, page: number, pageSize: number): URLSearchParams {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (filter.actorId) {
    query.set('actorId', filter.actorId);
  }
  if (filter.recordType) {
    query.set('recordType', filter.recordType);
  }
  if (filter.recordId) {
    query.set('recordId', filter.recordId);
  }
  if (filter.fromDay) {
    query.set('from', dayStart(filter.fromDay));
  }
  if (filter.toDay) {
    query.set('to', dayEnd(filter.toDay));
  }
  return query;
}
