import type {
  EducationStatus,
  Media,
  StaffEvent,
  StaffEventList,
  StaffItem,
  StaffItemList,
  WriteEvent,
  WriteItem,
} from '../../../contract/education';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** One page of the items the officer may see, optionally of one status. */
export function fetchItems(
  page: number,
  status: EducationStatus | undefined,
  signal?: AbortSignal,
) {
  const query = new URLSearchParams({ page: String(page), pageSize: '20' });
  if (status) {
    query.set('status', status);
  }
  return apiGet<StaffItemList>(`/api/staff/education/items?${query.toString()}`, signal);
}

/** One item with its Markdown source and what the officer may do with it. */
export const fetchItem = (id: string, signal?: AbortSignal) =>
  apiGet<StaffItem>(`/api/staff/education/items/${enc(id)}`, signal);

/** Saves a new draft, or the changes of an existing one. */
export function saveItem(id: string | null, body: WriteItem): Promise<StaffItem> {
  return id
    ? apiRequest<StaffItem>('PUT', `/api/staff/education/items/${enc(id)}`, { body })
    : apiRequest<StaffItem>('POST', '/api/staff/education/items', { body });
}

/** One review step of an item; reject and unpublish carry the reason. */
export function stepItem(
  id: string,
  step: 'submit' | 'approve' | 'reject' | 'unpublish',
  reason?: string,
): Promise<StaffItem> {
  return apiRequest<StaffItem>('POST', `/api/staff/education/items/${enc(id)}/${step}`, {
    body: reason === undefined ? undefined : { reason },
  });
}

/** The server's rendering of Markdown, the same the public page shows. */
export const previewMarkdown = (body: string) =>
  apiRequest<{ html: string }>('POST', '/api/staff/education/preview', { body: { body } });

/** Uploads a picture (through the photo pipeline) or an MP4 video. */
export function uploadMedia(kind: 'images' | 'videos', file: File): Promise<Media> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<Media>('POST', `/api/staff/education/${kind}`, { form });
}

/** One page of the events the officer may see. */
export const fetchEvents = (page: number, signal?: AbortSignal) =>
  apiGet<StaffEventList>(`/api/staff/education/events?page=${page}&pageSize=20`, signal);

/** One event. */
export const fetchEvent = (id: string, signal?: AbortSignal) =>
  apiGet<StaffEvent>(`/api/staff/education/events/${enc(id)}`, signal);

/** Saves a new event, or the changes of an existing one. */
export function saveEvent(id: string | null, body: WriteEvent): Promise<StaffEvent> {
  return id
    ? apiRequest<StaffEvent>('PUT', `/api/staff/education/events/${enc(id)}`, { body })
    : apiRequest<StaffEvent>('POST', '/api/staff/education/events', { body });
}
