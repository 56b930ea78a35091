import { z } from 'zod';
import { instantSchema, pageQuerySchema } from './common.js';
import {
  DESCRIPTION_MAX,
  MAX_PHOTOS,
  personText,
  photoRefSchema,
  REASON_MAX,
  ticketKindSchema,
  ticketMatterSchema,
} from './tickets.js';

// The building file (一房一档): one page per building with everything that happened there, and
// the re-inspections (回头看) of corrected cases (src/server/buildings, docs/building-file.md).
// The file names no reporter and no party: it carries codes and states, which the web labels.

const idSchema = z.string().min(1).max(64);

/** A Shanghai calendar date YYYY-MM-DD; the service checks it is a real one. */
export const buildingDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The longest search text, in characters. */
export const BUILDING_SEARCH_MAX = 100;

/** The most timeline items one answer carries; older ones come with `before`. */
export const TIMELINE_LIMIT_MAX = 200;
export const TIMELINE_LIMIT_DEFAULT = 100;

/** Every kind of timeline item, newest first in the file. */
export const timelineKinds = [
  'ticket_filed',
  'ticket_resolved',
  'ticket_closed',
  'case_registered',
  'case_decided',
  'case_closed',
  'case_cancelled',
  'visit',
  'meeting',
  'mediation_opened',
  'mediation_concluded',
  'placard_point_added',
  'placard_printed',
  'placard_checked',
  'placard_token_rotated',
  'reinspection_scheduled',
  'reinspection_done',
  'building_flagged',
  'building_flag_cleared',
] as const;
export const timelineKindSchema = z.enum(timelineKinds);
export type TimelineKind = z.infer<typeof timelineKindSchema>;

/** The record a timeline item opens. */
export const timelineLinkTypes = [
  'ticket',
  'case',
  'visit',
  'meeting',
  'mediation',
  'placard',
  'reinspection',
  'building',
] as const;
export type TimelineLinkType = (typeof timelineLinkTypes)[number];

/** The results a re-inspection records: no recurrence, or the violation came back. */
export const reinspectionResults = ['ok', 'recurred'] as const;
export const reinspectionResultSchema = z.enum(reinspectionResults);
export type ReinspectionResult = z.infer<typeof reinspectionResultSchema>;

/** Where a re-inspection stands; overdue is derived from the due day, never stored. */
export const reinspectionStates = ['due', 'overdue', 'done'] as const;
export type ReinspectionStateValue = (typeof reinspectionStates)[number];

/** Why a building is flagged. */
export const flagReasons = ['recurrence'] as const;

/**
 * One item of a building's timeline. `code` is the record's number (tracking code, case number,
 * mediation number, placard point), `state` its current status or the result recorded, `detail`
 * one more code (an outcome, a decision kind, how a ticket ended, a meeting's kind), `day` a
 * calendar date the record carries (a visit's day, a re-inspection's due or done day).
 */
