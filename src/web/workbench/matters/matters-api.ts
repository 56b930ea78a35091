import type {
  CreateMatter,
  EditMatter,
  MatterHistory,
  MatterStateChange,
  StaffMatter,
  StaffMatterList,
} from '../../../contract/matters';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** The whole catalogue, retired matters too, whose texts contain `q`. */
export const fetchStaffMatters = (q: string, signal?: AbortSignal): Promise<StaffMatter[]> =>
  apiGet<StaffMatterList>(
    `/api/staff/matters${q.trim() ? `?q=${enc(q.trim())}` : ''}`,
    signal,
  ).then((body) => body.items);

/** One matter with every revision, newest first. */
export const fetchMatterHistory = (code: string, signal?: AbortSignal) =>
  apiGet<MatterHistory>(`/api/staff/matters/${enc(code)}`, signal);

/** Adds a matter; the answer is its history (revision 1). */
export const postMatter = (body: CreateMatter) =>
  apiRequest<MatterHistory>('POST', '/api/staff/matters', { body });

/** Saves an edit as the next revision. */
export const putMatter = (code: string, body: EditMatter) =>
  apiRequest<MatterHistory>('PUT', `/api/staff/matters/${enc(code)}`, { body });

/** Retires (`retire`) or restores (`restore`) a matter. */
export const postMatterState = (
  code: string,
  change: 'retire' | 'restore',
  body: MatterStateChange,
) => apiRequest<MatterHistory>('POST', `/api/staff/matters/${enc(code)}/${change}`, { body });
