import type {
  CreateMeeting,
  EditMeeting,
  Meeting,
  MeetingKind,
  MeetingList,
} from '../../../contract/meetings';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** One page of the meetings the officer may see, latest first. */
export function fetchMeetings(
  query: { page: number; pageSize: number; kind?: MeetingKind },
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({
    page: String(query.page),
    pageSize: String(query.pageSize),
  });
  if (query.kind) {
    params.set('kind', query.kind);
  }
  return apiGet<MeetingList>(`/api/staff/meetings?${params.toString()}`, signal);
}

export const fetchMeeting = (id: string, signal?: AbortSignal) =>
  apiGet<Meeting>(`/api/staff/meetings/${enc(id)}`, signal);

/** Records a meeting; the same idempotency key answers with the same meeting. */
export const postMeeting = (body: CreateMeeting, idempotencyKey: string) =>
  apiRequest<Meeting>('POST', '/api/staff/meetings', {
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });

/** Corrects a meeting (its author, within the edit window). */
export const patchMeeting = (id: string, body: EditMeeting) =>
  apiRequest<Meeting>('PATCH', `/api/staff/meetings/${enc(id)}`, { body });
