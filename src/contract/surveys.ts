import { z } from 'zod';
import { instantSchema } from './common.js';
import { personText, ratingSchema } from './tickets.js';

/** The choices of every question: 满意 / 基本满意 / 不满意, the codes of the ticket rating. */
export const surveyChoiceSchema = ratingSchema;
export type SurveyChoice = z.infer<typeof surveyChoiceSchema>;

/** A campaign asks 3 to 6 questions; the first is the overall satisfaction. */
export const SURVEY_QUESTIONS_MIN = 3;
export const SURVEY_QUESTIONS_MAX = 6;
/** The longest question, and the longest comment a campaign may allow, in characters. */
export const SURVEY_QUESTION_MAX = 80;
export const SURVEY_COMMENT_LIMIT = 300;

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a day as YYYY-MM-DD' });

export const createCampaignSchema = z
  .object({
    /** Null or absent: every street. */
    streetId: z.string().min(1).max(64).nullable().default(null),
    title: personText(60),
    opensOn: daySchema,
    closesOn: daySchema,
    questions: z
      .array(personText(SURVEY_QUESTION_MAX))
      .min(SURVEY_QUESTIONS_MIN)
      .max(SURVEY_QUESTIONS_MAX),
    commentMax: z.number().int().min(0).max(SURVEY_COMMENT_LIMIT).default(200),
  })
  .strict();
export type CreateCampaign = z.infer<typeof createCampaignSchema>;

export const campaignSchema = z.object({
  id: z.string(),
  streetId: z.string().nullable(),
  streetName: z.string().nullable(),
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  questions: z.array(z.string()),
  commentMax: z.number(),
  open: z.boolean(),
  answered: z.number(),
  createdAt: instantSchema,
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignListSchema = z.object({ items: z.array(campaignSchema) });

/** The counts of one question in one street. */
export const questionResultSchema = z.object({
  question: z.string(),
  satisfied: z.number(),
  basicallySatisfied: z.number(),
  unsatisfied: z.number(),
});
export const streetResultSchema = z.object({
  streetId: z.string(),
  streetName: z.string(),
  answered: z.number(),
  questions: z.array(questionResultSchema),
  comments: z.array(z.string()),
});
export const campaignResultsSchema = z.object({
  campaign: campaignSchema,
  streets: z.array(streetResultSchema),
});
export type CampaignResults = z.infer<typeof campaignResultsSchema>;

/** What a resident sees of a campaign: no counts. */
export const publicCampaignSchema = z.object({
  id: z.string(),
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  questions: z.array(z.string()),
  commentMax: z.number(),
  open: z.boolean(),
  /** The streets a resident picks from when the campaign covers all and no placard says which. */
  streets: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type PublicCampaign = z.infer<typeof publicCampaignSchema>;
export const publicCampaignListSchema = z.object({ items: z.array(publicCampaignSchema) });

export const answerSurveySchema = z
  .object({
    /** A random key the browser keeps in localStorage; only its keyed hash is stored. */
    deviceKey: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/),
    choices: z.array(surveyChoiceSchema).min(1).max(SURVEY_QUESTIONS_MAX),
    comment: z.string().trim().max(SURVEY_COMMENT_LIMIT).optional(),
    /** The placard the survey was opened from: it names the building and so the street. */
    placardToken: z.string().min(1).max(64).optional(),
    streetId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type AnswerSurvey = z.infer<typeof answerSurveySchema>;
export const answerReceiptSchema = z.object({ answered: z.literal(true) });
