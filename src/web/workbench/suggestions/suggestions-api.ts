import type {
  CreateCampaign,
  PublicCampaign,
  StaffSuggestion,
  StaffSuggestionList,
  SuggestionSettings,
  SuggestionSettingsView,
  SuggestionStep,
} from '../../../contract/suggestions';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** One page of the suggestions the officer handles. */
export function fetchSuggestions(
  query: { page: number; status: string; campaignId: string },
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({
    page: String(query.page),
    pageSize: '20',
    status: query.status,
  });
  if (query.campaignId) {
    params.set('campaignId', query.campaignId);
  }
  return apiGet<StaffSuggestionList>(`/api/staff/suggestions?${params.toString()}`, signal);
}

export const fetchSuggestion = (id: string, signal?: AbortSignal) =>
  apiGet<StaffSuggestion>(`/api/staff/suggestions/${enc(id)}`, signal);

/** Takes one step; the answer is the suggestion after it. */
export const postStep = (id: string, step: SuggestionStep, body: object) =>
  apiRequest<StaffSuggestion>('POST', `/api/staff/suggestions/${enc(id)}/steps/${step}`, { body });

export const fetchCampaigns = (signal?: AbortSignal) =>
  apiGet<{ items: PublicCampaign[] }>('/api/public/suggestion-campaigns', signal).then(
    (body) => body.items,
  );

export const postCampaign = (body: CreateCampaign) =>
  apiRequest<PublicCampaign>('POST', '/api/staff/suggestion-campaigns', { body });

export const putReport = (id: string, report: string) =>
  apiRequest<PublicCampaign>('PUT', `/api/staff/suggestion-campaigns/${enc(id)}/report`, {
    body: { report },
  });

export const fetchSettings = (signal?: AbortSignal) =>
  apiGet<SuggestionSettingsView>('/api/staff/suggestion-settings', signal);

export const putSettings = (body: SuggestionSettings) =>
  apiRequest<SuggestionSettingsView>('PUT', '/api/staff/suggestion-settings', { body });
