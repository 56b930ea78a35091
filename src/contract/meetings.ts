import { z } from 'zod';
import { instantSchema, pageQuerySchema } from './common.js';
import { personText, staffRefSchema } from './tickets.js';
import {
  calendarDateSchema,
  foundIssueSchema,
  linkedTicketSchema,
  MAX_FOUND_ISSUES,
} from './visits.js';

// Community meetings a liaison attends (实施办法 四（四）: 积极参与社区联席会、议事会、睦邻会): what was
// discussed, who took part, what came out of it, and the tickets it produced or settled.

/**
 * The kinds of meeting: 联席会 (joint conference of the community's bodies and departments),
 * 议事会 (residents' deliberation council), 睦邻会 (good-neighbour gathering).
 */
export const meetingKinds = ['joint', 'council', 'neighbourhood'] as const;
export const meetingKindSchema = z.enum(meetingKinds);
export type MeetingKind = z.infer<typeof meetingKindSchema>;

/** How a ticket is linked to a meeting: filed from it, or settled by it (link only). */
export const meetingTicketLinks = ['produced', 'settled'] as const;
export const meetingTicketLinkSchema = z.enum(meetingTicketLinks);
export type MeetingTicketLink = z.infer<typeof meetingTicketLinkSchema>;

export const MEETING_TOPIC_MAX = 200;
export const MEETING_OUTCOMES_MAX = 4000;
/** One participant is a role or an organisation (居委会书记, 物业经理), never a phone number. */
export const PARTICIPANT_MAX = 60;
export const MAX_PARTICIPANTS = 30;
export const MAX_ATTENDING_STAFF = 10;
export const MAX_SETTLED_TICKETS = 20;

const idSchema = z.string().min(1).max(64);
const participantsSchema = z.array(personText(PARTICIPANT_MAX)).min(1).max(MAX_PARTICIPANTS);
const staffIdsSchema = z.array(idSchema).min(1).max(MAX_ATTENDING_STAFF);
const settledSchema = z.array(idSchema).max(MAX_SETTLED_TICKETS);

/** The meeting form: new tickets it produced are filed in the same step, like visit issues. */
export const createMeetingSchema = z.object({
  kind: meetingKindSchema,
  date: calendarDateSchema,
  communityId: idSchema,
  topic: personText(MEETING_TOPIC_MAX),
  participants: participantsSchema,
  staffIds: staffIdsSchema,
  outcomes: personText(MEETING_OUTCOMES_MAX),
  issues: z.array(foundIssueSchema).max(MAX_FOUND_ISSUES).default([]),
  settledTicketIds: settledSchema.default([]),
});
export type CreateMeeting = z.infer<typeof createMeetingSchema>;

/** A correction by the author within the edit window; the settled list is replaced when given. */
export const editMeetingSchema = z.object({
  date: calendarDateSchema.optional(),
  topic: personText(MEETING_TOPIC_MAX).optional(),
  participants: participantsSchema.optional(),
  staffIds: staffIdsSchema.optional(),
  outcomes: personText(MEETING_OUTCOMES_MAX).optional(),
  settledTicketIds: settledSchema.optional(),
});
export type EditMeeting = z.infer<typeof editMeetingSchema>;

const placeRefSchema = z.object({ id: z.string(), name: z.string() });

export const meetingRowSchema = z.object({
  id: z.string(),
  kind: meetingKindSchema,
  date: z.string(),
  community: placeRefSchema,
  street: z.string(),
  topic: z.string(),
  staff: z.array(staffRefSchema),
  producedCount: z.number(),
  settledCount: z.number(),
  createdAt: instantSchema,
});
export type MeetingRow = z.infer<typeof meetingRowSchema>;

export const meetingSchema = meetingRowSchema.extend({
  participants: z.array(z.string()),
  outcomes: z.string(),
  tickets: z.array(linkedTicketSchema.extend({ link: meetingTicketLinkSchema })),
  recordedBy: staffRefSchema,
  updatedAt: instantSchema,
  editCount: z.number(),
  editableUntil: instantSchema,
  canEdit: z.boolean(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingListQuerySchema = pageQuerySchema.extend({
  kind: meetingKindSchema.optional(),
  communityId: idSchema.optional(),
});
export type MeetingListQuery = z.infer<typeof meetingListQuerySchema>;

export const meetingListSchema = z.object({
  items: z.array(meetingRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type MeetingList = z.infer<typeof meetingListSchema>;

/** The visits that found a ticket and the meetings that produced or settled it. */
export const ticketFieldWorkSchema = z.object({
  visits: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      community: z.string(),
      liaison: staffRefSchema,
      canOpen: z.boolean(),
    }),
  ),
  meetings: z.array(
    z.object({
      id: z.string(),
      kind: meetingKindSchema,
      date: z.string(),
      topic: z.string(),
      link: meetingTicketLinkSchema,
      canOpen: z.boolean(),
    }),
  ),
});
export type TicketFieldWork = z.infer<typeof ticketFieldWorkSchema>;
