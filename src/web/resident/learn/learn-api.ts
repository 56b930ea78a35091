import {
  educationTopicNames,
  educationTopics,
  type EducationKind,
  type EducationTopic,
  type PublicEventList,
  type PublicItem,
  type PublicItemList,
} from '../../../contract/education';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** The filters of the list as the address carries them. */
export interface LearnFilter {
  topic?: EducationTopic;
  kind?: EducationKind;
  q?: string;
  page: number;
}

/** One page of published items. */
export function fetchItems(filter: LearnFilter, signal?: AbortSignal): Promise<PublicItemList> {
  const query = new URLSearchParams({ page: String(filter.page), pageSize: '20' });
  for (const key of ['topic', 'kind', 'q'] as const) {
    const value = filter[key];
    if (value) {
      query.set(key, value);
    }
  }
  return apiGet<PublicItemList>(`/api/public/education/items?${query.toString()}`, signal);
}

/** One published item. */
export function fetchItem(id: string, signal?: AbortSignal): Promise<PublicItem> {
  return apiGet<PublicItem>(`/api/public/education/items/${enc(id)}`, signal);
}

/** Counts this opening of the page; the answer is the new count. */
export function countView(id: string): Promise<{ viewCount: number }> {
  return apiRequest<{ viewCount: number }>('POST', `/api/public/education/items/${enc(id)}/views`);
}

/** One page of published events. */
export function fetchEvents(page: number, signal?: AbortSignal): Promise<PublicEventList> {
  return apiGet<PublicEventList>(`/api/public/education/events?page=${page}&pageSize=20`, signal);
}

/**
 * The topic an address names, by code or by its Chinese name (the matter catalogue links with
 * `/learn?topic=群租`); undefined for anything else.
 */
export function topicOfParam(value: string | null): EducationTopic | undefined {
  const byName = educationTopicNames.findIndex((name) => name === value);
  return educationTopics.find((code, i) => code === value || i === byName);
}
