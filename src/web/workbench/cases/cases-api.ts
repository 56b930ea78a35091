import type { CaseRulesBody, CaseStep, RegisterCase } from '../../../contract/cases';
import type { CaseList, MaskedParty, StaffCase } from '../../../contract/case-views';
import type { Matter } from '../../../contract/org';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** What the case list asks the server for. */
export interface CaseQuery {
  status: string;
  due: 'any' | 'overdue';
  page: number;
  pageSize: number;
  ticketId?: string;
}

/** One page of cases, newest first. */
export function fetchCases(query: CaseQuery, signal?: AbortSignal) {
  const params = new URLSearchParams({
    status: query.status,
    due: query.due,
    page: String(query.page),
    pageSize: String(query.pageSize),
  });
  if (query.ticketId) {
    params.set('ticketId', query.ticketId);
  }
  return apiGet<CaseList>(`/api/staff/cases?${params.toString()}`, signal);
}

export const fetchCase = (id: string, signal?: AbortSignal) =>
  apiGet<StaffCase>(`/api/staff/cases/${enc(id)}`, signal);

/** Registers a case (立案); the answer is the new case. */
export const postCase = (body: RegisterCase) =>
  apiRequest<StaffCase>('POST', '/api/staff/cases', { body });

/** Takes one step on a case; the answer is the case after it. */
export const postCaseStep = (id: string, step: CaseStep, body: Record<string, unknown>) =>
  apiRequest<StaffCase>('POST', `/api/staff/cases/${enc(id)}/steps/${step}`, { body });

/** Adds uploaded photos as evidence with what they show. */
export const postEvidence = (id: string, photoIds: string[], caption: string) =>
  apiRequest<StaffCase>('POST', `/api/staff/cases/${enc(id)}/evidence`, {
    body: { photoIds, caption },
  });

export const evidenceUrl = (caseId: string, photoId: string) =>
  `/api/staff/cases/${enc(caseId)}/evidence/${enc(photoId)}`;

/** The party's full details; the server audits every reveal. */
export const revealParty = (id: string) =>
  apiRequest<MaskedParty>('POST', `/api/staff/cases/${enc(id)}/party/reveal`, { body: {} });

/** The streets the officer may register a patrol finding in. */
export const fetchCaseStreets = (signal?: AbortSignal) =>
  apiGet<{ items: { id: string; name: string }[] }>('/api/staff/case-streets', signal).then(
    (body) => body.items,
  );

/** The matter catalogue with its legal basis. */
export const fetchMatters = (signal?: AbortSignal) =>
  apiGet<{ items: Matter[] }>('/api/public/matters', signal).then((body) => body.items);

/** The rules of the case clock in force. */
export const fetchCaseRules = (signal?: AbortSignal) =>
  apiGet<CaseRulesBody>('/api/staff/case-rules', signal);

/** Replaces the rules of the case clock (bureau admin only). */
export const putCaseRules = (body: CaseRulesBody) =>
  apiRequest<CaseRulesBody>('PUT', '/api/staff/case-rules', { body });
