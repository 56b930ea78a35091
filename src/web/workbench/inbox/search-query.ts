import {
  SEARCH_TEXT_MAX,
  ticketChannelPattern,
  ticketKinds,
  type TicketKind,
} from '../../../contract/tickets';
import { normalizePhone } from '../../resident/form/ticket-draft';

/** The search of the inbox as the address bar keeps it; an absent field searches for nothing. */
export interface InboxSearch {
  q?: string;
  kind?: TicketKind;
  matterCode?: string;
  channel?: string;
  /** One street's tickets: the dashboard's overdue chart opens the inbox so (bureau admin). */
  streetId?: string;
}

/** The search in the URL parameters; values the server would refuse are dropped. */
export function readInboxSearch(params: URLSearchParams): InboxSearch {
  const search: InboxSearch = {};
  const q = params.get('q')?.trim();
  if (q && [...q].length <= SEARCH_TEXT_MAX) {
    search.q = q;
  }
  const kind = ticketKinds.find((k) => k === params.get('kind'));
  if (kind) {
    search.kind = kind;
  }
  const matterCode = params.get('matterCode')?.trim();
  if (matterCode && matterCode.length <= 32) {
    search.matterCode = matterCode;
  }
  const channel = params.get('channel');
  if (channel && new RegExp(ticketChannelPattern).test(channel)) {
    search.channel = channel;
  }
  const streetId = params.get('streetId')?.trim();
  if (streetId && streetId.length <= 64) {
    search.streetId = streetId;
  }
  return search;
}

/** The URL parameters of a search: only the fields that are set. */
export function inboxSearchParams(search: InboxSearch): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of ['q', 'kind', 'matterCode', 'channel', 'streetId'] as const) {
    const value = search[name]?.trim();
    if (value) {
      params[name] = value;
    }
  }
  return params;
}

/** A key that changes whenever the search does, for reloading the list. */
export function inboxSearchKey(search: InboxSearch): string {
  return new URLSearchParams(inboxSearchParams(search)).toString();
}

/** A mainland mobile number after normalisation, as the contract's phoneSchema checks it. */
export const mobilePattern = /^1[3-9]\d{9}$/;

/**
 * Whether typed text is a mobile number. Such text never goes into the search box's URL (the
 * address bar, the history and the access log would keep it); the phone lookup posts it instead.
 */
export function isPhoneNumber(text: string): boolean {
  return mobilePattern.test(normalizePhone(text.trim()));
}
