import { ApiError, toApiError } from './api-error';

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data instead of a JSON body. */
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The readable cookie the server keeps the session's CSRF token in (docs/security.md). */
const CSRF_COOKIE = 'linli_csrf';

/** The CSRF token of the current session, or null when the browser has none. */
export function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) {
      return decodeURIComponent(value.join('='));
    }
  }
  return null;
}

function buildInit(method: string, options: RequestOptions): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const token = method === 'GET' || method === 'HEAD' ? null : csrfToken();
  if (token) {
    // Proof that this page, not another site, sends the request (every state change).
    headers['x-csrf-token'] = token;
  }
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  return { method, headers, body, signal: options.signal, credentials: 'same-origin' };
}

/** Calls the API and returns the parsed answer; any failure becomes an ApiError. */
export async function apiRequest<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, buildInit(method, options));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'network_error', [], null);
  }

  const body = await readJson(response);
  if (!response.ok) {
    throw toApiError(response.status, body);
  }
  return body as T;
}

/** Shorthand for a GET. */
export function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>('GET', path, { signal });
}
