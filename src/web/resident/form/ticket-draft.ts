import {
  DESCRIPTION_MAX,
  PERSON_NAME_MAX,
  type SubmitTicket,
  type TicketKind,
} from '../../../contract/tickets';
import { textLength } from '../../shared/text-length';

/** What the resident has typed so far. */
export interface TicketDraft {
  kind: TicketKind | null;
  matterCode: string;
  description: string;
  phone: string;
  reporterName: string;
}

export const emptyDraft: TicketDraft = {
  kind: null,
  matterCode: '',
  description: '',
  phone: '',
  reporterName: '',
};

/** A field of the form, named as the server names it in `details[].field`. */
export type DraftField =
  'kind' | 'matterCode' | 'description' | 'photoIds' | 'phone' | 'reporterName';

/** Letters, marks, the middle dot, dots, hyphens, apostrophes and spaces, as the server checks. */
const namePattern = /^[\p{L}\p{M}][\p{L}\p{M}·•.'\- ]*$/u;

/**
 * Full-width digits, spaces, dashes and zero-width characters out, and a +86 prefix off, the way
 * the server normalises; a phone number pasted from a contact card then passes.
 */
export function normalizePhone(raw: string): string {
  const ascii = raw.replace(/[\uff10-\uff19]/g, (d) =>
    String.fromCharCode(d.charCodeAt(0) - 0xfee0),
  );
  const digits = ascii.replace(/[\s\u200b-\u200d\ufeff()-]/g, '');
  return digits.replace(/^(\+86|0086)(?=1\d{10}$)/, '');
}

/** Locale keys of what is wrong before anything is sent. */
export function checkDraft(
  draft: TicketDraft,
  photosPending: boolean,
): Partial<Record<DraftField, string>> {
  const problems: Partial<Record<DraftField, string>> = {};
  if (!draft.kind) {
    problems.kind = 'form.kind.required';
  }
  const length = textLength(draft.description.trim());
  if (length === 0) {
    problems.description = 'form.description.required';
  } else if (length > DESCRIPTION_MAX) {
    problems.description = 'form.description.too_long';
  }
  const phone = normalizePhone(draft.phone);
  if (phone && !/^1[3-9]\d{9}$/.test(phone)) {
    problems.phone = 'form.phone.invalid';
  }
  const name = draft.reporterName.trim().replace(/\s+/g, ' ');
  if (name && (!namePattern.test(name) || textLength(name) > PERSON_NAME_MAX)) {
    problems.reporterName = 'form.name.invalid';
  }
  if (photosPending) {
    problems.photoIds = 'form.photos.still_uploading';
  }
  return problems;
}

/** The request body, leaving out what the resident left empty. */
export function toSubmitTicket(
  placardToken: string,
  draft: TicketDraft,
  kind: TicketKind,
  photoIds: string[],
): SubmitTicket {
  const phone = normalizePhone(draft.phone);
  const reporterName = draft.reporterName.trim().replace(/\s+/g, ' ');
  return {
    placardToken,
    kind,
    description: draft.description.trim(),
    photoIds,
    ...(draft.matterCode ? { matterCode: draft.matterCode } : {}),
    ...(phone ? { phone } : {}),
    ...(reporterName ? { reporterName } : {}),
  };
}
