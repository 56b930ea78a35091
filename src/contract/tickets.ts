import { z } from 'zod';
import { instantSchema } from './common.js';

export const ticketKinds = ['consultation', 'help', 'complaint', 'report', 'suggestion'] as const;
export const ticketKindSchema = z.enum(ticketKinds);
export type TicketKind = z.infer<typeof ticketKindSchema>;

export const ticketStatuses = [
  'submitted',
  'accepted',
  'contacted',
  'in_case',
  'resolved',
  'returned',
  'closed',
  'declined',
  'merged',
] as const;
export const ticketStatusSchema = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const ticketActions = [
  'accept',
  'decline',
  'contact',
  'resolve',
  'to_case',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'escalate',
  'return_down',
  'send_back',
  'reroute',
  'reassign',
  'supervise',
  'merge',
  'rate',
  'reopen',
] as const;
export const ticketActionSchema = z.enum(ticketActions);
export type TicketAction = z.infer<typeof ticketActionSchema>;

export const outcomes = [
  'answered',
  'mediated',
  'corrected',
  'case_to_register',
  'referred',
  'not_substantiated',
] as const;
export const outcomeSchema = z.enum(outcomes);
export type Outcome = z.infer<typeof outcomeSchema>;

/** The tiers a ticket is handled at: 小事不出社区，大事不出街道. */
export const tiers = ['community', 'street', 'district'] as const;
export const tierSchema = z.enum(tiers);
export type Tier = z.infer<typeof tierSchema>;

/** The handler's own judgement of the result (承办认定), kept apart from the resident's. */
export const handlerAssessments = ['solved', 'explained', 'unsolvable'] as const;
export const handlerAssessmentSchema = z.enum(handlerAssessments);

export const ratings = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const ratingSchema = z.enum(ratings);
export type Rating = z.infer<typeof ratingSchema>;

export const contactMethods = ['phone', 'visit', 'on_site', 'message'] as const;
export const contactMethodSchema = z.enum(contactMethods);

export const MAX_PHOTOS = 6;
export const DESCRIPTION_MAX = 2000;
export const COMMENT_MAX = 500;
export const REASON_MAX = 500;
export const REPLY_MAX = 2000;

/** Text from a person: trimmed, at least one visible character, counted in code points. */
export function personText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .refine((s) => [...s].length <= max, { error: `at most ${max} characters` });
}

/** A mainland mobile number after normalisation (full-width digits, spaces, zero-width removed). */
export const phoneSchema = z.string().regex(/^1[3-9]\d{9}$/);

/** The longest name a reporter may leave, in characters as a person counts them. */
export const PERSON_NAME_MAX = 30;

/**
 * A name a reporter may leave, after normalisation (NFC, trimmed, single spaces): Chinese names,
 * names with the middle dot (阿依古丽·买买提) and Latin names pass; digits do not, so that a phone
 * number cannot hide in the name field.
 */
export const personNameSchema = z
  .string()
  .regex(/^[\p{L}\p{M}][\p{L}\p{M}·•.'\- ]*$/u, { error: 'letters only' })
  .refine((s) => [...s].length <= PERSON_NAME_MAX, {
    error: `at most ${PERSON_NAME_MAX} characters`,
  });

export const submitTicketSchema = z.object({
  placardToken: z.string().min(1).max(64),
  kind: ticketKindSchema,
  matterCode: z.string().min(1).max(32).optional(),
  description: personText(DESCRIPTION_MAX),
  photoIds: z.array(z.string().min(1).max(64)).max(MAX_PHOTOS).default([]),
  phone: phoneSchema.optional(),
  /** The reporter's name, optional; stored encrypted apart from the ticket, shown masked. */
  reporterName: personNameSchema.optional(),
});
export type SubmitTicket = z.infer<typeof submitTicketSchema>;

export const receiptSchema = z.object({
  trackingCode: z.string(),
  accessToken: z.string(),
  followPath: z.string(),
  createdAt: instantSchema,
  resolveDueAt: instantSchema,
});
export type Receipt = z.infer<typeof receiptSchema>;

/** The matter a ticket names, in both languages. */
export const ticketMatterSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
});

/** Every kind of step a ticket's timeline records. */
export const timelineTypes = [
  'submitted',
  'accepted',
  'declined',
  'contacted',
  'resolved',
  'reassigned',
  'rated',
  'escalated',
  'returned_down',
  'sent_back',
  'rerouted',
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'supervised',
  'moved_to_case',
  'reopened',
  'closed_unrated',
  'merged_into',
  'merged_from',
  'mediation_started',
] as const;

export const photoRefSchema = z.object({ id: z.string(), width: z.number(), height: z.number() });

