import type { IssueOpen311Key, IssuedOpen311Key, Open311Key } from '../../../contract/open311';
import { apiGet, apiRequest } from '../../shared/api-client';

/** Every partner key, newest first (bureau admin). */
export function fetchKeys(signal: AbortSignal): Promise<{ items: Open311Key[] }> {
  return apiGet<{ items: Open311Key[] }>('/api/staff/open311/keys', signal);
}

/** Issues a key; the answer holds the key itself, shown once. */
export function issueKey(body: IssueOpen311Key): Promise<IssuedOpen311Key> {
  return apiRequest<IssuedOpen311Key>('POST', '/api/staff/open311/keys', { body });
}

/** Revokes a key at once. */
export function revokeKey(id: string): Promise<Open311Key> {
  return apiRequest<Open311Key>('POST', `/api/staff/open311/keys/${encodeURIComponent(id)}/revoke`);
}
