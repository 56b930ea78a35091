import type {
  AddPlacardPoint,
  MarkPrintedResult,
  PlacardCheck,
  PlacardCheckResult,
  PlacardRegister,
  PlacardRegisterRow,
  PlacardScopeTree,
  RotateTokenResult,
} from '../../../contract/placards';
import { toApiError } from '../../shared/api-error';
import { apiGet, apiRequest } from '../../shared/api-client';

const enc = encodeURIComponent;

/** A community, or a whole street when no community is chosen. */
export interface ScopeChoice {
  street: string;
  community: string;
}

/** What the register page asks for besides the scope. */
export interface RegisterFilter {
  needsReprint: boolean;
  notCheckedDays: number | null;
  page: number;
  pageSize: number;
}

/** The scope as the server's query names it: exactly one of the two codes. */
export function scopeQuery(scope: ScopeChoice): URLSearchParams {
  return new URLSearchParams(
    scope.community ? { communityCode: scope.community } : { streetCode: scope.street },
  );
}

export const fetchPlacardScopes = (signal?: AbortSignal) =>
  apiGet<PlacardScopeTree>('/api/staff/placards/scopes', signal);

/** One page of the register of a community or street. */
export function fetchRegister(scope: ScopeChoice, filter: RegisterFilter, signal?: AbortSignal) {
  const query = scopeQuery(scope);
  query.set('page', String(filter.page));
  query.set('pageSize', String(filter.pageSize));
  if (filter.needsReprint) {
    query.set('needsReprint', 'true');
  }
  if (filter.notCheckedDays) {
    query.set('notCheckedDays', String(filter.notCheckedDays));
  }
  return apiGet<PlacardRegister>(`/api/staff/placards/register?${query.toString()}`, signal);
}

export const scopePdfPath = (scope: ScopeChoice) =>
  `/api/staff/placards/pdf?${scopeQuery(scope).toString()}`;

export const buildingPdfPath = (buildingId: string) =>
  `/api/staff/placards/buildings/${enc(buildingId)}/pdf`;

function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

/**
 * Fetches a PDF and hands it to the browser as a download; a refusal (a missing font, no
 * buildings) is thrown as the ApiError the page shows, instead of downloading the error.
 */
export async function downloadPdf(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw toApiError(response.status, body);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the address is released.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}

/** Records that these rows' placards were printed, each building with the version shown. */
export function postMarkPrinted(rows: readonly PlacardRegisterRow[]) {
  const byBuilding = new Map(rows.map((r) => [r.building.id, r.version]));
  const buildings = [...byBuilding].map(([id, version]) => ({ id, version }));
  return apiRequest<MarkPrintedResult>('POST', '/api/staff/placards/mark-printed', {
    body: { buildings },
  });
}

export const postPoint = (body: AddPlacardPoint) =>
  apiRequest<PlacardRegisterRow>('POST', '/api/staff/placards/points', { body });

export const patchPoint = (id: string, body: { pointNo?: string; placement?: string }) =>
  apiRequest<PlacardRegisterRow>('PATCH', `/api/staff/placards/points/${enc(id)}`, { body });

export const postCheck = (id: string, body: { result: PlacardCheckResult; note?: string }) =>
  apiRequest<PlacardRegisterRow>('POST', `/api/staff/placards/points/${enc(id)}/checks`, {
    body,
  });

export const fetchChecks = (id: string, signal?: AbortSignal) =>
  apiGet<{ items: PlacardCheck[] }>(`/api/staff/placards/points/${enc(id)}/checks`, signal).then(
    (body) => body.items,
  );

export const postRotate = (buildingId: string) =>
  apiRequest<RotateTokenResult>(
    'POST',
    `/api/staff/placards/buildings/${enc(buildingId)}/rotate-token`,
    { body: {} },
  );
