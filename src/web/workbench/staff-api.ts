import type { LoginResult, Me, TotpEnrolment } from '../../contract/auth';
import type { CalendarOverride } from '../../contract/calendar';
import type {
  StaffAction,
  StaffTicket,
  StaffTicketRow,
  TicketKind,
  Tier,
} from '../../contract/tickets';
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

/** A workroom a returned ticket can be routed to. */
export interface RoomOption {
  id: string;
  name: string;
  community: string;
  street: string;
}

/** The calendar status behind the deadlines. */
export interface CalendarStatus {
  coveredYears: number[];
  fallbackYears: number[];
  /** Years the package lacks whose holidays the bureau entered and confirmed complete. */
  confirmedYears: number[];
  overrides: CalendarOverride[];
}

/** The filter values of the inbox: open work, everything, or one status. */
export type InboxFilter = 'open' | 'all' | StaffTicket['status'];

/** The tier filter of the inbox: every tier, or one. */
export type TierFilter = 'all' | Tier;

/** The deadline filter of the inbox: any, due within 24 hours, or past due. */
export type DueFilter = 'any' | 'soon' | 'overdue';

/** What the inbox asks the server for. */
export interface InboxQuery {
  status: InboxFilter;
  tier: TierFilter;
  due: DueFilter;
  page: number;
  pageSize: number;
  /** The search of the inbox (src/web/workbench/inbox/search-filters.tsx); absent is none. */
  q?: string;
  kind?: TicketKind;
  matterCode?: string;
  channel?: string;
  /** One street's tickets (the dashboard's overdue chart); only the bureau admin names any. */
  streetId?: string;
}

export const login = (username: string, password: string) =>
  apiRequest<LoginResult>('POST', '/api/auth/login', { body: { username, password } });

/** Starts setting up an authenticator (admin roles, first sign-in). */
export const startTotpEnrolment = () =>
  apiRequest<TotpEnrolment>('POST', '/api/auth/totp/enrol', { body: {} });

/** Confirms the authenticator with its first code; answers the one-time recovery codes. */
export const confirmTotp = (code: string) =>
  apiRequest<{ me: Me; recoveryCodes: string[] }>('POST', '/api/auth/totp/confirm', {
    body: { code },
  });

/** Gives the authenticator code (or a recovery code) of a sign-in. */
export const verifyTotp = (code: string) =>
  apiRequest<LoginResult>('POST', '/api/auth/totp/verify', { body: { code } });

export const logout = () => apiRequest<unknown>('POST', '/api/auth/logout', { body: {} });

export const fetchMe = (signal?: AbortSignal) => apiGet<Me>('/api/auth/me', signal);

/** Changes the officer's own password; the server ends their other sessions. */
export const changePassword = (currentPassword: string, newPassword: string) =>
  apiRequest<unknown>('POST', '/api/auth/password', { body: { currentPassword, newPassword } });

/** Registers (or with null removes) the officer's own mobile for notifications. */
export const setMobile = (mobile: string | null) =>
  apiRequest<{ mobileMasked: string | null }>('PUT', '/api/auth/mobile', { body: { mobile } });

/** The inbox, newest first as the server orders it. */
export function fetchTickets(inbox: InboxQuery, signal?: AbortSignal) {
  const query = new URLSearchParams({
    status: inbox.status,
    due: inbox.due,
    page: String(inbox.page),
    pageSize: String(inbox.pageSize),
  });
  if (inbox.tier !== 'all') {
    query.set('tier', inbox.tier);
  }
  for (const name of ['q', 'kind', 'matterCode', 'channel', 'streetId'] as const) {
    const value = inbox[name];
    if (value) {
      query.set(name, value);
    }
  }
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

/** The workrooms a returned ticket can be routed to. */
export const fetchRooms = (ticketId: string) =>
  apiGet<{ items: RoomOption[] }>(`/api/staff/rooms?ticketId=${enc(ticketId)}`).then(
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

/** Confirms (or withdraws) that every holiday and swapped working day of a year is entered. */
export const putYearComplete = (year: number, complete: boolean) =>
  apiRequest<CalendarStatus>('PUT', `/api/staff/calendar/years/${year}`, { body: { complete } });
