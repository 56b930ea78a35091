import type { PublicMatter, PublicMatterList } from '../../../contract/matters';
import { apiGet } from '../../shared/api-client';

/** The matters in force whose texts contain `q` (all of them for an empty query). */
export function fetchPublicMatters(q: string, signal?: AbortSignal): Promise<PublicMatter[]> {
  const query = q.trim() === '' ? '' : `?q=${encodeURIComponent(q.trim())}`;
  return apiGet<PublicMatterList>(`/api/public/matters${query}`, signal).then((b) => b.items);
}

/** One matter in force; a retired or unknown code answers not_found. */
export function fetchPublicMatter(code: string, signal?: AbortSignal): Promise<PublicMatter> {
  return apiGet<PublicMatter>(`/api/public/matters/${encodeURIComponent(code)}`, signal);
}
