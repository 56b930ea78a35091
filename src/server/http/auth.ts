import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffRole } from '../../contract/auth.js';
import { resolveSession, type StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';

/** The session cookie: httpOnly, SameSite=Lax, Secure behind HTTPS. */
export const SESSION_COOKIE = 'linli_session';

/** Cookie options for the session cookie. */
export function sessionCookieOptions(ctx: AppContext) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.settings.secureCookies,
    maxAge: ctx.settings.sessionAbsoluteHours * 3600,
  };
}

/** The signed-in staff member, or a 401 `not_authenticated`. */
export async function requireStaff(
  ctx: AppContext,
  request: FastifyRequest,
  roles?: readonly StaffRole[],
): Promise<StaffActor> {
  const actor = await sessionActorOf(ctx, request);
  if (!actor) {
    throw new AppError('not_authenticated');
  }
  if (roles && !roles.includes(actor.role)) {
    throw new AppError('forbidden');
  }
  return actor;
}

// The access-policy hook (access-policy.ts) and the handler both ask for the actor: one session
// lookup per request serves both.
const actorOfRequest = new WeakMap<FastifyRequest, Promise<StaffActor | null>>();

function sessionActorOf(ctx: AppContext, request: FastifyRequest): Promise<StaffActor | null> {
  let actor = actorOfRequest.get(request);
  if (!actor) {
    const token = request.cookies[SESSION_COOKIE];
    actor = token ? resolveSession(ctx, token) : Promise.resolve(null);
    actorOfRequest.set(request, actor);
  }
  return actor;
}

/**
 * A preValidation hook that settles who may call a route before its query or body is validated,
 * so that a role without access gets 403 whatever it sends, not a lesson in the input's form.
 */
export function staffOnlyFirst(ctx: AppContext, roles: readonly StaffRole[]) {
  return async (request: FastifyRequest): Promise<void> => {
    await requireStaff(ctx, request, roles);
  };
}

/** Clears the session cookie on the reply. */
export function clearSessionCookie(reply: FastifyReply, ctx: AppContext): void {
  reply.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(ctx), maxAge: undefined });
}
