import type { Matter } from '../../../contract/org';
import type {
  BuildingOption,
  ClueReceipt,
  Department,
  DepartmentReferral,
  DepartmentReferralFilter,
  DepartmentReferralList,
  ReferralStep,
  SendReferrals,
  StaffReferral,
  SubmitClue,
} from '../../../contract/referrals';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** The departments a ticket can be referred to. */
export const fetchDepartments = (signal?: AbortSignal) =>
  apiGet<{ items: Department[] }>('/api/staff/departments', signal).then((body) => body.items);

/** The referrals of one ticket, oldest first. */
export const fetchTicketReferrals = (ticketId: string, signal?: AbortSignal) =>
  apiGet<{ items: StaffReferral[] }>(`/api/staff/tickets/${enc(ticketId)}/referrals`, signal).then(
    (body) => body.items,
  );

/** Sends one request to each department named; the answer is the ticket's referrals after. */
export const postReferrals = (ticketId: string, body: SendReferrals) =>
  apiRequest<{ items: StaffReferral[] }>('POST', `/api/staff/tickets/${enc(ticketId)}/referrals`, {
    body,
  }).then((answer) => answer.items);

/** Delivers one failed referral again. */
export const retryReferral = (referralId: string) =>
  apiRequest<StaffReferral>('POST', `/api/staff/referrals/${enc(referralId)}/retry`, { body: {} });

export const staffReferralPhotoUrl = (referralId: string, photoId: string) =>
  `/api/staff/referrals/${enc(referralId)}/photos/${enc(photoId)}`;

/** One page of the referrals delivered to the signed-in department. */
export function fetchDepartmentReferrals(
  filter: DepartmentReferralFilter,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
) {
  const query = new URLSearchParams({
    status: filter,
    page: String(page),
    pageSize: String(pageSize),
  });
  return apiGet<DepartmentReferralList>(`/api/dept/referrals?${query.toString()}`, signal);
}

export const fetchDepartmentReferral = (id: string, signal?: AbortSignal) =>
  apiGet<DepartmentReferral>(`/api/dept/referrals/${enc(id)}`, signal);

/** Takes one step on a referral; the answer is the referral after it. */
export const postReferralStep = (id: string, step: ReferralStep, body: Record<string, unknown>) =>
  apiRequest<DepartmentReferral>('POST', `/api/dept/referrals/${enc(id)}/${step}`, { body });

export const departmentPhotoUrl = (referralId: string, photoId: string) =>
  `/api/dept/referrals/${enc(referralId)}/photos/${enc(photoId)}`;

/** Where a photo is uploaded: officers through the photo pipeline, departments through theirs. */
export type UploadTarget = '/api/public/photos' | '/api/dept/photos';

/** Uploads one photo; the answer names the kept, re-encoded photo. */
export function uploadReferralPhoto(target: UploadTarget, file: File) {
  const form = new FormData();
  form.append('file', file);
  return apiRequest<{ id: string; width: number; height: number }>('POST', target, { form });
}

/** Buildings whose name, address or community contains the text. */
export const searchBuildings = (text: string, signal?: AbortSignal) =>
  apiGet<{ items: BuildingOption[] }>(`/api/dept/buildings?q=${enc(text)}`, signal).then(
    (body) => body.items,
  );

/** The matter catalogue, for the clue form. */
export const fetchMatterCatalogue = (signal?: AbortSignal) =>
  apiGet<{ items: Matter[] }>('/api/public/matters', signal).then((body) => body.items);

/** Sends a clue; the same idempotency key answers with the same ticket. */
export const postClue = (body: SubmitClue, idempotencyKey: string) =>
  apiRequest<ClueReceipt>('POST', '/api/dept/clues', {
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
