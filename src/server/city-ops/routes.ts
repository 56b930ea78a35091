import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cityOpsOrderSchema,
  cityOpsReceiptSchema,
  cityOpsSignatureHeader,
  cityOpsTimestampHeader,
} from '../../contract/city-ops.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { errorResponses } from '../http/error-responses.js';
import { receiveOrder } from './intake.js';
import { verifySignature } from './signature.js';

/** Every route of the platform lives under this prefix: it authenticates by signature alone. */
export const cityOpsPrefix = '/api/integrations/city-ops/';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as it came, for the signature; set only on the platform's routes. */
    cityOpsRawBody?: string;
  }
}

const signedHeadersSchema = z.object({
  [cityOpsTimestampHeader]: z.string().describe('Unix time in seconds when the body was signed'),
  [cityOpsSignatureHeader]: z
    .string()
    .describe('sha256=<hex>: HMAC-SHA256 of `${timestamp}.${rawBody}` with the shared secret'),
});

/** Keeps the raw text for the signature; malformed JSON is reported after the signature check. */
function parseRaw(request: FastifyRequest, body: string): unknown {
  request.cityOpsRawBody = body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** The webhook of the city-operations platform (docs/city-operations.md). */
export function registerCityOpsRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app.register((scope, _options, done) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, next) => {
      next(null, parseRaw(request, body as string));
    });
    scope.addHook('preValidation', (request, _reply, next) => {
      const { secret } = ctx.cityOps;
      if (!secret) {
        next(new AppError('service_unavailable'));
        return;
      }
      try {
        const raw = request.cityOpsRawBody ?? '';
        verifySignature({ ...ctx.cityOps, secret }, request.headers, raw, ctx.now());
      } catch (error) {
        next(error as Error);
        return;
      }
      next(request.body === undefined ? new AppError('malformed_json') : undefined);
    });
    registerOrderRoute(scope, ctx);
    done();
  });
}

function registerOrderRoute(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    `${cityOpsPrefix}orders`,
    {
      schema: {
        tags: ['integrations'],
        summary: 'A work order of the city-operations platform (12345 派单)',
        headers: signedHeadersSchema,
        body: cityOpsOrderSchema,
        response: {
          200: cityOpsReceiptSchema.describe('a repeat of an order already filed'),
          201: cityOpsReceiptSchema.describe('the order is filed as a ticket'),
          ...errorResponses(400, 401, 409, 413, 415, 422, 503),
        },
      },
    },
    async (request, reply) => {
      const receipt = await receiveOrder(ctx, request.body, request.id);
      return reply.status(receipt.duplicate ? 200 : 201).send(receipt);
    },
  );
}
