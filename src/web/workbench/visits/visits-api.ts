import type { TicketFieldWork } from '../../../contract/meetings';
import type {
  BuildingChoice,
  Compliance,
  CreateVisit,
  EditVisit,
  FieldPlaces,
  SetVisitTarget,
  Visit,
  VisitList,
  VisitTarget,
} from '../../../contract/visits';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** Where the signed-in officer may record field work, and whom they may name. */
export const fetchFieldPlaces = (signal?: AbortSignal) =>
  apiGet<FieldPlaces>('/api/staff/field-places', signal);

/** The live buildings of a community the officer may record in. */
export const fetchBuildings = (communityId: string, signal?: AbortSignal) =>
  apiGet<{ items: BuildingChoice[] }>(
    `/api/staff/field-places/${enc(communityId)}/buildings`,
    signal,
  ).then((body) => body.items);

/** What the visit list asks for. */
export interface VisitQuery {
  page: number;
  pageSize: number;
  week?: string;
  liaisonId?: string;
}

/** One page of the visits the officer may see, latest first. */
export function fetchVisits(query: VisitQuery, signal?: AbortSignal) {
  const params = new URLSearchParams({
    page: String(query.page),
    pageSize: String(query.pageSize),
  });
  for (const name of ['week', 'liaisonId'] as const) {
    const value = query[name];
    if (value) {
      params.set(name, value);
    }
  }
  return apiGet<VisitList>(`/api/staff/visits?${params.toString()}`, signal);
}

export const fetchVisit = (id: string, signal?: AbortSignal) =>
  apiGet<Visit>(`/api/staff/visits/${enc(id)}`, signal);

/** Logs a visit; the same idempotency key answers with the same visit. */
export const postVisit = (body: CreateVisit, idempotencyKey: string) =>
  apiRequest<Visit>('POST', '/api/staff/visits', {
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });

/** Corrects a visit (its author, within the edit window). */
export const patchVisit = (id: string, body: EditVisit) =>
  apiRequest<Visit>('PATCH', `/api/staff/visits/${enc(id)}`, { body });

export const visitPhotoUrl = (visitId: string, photoId: string) =>
  `/api/staff/visits/${enc(visitId)}/photos/${enc(photoId)}`;

/** The compliance table for a week (default the current one) and the weeks before it. */
export function fetchCompliance(week: string | null, weeks: number, signal?: AbortSignal) {
  const params = new URLSearchParams({ weeks: String(weeks) });
  if (week) {
    params.set('week', week);
  }
  return apiGet<Compliance>(`/api/staff/visit-compliance?${params.toString()}`, signal);
}

export const fetchVisitTarget = (signal?: AbortSignal) =>
  apiGet<VisitTarget>('/api/staff/visit-target', signal);

/** The bureau sets the weekly visit target from a week on. */
export const putVisitTarget = (body: SetVisitTarget) =>
  apiRequest<VisitTarget>('PUT', '/api/staff/visit-target', { body });

/** The visit that found a ticket and the meetings that produced or settled it. */
export const fetchTicketFieldWork = (ticketId: string, signal?: AbortSignal) =>
  apiGet<TicketFieldWork>(`/api/staff/tickets/${enc(ticketId)}/field-work`, signal);
