import type { Me } from '../../contract/auth';
import type { CalendarOverride } from '../../contract/calendar';
import type { StaffAction, StaffTicket, StaffTicketRow } from '../../contract/tickets';
import { apiGet, apiRequest } from '../shared/api-client';

const enc = encodeURIComponent;

/** One page of the inbox. */
export interface TicketPage {
  items: StaffTicketRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** A liaison that a ticket can be reassigned to. */
export interface LiaisonOption {
  id: string;
  name: string;
  badgeNo: string;
  rooms: string[];
}

/** The calendar status behind the deadlines. */
export interface CalendarStatus {
  coveredYears: number[];
  fallbackYears: number[];
  overrides: CalendarOverride[];
}

/** The filter values of the inbox: open work, everything, or one status. */
export type InboxFilter = 'open' | 'all' | StaffTicket['status'];

export const login = (username: string, password: string) =>
  apiRequest<Me>('POST', '/api/auth/login', { body: { username, password } });

export const logout = () => apiRequest<unknown>('POST', '/api/auth/logout', { body: {} });

export const fetchMe = (signal?: AbortSignal) => apiGet<Me>('/api/auth/me', signal);

/** The inbox, newest first as the server orders it. */
export function fetchTickets(
  filter: InboxFilter,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
) {
  const query = new URLSearchParams({
    status: filter,
    page: String(page),
    pageSize: String(pageSize),
  });
  return apiGet<TicketPage>(`/api/staff/tickets?${query.toString()}`, signal);
}

export const fetchTicket = (id: string, signal?: AbortSignal) =>
  apiGet<StaffTicket>(`/api/staff/tickets/${enc(id)}`, signal);

/** Takes one step on a ticket; the answer is the ticket after the step. */
export function postAction(id: string, action: StaffAction, body: Record<string, unknown>) {
  return apiRequest<StaffTicket>('POST', `/api/staff/tickets/${enc(id)}/actions/${action}`, {
    body,
  });
}

/** The liaisons a ticket can be handed to: those of the ticket's street. */
export const fetchLiaisons = (ticketId: string) =>
  apiGet<{ items: LiaisonOption[] }>(`/api/staff/liaisons?ticketId=${enc(ticketId)}`).then(
    (body) => body.items,
  );

export const staffPhotoUrl = (ticketId: string, photoId: string) =>
  `/api/staff/tickets/${enc(ticketId)}/photos/${enc(photoId)}`;

export const fetchCalendar = (signal?: AbortSignal) =>
  apiGet<CalendarStatus>('/api/staff/calendar', signal);

export const putOverride = (date: string, kind: CalendarOverride['kind'], note: string) =>
  apiRequest<unknown>('PUT', `/api/staff/calendar/overrides/${enc(date)}`, {
    body: { kind, note },
  });

export const deleteOverride = (date: string) =>
  apiRequest<unknown>('DELETE', `/api/staff/calendar/overrides/${enc(date)}`);
