import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, FieldIssue } from '../../contract/common.js';
import { AppError, httpStatusOf, messageOf } from '../errors.js';
import { isDatabaseUnavailable } from './db-unavailable.js';
import { fieldIssuesOf } from './validation-messages.js';

/** Fastify's own error codes, each mapped to ours. */
const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_PARTS_LIMIT: 'too_many_files',
  FST_FILES_LIMIT: 'too_many_files',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_ERR_RATE_LIMIT: 'rate_limited',
};

/** What a 503 asks the client to wait before it sends the request again (with its key). */
export const RETRY_AFTER_SECONDS = 5;

/** Sends the one error body shape: `{ error, message, details?, requestId }`. */
export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  details?: FieldIssue[],
): FastifyReply {
  const [zh, en] = messageOf[code];
  if (code === 'service_unavailable') {
    // A held lock or a database restart clears within seconds (docs/reliability.md).
    void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  }
  return reply
    .status(httpStatusOf[code])
    .header('cache-control', 'no-store')
    .send({
      error: code,
      message: `${zh} / ${en}`,
      ...(details ? { details } : {}),
      requestId: request.id,
    });
}

// The multipart parser reports a body cut short or garbled with a plain Error: the client's
// fault, so 400 rather than 500.
const malformedMultipart = [
  'Unexpected end of multipart data',
  'terminated early due to unexpected end of multipart data',
  'Multipart: Boundary not found',
];

const bodyIssue: FieldIssue = {
  field: '(body)',
  message: '不是有效的 JSON',
  messageEn: 'is not valid JSON',
};

/** A body or a file over its limit, named as the field it came in. */
function tooLarge(field: string): FieldIssue {
  return { field, message: '超过了大小上限', messageEn: 'is larger than allowed' };
}

function classify(error: FastifyError): { code: ErrorCode; details?: FieldIssue[] } {
  if (error instanceof AppError) {
    return { code: error.code, details: error.details };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      ...(v.params as object),
      code: v.keyword,
      message: v.message ?? '',
      path: v.instancePath.split('/').filter((p) => p !== ''),
    }));
    const where = error.validationContext === 'body' ? '' : (error.validationContext ?? '');
    return { code: 'validation_failed', details: fieldIssuesOf(issues, where) };
  }
  const mapped = error.code ? frameworkCodes[error.code] : undefined;
  if (mapped === 'malformed_json') {
    return { code: mapped, details: [bodyIssue] };
  }
  if (mapped === 'payload_too_large') {
    const field = error.code === 'FST_REQ_FILE_TOO_LARGE' ? 'file' : '(body)';
    return { code: mapped, details: [tooLarge(field)] };
  }
  if (mapped) {
    return { code: mapped };
  }
  if (malformedMultipart.some((m) => error.message.includes(m))) {
    return { code: 'bad_request' };
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return { code: error.message.includes('JSON') ? 'malformed_json' : 'bad_request' };
  }
  if (error.statusCode === 413) {
    return { code: 'payload_too_large', details: [tooLarge('(body)')] };
  }
  if (error.statusCode === 415) {
    return { code: 'unsupported_media_type' };
  }
  if (isDatabaseUnavailable(error)) {
    return { code: 'service_unavailable' };
  }
  return { code: 'internal_error' };
}

/** Installs the one map from thrown errors to HTTP answers; user input never yields a 500. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { code, details } = classify(error);
    if (code === 'internal_error' || code === 'service_unavailable') {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.debug({ code }, 'request refused');
    }
    return sendError(reply, request, code, details);
  });
}

/**
 * Errors the router raises before any handler (a malformed URL, an over-long path parameter),
 * answered in the same shape as every other error.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const code: ErrorCode = error.code === 'FST_ERR_BAD_URL' ? 'bad_request' : 'not_found';
  request.log.debug({ code: error.code }, 'request refused by the router');
  void sendError(reply, request, code);
}
