import { z } from 'zod';
import { instantSchema, pageQuerySchema } from './common.js';
import {
  DESCRIPTION_MAX,
  MAX_PHOTOS,
  personText,
  photoRefSchema,
  staffRefSchema,
  ticketKindSchema,
  ticketMatterSchema,
  ticketStatusSchema,
} from './tickets.js';

// Visits (走访) of a liaison to a community, the issues found on them (each filed as a ticket in
// the same step), and the weekly visit target (实施办法 四（四）: 每周走访不少于2次). Nothing here
// records a position, a clock-in or time online (DOMAIN §8.1, 指尖上的形式主义).

/** Whom the liaison met: 居委会, 业委会, 物业, 居民 (the 三驾马车 and the residents). */
export const visitPartners = [
  'residents_committee',
  'owners_committee',
  'property_manager',
  'residents',
] as const;
export const visitPartnerSchema = z.enum(visitPartners);
export type VisitPartner = z.infer<typeof visitPartnerSchema>;

export const VISIT_NOTES_MAX = 2000;
/** The most issues one visit or meeting files as tickets at once. */
export const MAX_FOUND_ISSUES = 10;
/** How many weeks the compliance table shows by default, and at most. */
export const DEFAULT_COMPLIANCE_WEEKS = 4;
export const MAX_COMPLIANCE_WEEKS = 26;
/** The highest weekly target the bureau can set: two visits a day. */
export const MAX_WEEKLY_TARGET = 14;

/** A calendar date in Asia/Shanghai, 2026-01-04. */
export const calendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** An ISO week, 2026-W01 (Monday to Sunday). */
export const isoWeekSchema = z.string().regex(/^\d{4}-W\d{2}$/);
const idSchema = z.string().min(1).max(64);
const photoIdsSchema = z.array(idSchema).max(MAX_PHOTOS).default([]);

/** One issue found on a visit or raised at a meeting; it becomes a ticket in the same step. */
export const foundIssueSchema = z.object({
  kind: ticketKindSchema,
  matterCode: z.string().min(1).max(32),
  /** A building of the visit's (or meeting's) community. */
  buildingId: idSchema,
  description: personText(DESCRIPTION_MAX),
  photoIds: photoIdsSchema,
});
export type FoundIssue = z.infer<typeof foundIssueSchema>;

/** The visit form; `liaisonId` only when a street admin logs for a liaison of the street. */
export const createVisitSchema = z.object({
  liaisonId: idSchema.optional(),
  date: calendarDateSchema,
  communityId: idSchema,
  partners: z.array(visitPartnerSchema).min(1).max(visitPartners.length),
  notes: personText(VISIT_NOTES_MAX).optional(),
  photoIds: photoIdsSchema,
  issues: z.array(foundIssueSchema).max(MAX_FOUND_ISSUES).default([]),
});
export type CreateVisit = z.infer<typeof createVisitSchema>;

/** A correction by the visit's author within the edit window; absent fields stay as they are. */
export const editVisitSchema = z.object({
  date: calendarDateSchema.optional(),
  partners: z.array(visitPartnerSchema).min(1).max(visitPartners.length).optional(),
  /** null removes the notes. */
  notes: personText(VISIT_NOTES_MAX).nullable().optional(),
});
export type EditVisit = z.infer<typeof editVisitSchema>;

/** A ticket a visit found (or a meeting produced or settled), as the record lists it. */
export const linkedTicketSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  kind: ticketKindSchema,
  status: ticketStatusSchema,
  matter: ticketMatterSchema.nullable(),
  building: z.string(),
});
export type LinkedTicket = z.infer<typeof linkedTicketSchema>;

const placeRefSchema = z.object({ id: z.string(), name: z.string() });

/** One visit as a list row. */
export const visitRowSchema = z.object({
  id: z.string(),
  date: z.string(),
  week: z.string(),
  liaison: staffRefSchema,
  community: placeRefSchema,
  street: z.string(),
  partners: z.array(visitPartnerSchema),
  issueCount: z.number(),
  photoCount: z.number(),
  createdAt: instantSchema,
});
export type VisitRow = z.infer<typeof visitRowSchema>;

