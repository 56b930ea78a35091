// Every refusal of the Open311 interface in the specification's shape: 404 for what does not
// exist, 403 for a wrong or missing api_key, 400 for everything else that cannot be done, and
// 429 with Retry-After when a key or address asks too often.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, fieldIssue, httpStatusOf, messageOf } from '../errors.js';
import { RateLimitedError } from '../rate-limits/service.js';
import { formatOfUrl, sendOpen311Errors, type Open311Error } from './render.js';

/** A refusal naming the field that is wrong, in Chinese and English. */
export function badField(field: string, zh: string, en: string): AppError {
  return new AppError('validation_failed', [fieldIssue(field, zh, en)]);
}

/** A thing that does not exist (an unknown service, request, token or jurisdiction). */
export function notFound(field: string, zh: string, en: string): AppError {
  return new AppError('not_found', [fieldIssue(field, zh, en)]);
}

/** A missing, unknown or revoked api_key. */
export function keyRefused(zh: string, en: string): AppError {
  return new AppError('forbidden', [fieldIssue('api_key', zh, en)]);
}

/** The status the specification wants: 403, 404 and 429 stay, every other refusal is 400. */
function statusOf(status: number): number {
  return [403, 404, 429].includes(status) || status >= 500 ? status : 400;
}

function describe(error: AppError, status: number): Open311Error[] {
  if (error.details && error.details.length > 0) {
    return error.details.map((d) => ({
      code: status,
      description: `${d.field}: ${d.message} / ${d.messageEn}`,
    }));
  }
  const [zh, en] = messageOf[error.code];
  return [{ code: status, description: `${zh} / ${en}` }];
}

/** The status and error list of anything a route threw. */
export function open311ErrorsOf(error: unknown): { status: number; errors: Open311Error[] } {
  if (error instanceof AppError) {
    const status = statusOf(httpStatusOf[error.code]);
    return { status, errors: describe(error, status) };
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const errors = fastifyError.validation.map((v) => {
      const where = v.instancePath.replace(/^\//, '') || 'request';
      return { code: 400, description: `${where}: 参数无效 / ${v.message ?? 'invalid'}` };
    });
    return { status: 400, errors };
  }
  const given = fastifyError.statusCode ?? 500;
  if (given >= 500) {
    return { status: 500, errors: [{ code: 500, description: '内部错误 / Internal error' }] };
  }
  return {
    status: 400,
    errors: [{ code: 400, description: `请求有误 / ${fastifyError.message}` }],
  };
}

/** The error handler of the Open311 routes: the spec's error list, in the URL's format. */
export function handleOpen311Error(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const { status, errors } = open311ErrorsOf(error);
  if (status >= 500) {
    request.log.error({ err: error }, 'open311 request failed');
  } else {
    request.log.debug({ status }, 'open311 request refused');
  }
  if (error instanceof RateLimitedError) {
    void reply.header('retry-after', String(error.retryAfterSeconds));
  }
  return sendOpen311Errors(reply, formatOfUrl(request.url), status, errors);
}
