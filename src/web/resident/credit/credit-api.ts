import type {
  CreditApplication,
  CreditReceipt,
  CreditStanding,
  ResidentCreditRepair,
} from '../../../contract/credit';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** The class and earliest repair day of a decision, by its number and the party's ID number. */
export function checkCredit(decisionNo: string, idNumber: string): Promise<CreditStanding> {
  return apiRequest<CreditStanding>('POST', '/api/public/credit/check', {
    body: { decisionNo, idNumber },
  });
}

/** Files an application with the uploaded materials. */
export function applyForRepair(body: CreditApplication): Promise<CreditReceipt> {
  return apiRequest<CreditReceipt>('POST', '/api/public/credit/applications', { body });
}

/** The resident's application through its private status link. */
export function fetchRepair(token: string, signal?: AbortSignal) {
  return apiGet<ResidentCreditRepair>(`/api/public/credit/r/${enc(token)}`, signal);
}

/** Hands in the materials the officer asked for. */
export function resubmitMaterials(token: string, materials: { item: string; photoId: string }[]) {
  return apiRequest<ResidentCreditRepair>('POST', `/api/public/credit/r/${enc(token)}/materials`, {
    body: { materials },
  });
}

/** Where the result letter downloads. */
export function letterUrl(token: string): string {
  return `/api/public/credit/r/${enc(token)}/letter.pdf`;
}