/** One visit with its notes, photos and the tickets filed from it. */
export const visitSchema = visitRowSchema.extend({
  notes: z.string().nullable(),
  photos: z.array(photoRefSchema),
  tickets: z.array(linkedTicketSchema),
  recordedBy: staffRefSchema,
  updatedAt: instantSchema,
  editCount: z.number(),
  /** Until when the author may correct it. */
  editableUntil: instantSchema,
  canEdit: z.boolean(),
});
export type Visit = z.infer<typeof visitSchema>;

export const visitListQuerySchema = pageQuerySchema.extend({
  week: isoWeekSchema.optional(),
  liaisonId: idSchema.optional(),
  communityId: idSchema.optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;

export const visitListSchema = z.object({
  items: z.array(visitRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type VisitList = z.infer<typeof visitListSchema>;

/** The compliance table: a chosen week (default the current one) and the weeks before it. */
export const complianceQuerySchema = z.object({
  week: isoWeekSchema.optional(),
  weeks: z.coerce.number().int().min(1).max(MAX_COMPLIANCE_WEEKS).default(DEFAULT_COMPLIANCE_WEEKS),
  /** The bureau admin chooses a street; others see their own. */
  streetId: idSchema.optional(),
});
export type ComplianceQuery = z.infer<typeof complianceQuerySchema>;

export const complianceWeekSchema = z.object({
  week: z.string(),
  monday: z.string(),
  sunday: z.string(),
  target: z.number(),
  /** How many of the listed liaisons met the target that week. */
  metCount: z.number(),
});

export const complianceCellSchema = z.object({
  week: z.string(),
  visits: z.number(),
  target: z.number(),
  met: z.boolean(),
  inProgress: z.boolean(),
});

export const complianceRowSchema = z.object({
  liaison: staffRefSchema,
  street: z.string(),
  rooms: z.array(z.string()),
  cells: z.array(complianceCellSchema),
});
export type ComplianceRow = z.infer<typeof complianceRowSchema>;

export const complianceSchema = z.object({
  currentWeek: z.string(),
  week: z.string(),
  weeks: z.array(complianceWeekSchema),
  rows: z.array(complianceRowSchema),
});
export type Compliance = z.infer<typeof complianceSchema>;

/** The bureau sets the weekly target, in force from a week on (default: the current week). */
export const setVisitTargetSchema = z.object({
  weeklyTarget: z.number().int().min(1).max(MAX_WEEKLY_TARGET),
  fromWeek: isoWeekSchema.optional(),
});
export type SetVisitTarget = z.infer<typeof setVisitTargetSchema>;

export const visitTargetSchema = z.object({
  defaultTarget: z.number(),
  current: z.object({
    weeklyTarget: z.number(),
    fromWeek: z.string().nullable(),
    source: z.enum(['default', 'bureau']),
  }),
  history: z.array(
    z.object({
      weeklyTarget: z.number(),
      fromWeek: z.string(),
      setAt: instantSchema,
      setBy: z.string().nullable(),
    }),
  ),
});
export type VisitTarget = z.infer<typeof visitTargetSchema>;

/** Where the signed-in officer may log field work: communities and the people to name. */
export const fieldPlacesSchema = z.object({
  communities: z.array(z.object({ id: z.string(), name: z.string(), street: z.string() })),
  /** Whom a visit can be logged for: the liaison themself, or the street's liaisons. */
  liaisons: z.array(staffRefSchema),
  /** Who can be named as attending a meeting: the street's liaisons and street admins. */
  officers: z.array(staffRefSchema),
});
export type FieldPlaces = z.infer<typeof fieldPlacesSchema>;

export const buildingChoiceListSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), address: z.string() })),
});
export type BuildingChoice = z.infer<typeof buildingChoiceListSchema>['items'][number];
