import type { CodeSent, MyRequestList, ReceiptStatus } from '../../../contract/my-requests';
import { apiGet, apiRequest } from '../../shared/api-client';

/** Asks for an SMS code to the phone; the answer is the same whether or not it filed anything. */
export function requestCode(phone: string): Promise<CodeSent> {
  return apiRequest<CodeSent>('POST', '/api/public/mine/code', { body: { phone } });
}

/** Checks the code; on success the server sets the session cookie of /api/public/mine. */
export function verifyCode(phone: string, code: string): Promise<null> {
  return apiRequest<null>('POST', '/api/public/mine/verify', { body: { phone, code } });
}

/** Every request of the verified phone, newest first. */
export function fetchMyRequests(signal?: AbortSignal): Promise<MyRequestList> {
  return apiGet<MyRequestList>('/api/public/mine', signal);
}

/** Ends the verified phone's session. */
export function logout(): Promise<null> {
  return apiRequest<null>('POST', '/api/public/mine/logout');
}

/** The state of the one request with this receipt code (POST, so no code in a URL or log). */
export function lookUpReceipt(code: string): Promise<ReceiptStatus> {
  return apiRequest<ReceiptStatus>('POST', '/api/public/mine/receipt', { body: { code } });
}
