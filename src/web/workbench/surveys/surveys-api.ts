import type { Campaign, CampaignResults, CreateCampaign } from '../../../contract/surveys';
import { apiGet, apiRequest } from '../../shared/api-client';

/** The campaigns the officer's scope sees. */
export function fetchCampaigns(signal: AbortSignal): Promise<{ items: Campaign[] }> {
  return apiGet<{ items: Campaign[] }>('/api/staff/surveys', signal);
}

/** Creates a campaign (bureau admin). */
export function createCampaign(body: CreateCampaign): Promise<Campaign> {
  return apiRequest<Campaign>('POST', '/api/staff/surveys', { body });
}

/** A campaign's results per street and question. */
export function fetchResults(id: string, signal: AbortSignal): Promise<CampaignResults> {
  return apiGet<CampaignResults>(`/api/staff/surveys/${encodeURIComponent(id)}/results`, signal);
}