export const timelineEntrySchema = z.object({
  seq: z.number(),
  type: z.enum(timelineTypes),
  at: instantSchema,
  actor: z.object({ kind: z.enum(['resident', 'staff', 'system']), name: z.string().nullable() }),
  note: z.string().nullable(),
  outcome: outcomeSchema.nullable(),
  rating: ratingSchema.nullable(),
  method: contactMethodSchema.nullable(),
  /** The tier a ticket moved to, on an escalation or a return down; absent otherwise. */
  tier: tierSchema.nullable().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const deadlinesSchema = z.object({
  firstContactDueAt: instantSchema.nullable(),
  resolveDueAt: instantSchema,
  supervisionDueAt: instantSchema.nullable(),
  /** The ticket became an enforcement case and follows the case's time limits instead. */
  clockStopped: z.boolean(),
  firstContactOverdue: z.boolean(),
  resolveOverdue: z.boolean(),
  /** The bureau's supervision (督办) deadline has passed while the ticket is unresolved. */
  supervisionOverdue: z.boolean(),
  calendarFallback: z.boolean(),
});

const ticketCore = {
  trackingCode: z.string(),
  kind: ticketKindSchema,
  status: ticketStatusSchema,
  matter: ticketMatterSchema.nullable(),
  description: z.string(),
  building: z.object({ name: z.string(), community: z.string(), street: z.string() }),
  room: z.object({ name: z.string() }),
  createdAt: instantSchema,
  deadlines: deadlinesSchema,
  photos: z.array(photoRefSchema),
  timeline: z.array(timelineEntrySchema),
  outcome: outcomeSchema.nullable(),
  reply: z.string().nullable(),
  declineReason: z.string().nullable(),
  rating: ratingSchema.nullable(),
  ratingComment: z.string().nullable(),
  tier: tierSchema,
  reopenCount: z.number(),
};

/**
 * The ticket a merged one was merged into, as the merged ticket's resident sees it: its state and
 * answer only, nothing of the other resident (src/server/tickets/duplicates.ts).
 */
export const mergedIntoSchema = z.object({
  trackingCode: z.string(),
  status: ticketStatusSchema,
  reply: z.string().nullable(),
  outcome: outcomeSchema.nullable(),
});

/** What the resident sees through the private link. */
export const residentTicketSchema = z.object({
  ...ticketCore,
  canRate: z.boolean(),
  canReopen: z.boolean(),
  mergedInto: mergedIntoSchema.nullable(),
});
export type ResidentTicket = z.infer<typeof residentTicketSchema>;

export const rateTicketSchema = z.object({
  rating: ratingSchema,
  solved: z.boolean().optional(),
  comment: personText(COMMENT_MAX).optional(),
});

/** The resident says the problem is not solved and asks for re-handling (重办). */
export const reopenTicketSchema = z.object({ reason: personText(REASON_MAX) });

export const staffRefSchema = z.object({ id: z.string(), name: z.string(), badgeNo: z.string() });

/** An open ticket of the same building and matter filed within the duplicate window. */
export const possibleDuplicateSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  status: ticketStatusSchema,
  createdAt: instantSchema,
  summary: z.string(),
});
export type PossibleDuplicate = z.infer<typeof possibleDuplicateSchema>;

/** Another ticket a merge links this one to. */
export const ticketLinkSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  status: ticketStatusSchema,
});

/** A note an Open311 partner system pushed to a request it filed (docs/open311.md). */
export const partnerNoteSchema = z.object({
  id: z.string(),
  /** The partner organisation named on the key that pushed it. */
  partner: z.string(),
  text: z.string(),
  at: instantSchema,
});
export type PartnerNote = z.infer<typeof partnerNoteSchema>;

/** What staff see of a ticket; the reporter's phone only masked. */
export const staffTicketSchema = z.object({
  id: z.string(),
  ...ticketCore,
  /** The building's id, for the link to its building file (src/server/buildings). */
  buildingId: z.string(),
  assignee: staffRefSchema.nullable(),
  /** Where the ticket came from: 'placard', or 'dept:<code>' for a department's clue. */
  channel: z.string(),
  reporterPhoneMasked: z.string().nullable(),
  /** The reporter's name masked (张*), null when none was left. */
  reporterNameMasked: z.string().nullable(),
  /** Whether this viewer may ask to see the full number (src/server/tickets/reporter.ts). */
  canRevealReporter: z.boolean(),
  actions: z.array(ticketActionSchema),
  resolvedTier: tierSchema.nullable(),
  handlerAssessment: handlerAssessmentSchema.nullable(),
  citizenSolved: z.boolean().nullable(),
  extension: z
    .object({ days: z.number(), reason: z.string(), requestedAt: instantSchema })
    .nullable(),
  supervision: z.object({ reason: z.string(), at: instantSchema }).nullable(),
  /** Open tickets that may be the same request; only those this viewer may see. */
  possibleDuplicates: z.array(possibleDuplicateSchema),
  /** The ticket this one was merged into, and those merged into this one. */
  mergedInto: ticketLinkSchema.nullable(),
  mergedFrom: z.array(ticketLinkSchema),
  /** Notes from Open311 partner systems, oldest first; staff only, never the resident. */
  partnerNotes: z.array(partnerNoteSchema).optional(),
});
export type StaffTicket = z.infer<typeof staffTicketSchema>;

