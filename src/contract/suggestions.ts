import { z } from 'zod';
import { instantSchema, pageQuerySchema } from './common.js';
import { personNameSchema, personText, phoneSchema, ticketKindSchema } from './tickets.js';
import { calendarDateSchema } from './visits.js';

// Public suggestions (人民建议征集, 《上海市人民建议征集若干规定》): campaigns the bureau
// publishes (Art 9), suggestions from residents (Art 10), their handling and adoption with
// feedback to the proposer (Art 11–12). A personal claim is not a 人民建议 (Art 10) and goes the
// ticket way instead.

export const SUGGESTION_TOPIC_MAX = 100;
export const SUGGESTION_TEXT_MAX = 3000;
export const CAMPAIGN_DESCRIPTION_MAX = 3000;
export const CAMPAIGN_REPORT_MAX = 10000;
export const FEEDBACK_MAX = 2000;
export const HANDLING_UNIT_MAX = 100;
export const HANDLING_NOTES_MAX = 2000;

/** The channels a suggestion comes by (Art 8): the online form, 12345, letters, … */
export const suggestionChannels = [
  'online',
  'hotline_12345',
  'letter',
  'phone',
  'email',
  'suishenban',
  'on_site',
] as const;
export const suggestionChannelSchema = z.enum(suggestionChannels);
export type SuggestionChannel = z.infer<typeof suggestionChannelSchema>;

/** Where a suggestion stands; `personal_claim` ends one that was a personal matter (Art 10). */
export const suggestionStatuses = [
  'submitted',
  'accepted',
  'handling',
  'closed',
  'personal_claim',
] as const;
export const suggestionStatusSchema = z.enum(suggestionStatuses);
export type SuggestionStatus = z.infer<typeof suggestionStatusSchema>;

/** The adoption decision (采纳, 部分采纳, 留作参考, 未采纳). */
export const adoptionLevels = [
  'adopted',
  'partly_adopted',
  'for_reference',
  'not_adopted',
] as const;
export const adoptionLevelSchema = z.enum(adoptionLevels);
export type AdoptionLevel = z.infer<typeof adoptionLevelSchema>;

/** What an adopted suggestion became (Art 13). */
export const conversionTypes = [
  'public_benefit',
  'work_improvement',
  'policy',
  'legislation',
  'decision',
] as const;
export const conversionTypeSchema = z.enum(conversionTypes);

/** The staff steps of a suggestion, in order. */
export const suggestionSteps = ['accept', 'handle', 'decide', 'personal_claim'] as const;
export type SuggestionStep = (typeof suggestionSteps)[number];

/** Where a campaign stands on a day: not yet open, taking suggestions, or past its deadline. */
export const campaignPhases = ['upcoming', 'open', 'closed'] as const;
export type CampaignPhase = (typeof campaignPhases)[number];

const idSchema = z.string().min(1).max(64);

/** The resident's form; `ownMatter` true is refused: a personal claim is filed as a ticket. */
export const submitSuggestionSchema = z.object({
  campaignId: idSchema.optional(),
  topic: personText(SUGGESTION_TOPIC_MAX),
  reason: personText(SUGGESTION_TEXT_MAX),
  proposal: personText(SUGGESTION_TEXT_MAX),
  name: personNameSchema.optional(),
  phone: phoneSchema.optional(),
  publishConsent: z.boolean(),
  /** Whether it is about the resident's own matter (Art 10); must be false. */
  ownMatter: z.boolean(),
});
export type SubmitSuggestion = z.infer<typeof submitSuggestionSchema>;

/** A suggestion staff register from another channel: a letter, a 12345 order, a call. */
export const registerSuggestionSchema = submitSuggestionSchema
  .omit({ ownMatter: true })
  .extend({ channel: suggestionChannelSchema.exclude(['online']) });
export type RegisterSuggestion = z.infer<typeof registerSuggestionSchema>;

export const suggestionReceiptSchema = z.object({
  receiptCode: z.string(),
  accessToken: z.string(),
  followPath: z.string(),
  createdAt: instantSchema,
});
export type SuggestionReceipt = z.infer<typeof suggestionReceiptSchema>;

/** A campaign as the public reads it. */
export const publicCampaignSchema = z.object({
  id: z.string(),
  topic: z.string(),
  description: z.string(),
  channels: z.array(suggestionChannelSchema),
  startsOn: z.string(),
  deadlineOn: z.string(),
  street: z.string().nullable(),
  phase: z.enum(campaignPhases),
  receivedCount: z.number(),
  publicReport: z.string().nullable(),
  reportPublishedAt: instantSchema.nullable(),
});
export type PublicCampaign = z.infer<typeof publicCampaignSchema>;

export const campaignListSchema = z.object({ items: z.array(publicCampaignSchema) });

/** The bureau admin's new campaign. */
export const createCampaignSchema = z.object({
  topic: personText(SUGGESTION_TOPIC_MAX),
  description: personText(CAMPAIGN_DESCRIPTION_MAX),
  channels: z.array(suggestionChannelSchema).min(1).max(suggestionChannels.length),
  startsOn: calendarDateSchema,
  deadlineOn: calendarDateSchema,
  streetId: idSchema.nullable().default(null),
});
export type CreateCampaign = z.infer<typeof createCampaignSchema>;

