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

/** What the resident says of the answer: the rating, whether it solved the problem, a comment. */
export interface RatingInput {
  rating: Rating;
  solved?: boolean;
  comment?: string;
}

/**
 * Rates the answer. The ticket comes back closed, or, after an unsatisfied rating while
 * re-handlings remain, reopened (status `accepted`): the caller shows whatever comes back.
 */
export function rateTicket(accessToken: string, input: RatingInput) {
  const body: RatingInput = { rating: input.rating };
  if (input.solved !== undefined) {
    body.solved = input.solved;
  }
  if (input.comment) {
    body.comment = input.comment;
  }
  return apiRequest<ResidentTicket>('POST', `/api/public/tickets/${enc(accessToken)}/rating`, {
    body,
  });
}

/** The resident says the problem is not solved and asks for it to be handled again (重办). */
export function reopenTicket(accessToken: string, reason: string) {
  return apiRequest<ResidentTicket>('POST', `/api/public/tickets/${enc(accessToken)}/reopen`, {
    body: { reason },
  });
}

/** Where the browser loads one photo of the resident's ticket. */
export function residentPhotoUrl(accessToken: string, photoId: string): string {
  return `/api/public/tickets/${enc(accessToken)}/photos/${enc(photoId)}`;
}
