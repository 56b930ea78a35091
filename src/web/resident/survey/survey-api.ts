import type { AnswerSurvey, PublicCampaign } from '../../../contract/surveys';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** A survey campaign as a resident sees it. */
export function fetchSurvey(id: string, signal: AbortSignal): Promise<PublicCampaign> {
  return apiGet<PublicCampaign>(`/api/public/surveys/${enc(id)}`, signal);
}

/** The campaigns open now for the street of a placard's building. */
export function fetchPlacardSurveys(
  token: string,
  signal: AbortSignal,
): Promise<{ items: PublicCampaign[] }> {
  return apiGet<{ items: PublicCampaign[] }>(`/api/public/placards/${enc(token)}/surveys`, signal);
}

/** Sends an anonymous answer. */
export function answerSurvey(id: string, body: AnswerSurvey): Promise<{ answered: true }> {
  return apiRequest<{ answered: true }>('POST', `/api/public/surveys/${enc(id)}/answers`, { body });
}
