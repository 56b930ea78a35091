import type { TicketList } from '../../../contract/tickets';
import { apiRequest } from '../../shared/api-client';

/**
 * The tickets a reporter's phone filed, for street and bureau admins. The number goes in a POST
 * body, never in a URL, and the server audits every lookup.
 */
export const lookupByPhone = (phone: string, page: number, pageSize: number) =>
  apiRequest<TicketList>('POST', '/api/staff/tickets/search-by-phone', {
    body: { phone, page, pageSize },
  });