export const staffTicketRowSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  kind: ticketKindSchema,
  status: ticketStatusSchema,
  matter: ticketMatterSchema.nullable(),
  summary: z.string(),
  building: z.string(),
  community: z.string(),
  assignee: staffRefSchema.nullable(),
  tier: tierSchema,
  channel: z.string(),
  supervised: z.boolean(),
  createdAt: instantSchema,
  deadlines: deadlinesSchema,
});
export type StaffTicketRow = z.infer<typeof staffTicketRowSchema>;

/** The longest search text of the ticket list, in characters. */
export const SEARCH_TEXT_MAX = 100;

/** The channels a ticket comes by besides a department's clue (`dept:<code>`). */
export const ticketChannels = [
  'placard',
  'visit',
  'meeting',
  'patrol',
  'open311',
  '12345',
] as const;
export type TicketChannel = (typeof ticketChannels)[number];

/**
 * The channel a ticket came by: 'placard' (a resident), 'visit' (found on a liaison's visit),
 * 'meeting' (raised at a community meeting), 'patrol' (an officer's own finding), 'open311' (a
 * partner system through the Open311 API), '12345' (a work order of the city-operations platform)
 * or `dept:<code>` (a department's clue).
 */
export const ticketChannelPattern =
  '^(placard|visit|meeting|patrol|open311|12345|dept:[a-z][a-z0-9_-]{0,31})$';

// Strict (RELIABILITY §4 class 14, Decidim CVE-2023-34090): a filter key the list does not know
// is refused with 400 naming it, never silently dropped.
export const ticketListQuerySchema = z.strictObject({
  status: z.enum(['open', 'all', ...ticketStatuses]).default('open'),
  tier: tierSchema.optional(),
  due: z.enum(['any', 'soon', 'overdue']).default('any'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** A tracking code, a building name or words of the description (tickets/search.ts). */
  q: z
    .string()
    .trim()
    .refine((s) => [...s].length <= SEARCH_TEXT_MAX, {
      error: `at most ${SEARCH_TEXT_MAX} characters`,
    })
    .optional(),
  kind: ticketKindSchema.optional(),
  matterCode: z.string().trim().min(1).max(32).optional(),
  /** 'placard' for residents' tickets, `dept:<code>` for a department's clues. */
  channel: z.string().regex(new RegExp(ticketChannelPattern)).optional(),
  /** One street (the dashboard's overdue chart); only the bureau admin may name another street. */
  streetId: z.string().trim().min(1).max(64).optional(),
});

export const ticketListSchema = z.object({
  items: z.array(staffTicketRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const reason = personText(REASON_MAX);

/** The body of each staff step; every step but accept asks for its particulars. */
export const actionBodySchemas = {
  accept: z.object({}).strict(),
  decline: z.object({ reason }),
  contact: z.object({ method: contactMethodSchema, note: reason.optional() }),
  resolve: z.object({
    outcome: outcomeSchema,
    reply: personText(REPLY_MAX),
    assessment: handlerAssessmentSchema.default('solved'),
  }),
  to_case: z.object({ note: reason.optional() }),
  request_extension: z.object({ days: z.number().int().min(1).max(15), reason }),
  approve_extension: z.object({ note: reason.optional() }),
  refuse_extension: z.object({ reason }),
  escalate: z.object({ reason }),
  return_down: z.object({ reason }),
  send_back: z.object({ reason }),
  reroute: z.object({ roomId: z.string().min(1).max(64), reason: reason.optional() }),
  reassign: z.object({ assigneeId: z.string().min(1).max(64), reason: reason.optional() }),
  supervise: z.object({ reason }),
  merge: z.object({ intoId: z.string().min(1).max(64), reason: reason.optional() }),
} as const;
export type StaffAction = keyof typeof actionBodySchemas;
export type TicketList = z.infer<typeof ticketListSchema>;

/**
 * The body of a phone lookup (POST, so the number is never in a URL or an access log); the
 * number is normalised like the resident form's before it is checked.
 */
export const phoneLookupSchema = z.object({
  phone: phoneSchema,
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type PhoneLookup = z.infer<typeof phoneLookupSchema>;

/** The roles that may look a reporter's tickets up by phone: the street and bureau admins. */
export const phoneLookupRoles = ['street_admin', 'bureau_admin'] as const;