/** The collective report of a campaign (Art 12), published once its deadline has passed. */
export const campaignReportSchema = z.object({ report: personText(CAMPAIGN_REPORT_MAX) });

/** An adopted suggestion in the public list: the proposer masked, never a phone. */
export const adoptedSuggestionSchema = z.object({
  id: z.string(),
  topic: z.string(),
  proposal: z.string(),
  adoptionLevel: adoptionLevelSchema,
  feedback: z.string(),
  proposer: z.string().nullable(),
  campaign: z.string().nullable(),
  decidedAt: instantSchema,
});
export type AdoptedSuggestion = z.infer<typeof adoptedSuggestionSchema>;

export const adoptedListQuerySchema = pageQuerySchema.extend({
  campaignId: idSchema.optional(),
});
export const adoptedListSchema = z.object({
  items: z.array(adoptedSuggestionSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type AdoptedList = z.infer<typeof adoptedListSchema>;

const stepDates = {
  acceptanceDueAt: instantSchema,
  completionDueAt: instantSchema,
  acceptedAt: instantSchema.nullable(),
  handledAt: instantSchema.nullable(),
  decidedAt: instantSchema.nullable(),
};

/** What the proposer sees through the private link. */
export const residentSuggestionSchema = z.object({
  receiptCode: z.string(),
  status: suggestionStatusSchema,
  topic: z.string(),
  reason: z.string(),
  proposal: z.string(),
  campaign: z.object({ id: z.string(), topic: z.string() }).nullable(),
  createdAt: instantSchema,
  ...stepDates,
  adoptionLevel: adoptionLevelSchema.nullable(),
  feedback: z.string().nullable(),
  /** Why it was found to be a personal matter, and the ticket it became, if one was filed. */
  claimReason: z.string().nullable(),
  ticketFollowPath: z.string().nullable(),
});
export type ResidentSuggestion = z.infer<typeof residentSuggestionSchema>;

/** One suggestion as a staff list row. */
export const staffSuggestionRowSchema = z.object({
  id: z.string(),
  receiptCode: z.string(),
  status: suggestionStatusSchema,
  topic: z.string(),
  channel: suggestionChannelSchema,
  campaign: z.object({ id: z.string(), topic: z.string() }).nullable(),
  proposerNameMasked: z.string().nullable(),
  proposerPhoneMasked: z.string().nullable(),
  createdAt: instantSchema,
  ...stepDates,
  acceptanceOverdue: z.boolean(),
  completionOverdue: z.boolean(),
  adoptionLevel: adoptionLevelSchema.nullable(),
});
export type StaffSuggestionRow = z.infer<typeof staffSuggestionRowSchema>;

/** One suggestion with its handling, and the steps this viewer may take. */
export const staffSuggestionSchema = staffSuggestionRowSchema.extend({
  reason: z.string(),
  proposal: z.string(),
  publishConsent: z.boolean(),
  handlingUnit: z.string().nullable(),
  handlingNotes: z.string().nullable(),
  conversionType: conversionTypeSchema.nullable(),
  feedback: z.string().nullable(),
  claimReason: z.string().nullable(),
  ticket: z.object({ id: z.string(), trackingCode: z.string() }).nullable(),
  steps: z.array(z.enum(suggestionSteps)),
});
export type StaffSuggestion = z.infer<typeof staffSuggestionSchema>;

export const staffSuggestionQuerySchema = pageQuerySchema.extend({
  status: z.enum(['open', 'all', ...suggestionStatuses]).default('open'),
  campaignId: idSchema.optional(),
});
export type StaffSuggestionQuery = z.infer<typeof staffSuggestionQuerySchema>;

export const staffSuggestionListSchema = z.object({
  items: z.array(staffSuggestionRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type StaffSuggestionList = z.infer<typeof staffSuggestionListSchema>;

/** The bodies of the staff steps. */
export const suggestionStepSchemas = {
  accept: z.object({}).strict(),
  handle: z.object({
    handlingUnit: personText(HANDLING_UNIT_MAX),
    notes: personText(HANDLING_NOTES_MAX),
  }),
  decide: z.object({
    adoptionLevel: adoptionLevelSchema,
    feedback: personText(FEEDBACK_MAX),
    conversionType: conversionTypeSchema.optional(),
  }),
  personal_claim: z.object({
    reason: personText(500),
    /** When given, a ticket is filed for the building with this code. */
    ticket: z
      .object({
        buildingCode: z.string().trim().min(1).max(64),
        kind: ticketKindSchema.exclude(['suggestion', 'consultation']),
        matterCode: z.string().trim().min(1).max(32).optional(),
      })
      .optional(),
  }),
} as const;

/** The bureau's time limits in calendar days (defaults: 上海市信访条例 Art 34, 37). */
export const suggestionSettingsSchema = z.object({
  acceptanceDays: z.number().int().min(1).max(90),
  completionDays: z.number().int().min(1).max(365),
});
export type SuggestionSettings = z.infer<typeof suggestionSettingsSchema>;

export const suggestionSettingsViewSchema = suggestionSettingsSchema.extend({
  source: z.enum(['default', 'bureau']),
  updatedAt: instantSchema.nullable(),
});
export type SuggestionSettingsView = z.infer<typeof suggestionSettingsViewSchema>;
