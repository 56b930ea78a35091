import type { RevealedReporter } from '../../../contract/reporter';
import { apiRequest } from '../../shared/api-client';

/**
 * Asks for the reporter's full number with a reason; the server writes the audit entry before it
 * answers. The answer is kept in component state only, never in storage or a cache.
 */
export function revealReporter(ticketId: string, reason: string): Promise<RevealedReporter> {
  return apiRequest<RevealedReporter>(
    'POST',
    `/api/staff/tickets/${encodeURIComponent(ticketId)}/reporter/reveal`,
    { body: { reason } },
  );
}
