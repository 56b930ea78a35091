import type { PublicQa, PublicQaList } from '../../../contract/qa';
import { apiGet } from '../../shared/api-client';

/** What the Q&A list asks for: words, a matter, a page. */
export interface QaQuery {
  q: string;
  matterCode: string;
  page: number;
}

/** One page of the published Q&As. */
export function fetchPublicQa(query: QaQuery, signal?: AbortSignal) {
  const params = new URLSearchParams({ page: String(query.page), pageSize: '10' });
  if (query.q) {
    params.set('q', query.q);
  }
  if (query.matterCode) {
    params.set('matterCode', query.matterCode);
  }
  return apiGet<PublicQaList>(`/api/public/qa?${params.toString()}`, signal);
}

/** One published Q&A. */
export function fetchPublicQaEntry(id: string, signal?: AbortSignal) {
  return apiGet<PublicQa>(`/api/public/qa/${encodeURIComponent(id)}`, signal);
}
