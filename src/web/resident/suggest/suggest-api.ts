import type {
  AdoptedList,
  PublicCampaign,
  ResidentSuggestion,
  SubmitSuggestion,
  SuggestionReceipt,
} from '../../../contract/suggestions';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** Every campaign, the latest deadline first. */
export function fetchCampaigns(signal?: AbortSignal) {
  return apiGet<{ items: PublicCampaign[] }>('/api/public/suggestion-campaigns', signal).then(
    (body) => body.items,
  );
}

/** One campaign. */
export function fetchCampaign(id: string, signal?: AbortSignal) {
  return apiGet<PublicCampaign>(`/api/public/suggestion-campaigns/${enc(id)}`, signal);
}

/** Sends a suggestion; the answer is the receipt with the private link. */
export function submitSuggestion(body: SubmitSuggestion) {
  return apiRequest<SuggestionReceipt>('POST', '/api/public/suggestions', { body });
}

/** The proposer's own suggestion, through the private link. */
export function fetchMySuggestion(token: string, signal?: AbortSignal) {
  return apiGet<ResidentSuggestion>(`/api/public/suggestions/${enc(token)}`, signal);
}

/** The adopted suggestions made public, of one campaign or all. */
export function fetchAdopted(campaignId: string | null, signal?: AbortSignal) {
  const query = campaignId ? `?campaignId=${enc(campaignId)}&pageSize=50` : '?pageSize=50';
  return apiGet<AdoptedList>(`/api/public/adopted-suggestions${query}`, signal);
}
