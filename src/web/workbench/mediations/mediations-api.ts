import type { Mediation, MediationList } from '../../../contract/mediation-views';
import type { MediationFilter, MediationStep, OpenMediation } from '../../../contract/mediations';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** One page of the mediations the officer may see; `ticketId` keeps those of one ticket. */
export function fetchMediations(
  query: { status: MediationFilter; page: number; pageSize: number; ticketId?: string },
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({
    status: query.status,
    page: String(query.page),
    pageSize: String(query.pageSize),
  });
  if (query.ticketId) {
    params.set('ticketId', query.ticketId);
  }
  return apiGet<MediationList>(`/api/staff/mediations?${params.toString()}`, signal);
}

export const fetchMediation = (id: string, signal?: AbortSignal) =>
  apiGet<Mediation>(`/api/staff/mediations/${enc(id)}`, signal);

/** Opens a mediation; the answer is the new mediation. */
export const postMediation = (body: OpenMediation) =>
  apiRequest<Mediation>('POST', '/api/staff/mediations', { body });

/** Takes one step; the answer is the mediation after it. */
export const postMediationStep = (id: string, step: MediationStep, body: object) =>
  apiRequest<Mediation>('POST', `/api/staff/mediations/${enc(id)}/steps/${step}`, { body });

/** Where the agreement PDF downloads from; every download is an audited read. */
export const agreementPdfUrl = (id: string) => `/api/staff/mediations/${enc(id)}/agreement.pdf`;
