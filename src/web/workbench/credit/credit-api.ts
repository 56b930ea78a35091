import type {
  CaseCredit,
  CreditRepairList,
  CreditRepairStepName,
  StaffCreditRepair,
} from '../../../contract/credit';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;
const base = '/api/staff/credit/applications';

/** One page of applications with a status filter. */
export function fetchCreditRepairs(
  query: { status: string; page: number; pageSize: number },
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({
    status: query.status,
    page: String(query.page),
    pageSize: String(query.pageSize),
  });
  return apiGet<CreditRepairList>(`${base}?${params.toString()}`, signal);
}

/** One application. */
export function fetchCreditRepair(id: string, signal?: AbortSignal) {
  return apiGet<StaffCreditRepair>(`${base}/${enc(id)}`, signal);
}

/** One staff step with its body. */
export function postCreditStep(id: string, step: CreditRepairStepName, body: object) {
  return apiRequest<StaffCreditRepair>('POST', `${base}/${enc(id)}/steps/${step}`, { body });
}

/** Where a material file is shown. */
export function materialUrl(id: string, fileId: string): string {
  return `${base}/${enc(id)}/files/${enc(fileId)}`;
}

/** Where the result letter downloads. */
export function staffLetterUrl(id: string): string {
  return `${base}/${enc(id)}/letter.pdf`;
}

/** A case's credit standing. */
export function fetchCaseCredit(caseId: string, signal?: AbortSignal) {
  return apiGet<CaseCredit>(`/api/staff/cases/${enc(caseId)}/credit`, signal);
}

/** Sets a case's class with a reason. */
export function putCaseClass(caseId: string, body: { creditClass: string; reason: string }) {
  return apiRequest<CaseCredit>('PUT', `/api/staff/cases/${enc(caseId)}/credit-class`, { body });
}
