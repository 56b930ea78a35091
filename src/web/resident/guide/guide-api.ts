import type { GuidePlaces, GuideTimeLimits } from '../../../contract/guide';
import { apiGet } from '../../shared/api-client';

/** The buildings a search text finds, with their rooms and liaisons. */
export function fetchPlaces(q: string, signal?: AbortSignal): Promise<GuidePlaces> {
  return apiGet<GuidePlaces>(`/api/public/guide/places?q=${encodeURIComponent(q)}`, signal);
}

/** The working-day limits of each kind of request in force now. */
export function fetchTimeLimits(signal?: AbortSignal): Promise<GuideTimeLimits> {
  return apiGet<GuideTimeLimits>('/api/public/guide/time-limits', signal);
}
