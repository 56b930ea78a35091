import type { Matter, Placard } from '../../contract/org';
import type { Receipt, Rating, ResidentTicket, SubmitTicket } from '../../contract/tickets';
import { apiGet, apiRequest } from '../shared/api-client';

/** What the photo upload answers. */
export interface UploadedPhoto {
  id: string;
  width: number;
  height: number;
}

const enc = encodeURIComponent;

/** The placard of one building. */
export function fetchPlacard(token: string, signal?: AbortSignal): Promise<Placard> {
  return apiGet<Placard>(`/api/public/placards/${enc(token)}`, signal);
}

let mattersPromise: Promise<Matter[]> | null = null;

/** The catalogue of enforcement matters, fetched once per page load. */
export function fetchMatters(): Promise<Matter[]> {
  mattersPromise ??= apiGet<{ items: Matter[] }>('/api/public/matters').then(
    (body) => body.items,
    (error: unknown) => {
      mattersPromise = null;
      throw error;
    },
  );
  return mattersPromise;
}

/** Uploads one photo before the ticket is submitted. */
export function uploadPhoto(file: File): Promise<UploadedPhoto> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<UploadedPhoto>('POST', '/api/public/photos', { form });
}

/** Submits a ticket; the same key on a retry returns the same ticket instead of a second one. */
export function submitTicket(body: SubmitTicket, idempotencyKey: string): Promise<Receipt> {
  return apiRequest<Receipt>('POST', '/api/public/tickets', {
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** The resident's own ticket, read through the private follow link. */
export function fetchResidentTicket(accessToken: string, signal?: AbortSignal) {
  return apiGet<ResidentTicket>(`/api/public/tickets/${enc(accessToken)}`, signal);
}

/** Rates the answer; the ticket comes back closed. */
export function rateTicket(accessToken: string, rating: Rating, comment?: string) {
  return apiRequest<ResidentTicket>('POST', `/api/public/tickets/${enc(accessToken)}/rating`, {
    body: comment ? { rating, comment } : { rating },
  });
}

/** Where the browser loads one photo of the resident's ticket. */
export function residentPhotoUrl(accessToken: string, photoId: string): string {
  return `/api/public/tickets/${enc(accessToken)}/photos/${enc(photoId)}`;
}
