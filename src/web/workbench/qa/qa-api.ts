import type { Matter } from '../../../contract/org';
import type { EditQa, PublishQa, QaDraft, StaffQa, StaffQaList } from '../../../contract/qa';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** The pre-filled draft of a consultation's Q&A. */
export const fetchQaDraft = (ticketId: string, signal?: AbortSignal) =>
  apiGet<QaDraft>(`/api/staff/tickets/${enc(ticketId)}/qa-draft`, signal);

/** Publishes a consultation as a Q&A (or republishes the one made from it). */
export const postQa = (body: PublishQa) => apiRequest<StaffQa>('POST', '/api/staff/qa', { body });

/** Corrects an entry. */
export const patchQa = (id: string, body: EditQa) =>
  apiRequest<StaffQa>('PATCH', `/api/staff/qa/${enc(id)}`, { body });

/** Takes an entry off the public pages, or puts it back. */
export const setQaPublished = (id: string, publish: boolean) =>
  apiRequest<StaffQa>('POST', `/api/staff/qa/${enc(id)}/${publish ? 'publish' : 'unpublish'}`);

/** One page of every entry. */
export function fetchStaffQa(
  query: { page: number; status: string; q: string },
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({
    page: String(query.page),
    pageSize: '20',
    status: query.status,
  });
  if (query.q) {
    params.set('q', query.q);
  }
  return apiGet<StaffQaList>(`/api/staff/qa?${params.toString()}`, signal);
}

/** The matter catalogue, for the matter of an entry. */
export const fetchQaMatters = (signal?: AbortSignal) =>
  apiGet<{ items: Matter[] }>('/api/public/matters', signal).then((body) => body.items);
