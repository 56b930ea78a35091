// HTTP of the Open311 GeoReport v2 interface under /open311/v2: the format comes from the file
// extension, bodies are form-encoded, and every refusal is the specification's error list.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  open311DiscoverySchema,
  open311ErrorsSchema,
  open311FormatParamsSchema,
  open311IdParamsSchema,
  open311PostBodySchema,
  open311PostResultSchema,
  open311RequestSchema,
  open311RequestsQuerySchema,
  open311ServiceDefinitionSchema,
  open311ServiceSchema,
  open311TokenResultSchema,
  open311UpdateBodySchema,
  open311UpdatePostResultSchema,
  open311UpdateSchema,
  open311UpdatesQuerySchema,
  type Open311Format,
} from '../../contract/open311.js';
import type { AppContext } from '../context.js';
import { discoveryOf, OPEN311_BASE } from './discovery.js';
import { handleOpen311Error } from './errors.js';
import { parseForm, type FormValues } from './form.js';
import { chargeRead } from './keys.js';
import { getOpen311Request, listOpen311Requests, resolveOpen311Token } from './read.js';
import { sendOpen311, sendOpen311Errors, formatOfUrl, type XmlShape } from './render.js';
import { getServiceDefinition, listServices } from './services.js';
import { submitOpen311Request } from './submit.js';
import { listOpen311Updates, pushOpen311Update } from './updates.js';

const tags = ['open311'];
/** What the document says of every route: the format the extension names, JSON or XML. */
const described = { tags, produces: ['application/json', 'text/xml'] };
/** The bodies a POST takes: the specification's form encoding, or JSON. */
const posted = {
  ...described,
  consumes: ['application/x-www-form-urlencoded', 'application/json'],
};
const errors = { 400: open311ErrorsSchema, 403: open311ErrorsSchema, 404: open311ErrorsSchema };
const requestsShape: XmlShape = { root: 'service_requests', item: 'request' };

function originOf(ctx: AppContext, request: FastifyRequest): string {
  return ctx.settings.publicBaseUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
}

function valuesOf(input: unknown): FormValues {
  return (input ?? {}) as FormValues;
}

function registerReads(r: FastifyInstance, ctx: AppContext): void {
  const app = r.withTypeProvider<ZodTypeProvider>();
  const formatOnly = { params: open311FormatParamsSchema };
  const read = async (request: FastifyRequest) => {
    await chargeRead(ctx, request.ip);
  };

  app.get(
    '/discovery.:format',
    {
      schema: { ...described, ...formatOnly, response: { 200: open311DiscoverySchema, ...errors } },
    },
    async (request, reply) =>
      sendOpen311(reply, request.params.format, discoveryOf(originOf(ctx, request)), {
        root: 'discovery',
        lists: { endpoints: 'endpoint', formats: 'format' },
      }),
  );
  app.get(
    '/services.:format',
    {
      schema: {
        ...described,
        ...formatOnly,
        response: { 200: z.array(open311ServiceSchema), ...errors },
      },
    },
    async (request, reply) =>
      sendOpen311(reply, request.params.format, listServices(), {
        root: 'services',
        item: 'service',
      }),
  );
  app.get(
    '/services/:id.:format',
    {
      schema: {
        ...described,
        params: open311IdParamsSchema,
        response: { 200: open311ServiceDefinitionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const definition = await getServiceDefinition(ctx, request.params.id);
      return sendOpen311(reply, request.params.format, definition, {
        root: 'service_definition',
        lists: { attributes: 'attribute', values: 'value' },
      });
    },
  );
  app.get(
    '/requests.:format',
    {
      preHandler: read,
      schema: {
        ...described,
        ...formatOnly,
        querystring: open311RequestsQuerySchema,
        response: { 200: z.array(open311RequestSchema), ...errors },
      },
    },
    async (request, reply) => {
      const list = await listOpen311Requests(ctx, valuesOf(request.query));
      return sendOpen311(reply, request.params.format, list, requestsShape);
    },
  );
  app.get(
    '/requests/:id.:format',
    {
      preHandler: read,
      schema: {
        ...described,
        params: open311IdParamsSchema,
        response: { 200: z.array(open311RequestSchema), ...errors },
      },
    },
    async (request, reply) => {
      const one = await getOpen311Request(ctx, request.params.id, valuesOf(request.query));
      return sendOpen311(reply, request.params.format, one, requestsShape);
    },
  );
  app.get(
    '/tokens/:id.:format',
    {
      preHandler: read,
      schema: {
        ...described,
        params: open311IdParamsSchema,
        response: { 200: z.array(open311TokenResultSchema), ...errors },
      },
    },
    async (request, reply) => {
      const found = await resolveOpen311Token(ctx, request.params.id);
      return sendOpen311(reply, request.params.format, found, requestsShape);
    },
  );
  app.get(
    '/servicerequestupdates.:format',
    {
      preHandler: read,
      schema: {
        ...described,
        ...formatOnly,
        querystring: open311UpdatesQuerySchema,
        response: { 200: z.array(open311UpdateSchema), ...errors },
      },
    },
    async (request, reply) => {
      const updates = await listOpen311Updates(ctx, valuesOf(request.query));
      return sendOpen311(reply, request.params.format, updates, {
        root: 'service_request_updates',
        item: 'request_update',
      });
    },
  );
}

function registerWrites(r: FastifyInstance, ctx: AppContext): void {
  const app = r.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/requests.:format',
    {
      schema: {
        ...posted,
        params: open311FormatParamsSchema,
        body: open311PostBodySchema,
        response: { 200: z.array(open311PostResultSchema), ...errors },
      },
    },
    async (request, reply) => {
      const result = await submitOpen311Request(ctx, valuesOf(request.body));
      return sendOpen311(reply, request.params.format, [result], requestsShape);
    },
  );
  app.post(
    '/servicerequestupdates.:format',
    {
      schema: {
        ...posted,
        params: open311FormatParamsSchema,
        body: open311UpdateBodySchema,
        response: { 200: z.array(open311UpdatePostResultSchema), ...errors },
      },
    },
    async (request, reply) => {
      const result = await pushOpen311Update(ctx, valuesOf(request.body));
      return sendOpen311(reply, request.params.format, [result], {
        root: 'service_request_updates',
        item: 'request_update',
      });
    },
  );
}

function unknownResource(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const format: Open311Format = formatOfUrl(request.url);
  const description = '没有该资源 / No such resource';
  return sendOpen311Errors(reply, format, 404, [{ code: 404, description }]);
}

/** Registers the Open311 interface under /open311/v2 with its own parsers and error answers. */
export function registerOpen311Routes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(
    (scope, _options, done) => {
      scope.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string' },
        (_request, body, next) => {
          next(null, parseForm(String(body)));
        },
      );
      scope.setErrorHandler(handleOpen311Error);
      scope.setNotFoundHandler(unknownResource);
      registerReads(scope, ctx);
      registerWrites(scope, ctx);
      done();
    },
    { prefix: OPEN311_BASE },
  );
}
