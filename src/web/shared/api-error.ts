import type { ErrorCode, FieldIssue } from '../../contract/common';

/** A server error code, or `network_error` when no answer arrived at all. */
export type ClientErrorCode = ErrorCode | 'network_error';

/** A failed API call, carrying the code the interface translates and the wrong fields. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    readonly details: readonly FieldIssue[],
    readonly requestId: string | null,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

function isFieldIssue(value: unknown): value is FieldIssue {
  const issue = value as Partial<FieldIssue> | null;
  return typeof issue?.field === 'string' && typeof issue.message === 'string';
}

function fallbackCode(status: number): ErrorCode {
  if (status === 404) {
    return 'not_found';
  }
  if (status === 413) {
    return 'payload_too_large';
  }
  if (status === 429) {
    return 'rate_limited';
  }
  return status >= 500 ? 'service_unavailable' : 'bad_request';
}

/**
 * Reads the `{ error, message, details, requestId }` body; anything else gets a code from the
 * status.
 */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = body as { error?: unknown; details?: unknown; requestId?: unknown } | null;
  const code =
    typeof parsed?.error === 'string' ? (parsed.error as ErrorCode) : fallbackCode(status);
  const details = Array.isArray(parsed?.details) ? parsed.details.filter(isFieldIssue) : [];
  const requestId = typeof parsed?.requestId === 'string' ? parsed.requestId : null;
  return new ApiError(status, code, details, requestId);
}
