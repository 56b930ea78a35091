import type { FastifyReply, FastifyRequest } from 'fastify';
import { normalizePhone } from '../../domain/personal-data.js';

/**
 * A preValidation hook: the body's `phone` as a person types it (spaces, +86, full-width digits)
 * is normalised before the schema checks it, as the ticket form's phone is.
 */
export function normalizePhoneField(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: () => void,
): void {
  const body = request.body as { phone?: unknown } | null;
  if (body && typeof body.phone === 'string') {
    body.phone = normalizePhone(body.phone);
  }
  done();
}
