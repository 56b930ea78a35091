// The audit trail's calls, kept beside the page rather than in staff-api.ts: only auditors and
// the bureau admin use them.
import type { AuditActor, AuditPage } from '../../../contract/audit';
import { apiGet } from '../../shared/api-client';
import { auditQuery, type AuditFilter } from './audit-filter';

/** One page of the audit trail, newest first. */
export function fetchAuditTrail(
  filter: AuditFilter,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
) {
  const query = auditQuery(filter, page, pageSize);
  return apiGet<AuditPage>(`/api/staff/audit?${query.toString()}`, signal);
}

/** The staff members who appear in the trail, for the person filter. */
export const fetchAuditActors = (signal?: AbortSignal) =>
  apiGet<{ items: AuditActor[] }>('/api/staff/audit/actors', signal).then((body) => body.items);
