import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createStaffSchema,
  resetPasswordSchema,
  staffAccountSchema,
  staffAdminListSchema,
  type StaffRole,
} from '../../contract/auth.js';
import type { AppContext } from '../context.js';
import { requireStaff, staffOnlyFirst } from '../http/auth.js';
import { errorResponses } from '../http/error-responses.js';
import * as admin from './admin.js';

const system: readonly StaffRole[] = ['system_admin'];
const security: readonly StaffRole[] = ['security_admin'];
const errors = errorResponses(400, 401, 403, 422);
const idParams = z.object({ id: z.string().min(1).max(64) });

/**
 * The system administrator's accounts (/api/admin/staff) and the security administrator's
 * lockouts, sessions and second factors (/api/security/…); each only for its one role.
 */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const list = { 200: z.object({ items: z.array(staffAccountSchema) }), ...errors };
  const none = { 204: z.null(), ...errors };
  const tags = ['admin'];

  const adminList = { 200: staffAdminListSchema, ...errors };
  r.get('/api/admin/staff', { schema: { tags, response: adminList } }, async (request) => {
    await requireStaff(ctx, request, system);
    return {
      items: await admin.listAccounts(ctx, 'all'),
      streets: await admin.listStreets(ctx),
      passwordMinLength: ctx.identity.passwordMinLength,
    };
  });
  r.post(
    '/api/admin/staff',
    {
      preValidation: staffOnlyFirst(ctx, system),
      schema: {
        tags,
        body: createStaffSchema,
        response: { 201: z.object({ id: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, system);
      return reply.status(201).send(await admin.createAccount(ctx, actor, request.body));
    },
  );
  for (const [path, active] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    r.post(
      `/api/admin/staff/:id/${path}`,
      { schema: { tags, params: idParams, response: none } },
      async (request, reply) => {
        const actor = await requireStaff(ctx, request, system);
        await admin.setAccountActive(ctx, actor, request.params.id, active);
        return reply.status(204).send(null);
      },
    );
  }
  r.post(
    '/api/admin/staff/:id/password',
    {
      preValidation: staffOnlyFirst(ctx, system),
      schema: { tags, params: idParams, body: resetPasswordSchema, response: none },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, system);
      await admin.resetAccountPassword(ctx, actor, request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );

  r.get('/api/security/lockouts', { schema: { tags, response: list } }, async (request) => {
    await requireStaff(ctx, request, security);
    return { items: await admin.listAccounts(ctx, 'locked') };
  });
  r.get('/api/security/staff', { schema: { tags, response: list } }, async (request) => {
    await requireStaff(ctx, request, security);
    return { items: await admin.listAccounts(ctx, 'all') };
  });
  const securitySteps = {
    unlock: admin.unlockAccount,
    'end-sessions': admin.endAccountSessions,
    'totp-reset': admin.resetSecondFactor,
  };
  for (const [path, step] of Object.entries(securitySteps)) {
    r.post(
      `/api/security/staff/:id/${path}`,
      { schema: { tags, params: idParams, response: none } },
      async (request, reply) => {
        const actor = await requireStaff(ctx, request, security);
        await step(ctx, actor, request.params.id);
        return reply.status(204).send(null);
      },
    );
  }
}
