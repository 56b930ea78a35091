import type {
  BuildingFile,
  BuildingList,
  ClearFlag,
  RecordReinspection,
  Reinspection,
  ReinspectionFilter,
  ReinspectionList,
} from '../../../contract/buildings';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** One page of the buildings the officer reaches: by part of a name or address, or flagged. */
export function fetchBuildings(
  query: { q: string; flagged: boolean; page: number; pageSize: number },
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({
    page: String(query.page),
    pageSize: String(query.pageSize),
  });
  if (query.q.trim()) {
    params.set('q', query.q.trim());
  }
  if (query.flagged) {
    params.set('flagged', 'true');
  }
  return apiGet<BuildingList>(`/api/staff/buildings?${params.toString()}`, signal);
}

/** A building's file with the newest page of its timeline, or the page before `before`. */
export function fetchBuildingFile(id: string, before: string | null, signal?: AbortSignal) {
  const query = before ? `?before=${enc(before)}` : '';
  return apiGet<BuildingFile>(`/api/staff/buildings/${enc(id)}/file${query}`, signal);
}

/** One page of the re-inspections of the officer's buildings. */
export function fetchReinspections(
  query: { status: ReinspectionFilter; page: number; pageSize: number },
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({
    status: query.status,
    page: String(query.page),
    pageSize: String(query.pageSize),
  });
  return apiGet<ReinspectionList>(`/api/staff/reinspections?${params.toString()}`, signal);
}

/** Records a re-inspection's result; the answer is the re-inspection after it. */
export const postReinspectionResult = (id: string, body: RecordReinspection) =>
  apiRequest<Reinspection>('POST', `/api/staff/reinspections/${enc(id)}/result`, { body });

/** Clears a building's flag; the answer is the building file after it. */
export const postClearFlag = (id: string, body: ClearFlag) =>
  apiRequest<BuildingFile>('POST', `/api/staff/buildings/${enc(id)}/flag/clear`, { body });

/** Where a re-inspection's photo is served. */
export const reinspectionPhotoUrl = (id: string, photoId: string) =>
  `/api/staff/reinspections/${enc(id)}/photos/${enc(photoId)}`;