export const timelineItemSchema = z.object({
  kind: timelineKindSchema,
  at: instantSchema,
  day: buildingDateSchema.nullable(),
  link: z.object({ type: z.enum(timelineLinkTypes), id: z.string() }),
  code: z.string().nullable(),
  state: z.string().nullable(),
  detail: z.string().nullable(),
  matter: ticketMatterSchema.nullable(),
  /** The building's ticket a case, visit, meeting or mediation is linked through. */
  ticket: z.object({ id: z.string(), trackingCode: z.string() }).nullable(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const buildingFileQuerySchema = z.object({
  /** Only items strictly older than this instant: the `nextBefore` of the previous answer. */
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(TIMELINE_LIMIT_MAX).default(TIMELINE_LIMIT_DEFAULT),
});
export type BuildingFileQuery = z.infer<typeof buildingFileQuerySchema>;

const staffNameSchema = z.object({ name: z.string(), badgeNo: z.string().nullable() });

/** A building's flag: set by a recurrence found on a re-inspection. */
export const buildingFlagSchema = z.object({
  reason: z.enum(flagReasons),
  since: instantSchema,
  matter: ticketMatterSchema.nullable(),
  reinspectionId: z.string().nullable(),
});
export type BuildingFlag = z.infer<typeof buildingFlagSchema>;

/** One re-inspection as the workbench lists it. */
export const reinspectionSchema = z.object({
  id: z.string(),
  building: z.object({
    id: z.string(),
    name: z.string(),
    community: z.string(),
    street: z.string(),
  }),
  matter: ticketMatterSchema,
  case: z.object({ id: z.string(), caseNo: z.string() }),
  ticket: z.object({ id: z.string(), trackingCode: z.string() }),
  closedOn: buildingDateSchema,
  days: z.number(),
  dueOn: buildingDateSchema,
  state: z.enum(reinspectionStates),
  doneOn: buildingDateSchema.nullable(),
  doneBy: staffNameSchema.nullable(),
  result: reinspectionResultSchema.nullable(),
  note: z.string().nullable(),
  photos: z.array(photoRefSchema),
  recurrenceTicket: z.object({ id: z.string(), trackingCode: z.string() }).nullable(),
  /** Whether this viewer may record the result now. */
  canRecord: z.boolean(),
});
export type Reinspection = z.infer<typeof reinspectionSchema>;

/** The filters of the re-inspection list: not done yet (the default), due, overdue, done, all. */
export const reinspectionFilters = ['open', 'due', 'overdue', 'done', 'all'] as const;
export type ReinspectionFilter = (typeof reinspectionFilters)[number];

export const reinspectionListQuerySchema = pageQuerySchema.extend({
  status: z.enum(reinspectionFilters).default('open'),
});

export const reinspectionListSchema = z.object({
  items: z.array(reinspectionSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ReinspectionList = z.infer<typeof reinspectionListSchema>;

/**
 * The result of a re-inspection: done on a day (not after today, not before the case closed),
 * no recurrence or a recurrence with a note, photos, and optionally a new ticket (channel
 * 'patrol') for the recurrence filed in the same step.
 */
export const recordReinspectionSchema = z.object({
  doneOn: buildingDateSchema,
  result: reinspectionResultSchema,
  note: personText(REASON_MAX).optional(),
  photoIds: z.array(idSchema).max(MAX_PHOTOS).default([]),
  recurrenceTicket: z
    .object({
      kind: ticketKindSchema.default('report'),
      description: personText(DESCRIPTION_MAX),
    })
    .optional(),
});
export type RecordReinspection = z.infer<typeof recordReinspectionSchema>;

/** Clearing a building's flag: an admin says why. */
export const clearFlagSchema = z.object({ reason: personText(REASON_MAX) });
export type ClearFlag = z.infer<typeof clearFlagSchema>;

/** The building list: part of a name or address, and optionally only flagged buildings. */
export const buildingListQuerySchema = pageQuerySchema.extend({
  q: z.string().max(BUILDING_SEARCH_MAX).optional(),
  flagged: z.enum(['true', 'false']).default('false'),
});
export type BuildingListQuery = z.infer<typeof buildingListQuerySchema>;

/** One building in the search list. */
export const buildingRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  community: z.string(),
  street: z.string(),
  retired: z.boolean(),
  flag: buildingFlagSchema.nullable(),
});
export type BuildingRow = z.infer<typeof buildingRowSchema>;

export const buildingListSchema = z.object({
  items: z.array(buildingRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type BuildingList = z.infer<typeof buildingListSchema>;

/** What a building file counts, over the building's whole history. */
export const buildingCountsSchema = z.object({
  tickets: z.number(),
  openTickets: z.number(),
  cases: z.number(),
  openCases: z.number(),
  visits: z.number(),
  meetings: z.number(),
  mediations: z.number(),
  placardPoints: z.number(),
  reinspectionsOpen: z.number(),
  reinspectionsOverdue: z.number(),
  recurrences: z.number(),
});
export type BuildingCounts = z.infer<typeof buildingCountsSchema>;

/** The building file: the building, its counts and flag, its re-inspections and its timeline. */
export const buildingFileSchema = z.object({
  building: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    address: z.string(),
    retired: z.boolean(),
    community: z.object({ code: z.string(), name: z.string() }),
    street: z.object({ code: z.string(), name: z.string() }),
    room: z.object({ name: z.string() }).nullable(),
    liaisons: z.array(staffNameSchema),
  }),
  flag: buildingFlagSchema.nullable(),
  canClearFlag: z.boolean(),
  counts: buildingCountsSchema,
  reinspections: z.array(reinspectionSchema),
  timeline: z.object({
    items: z.array(timelineItemSchema),
    /** Pass as `before` for the next, older page; null when there is none. */
    nextBefore: instantSchema.nullable(),
    limit: z.number(),
  }),
});
export type BuildingFile = z.infer<typeof buildingFileSchema>;
