import { z } from 'zod';
import { instantSchema, pageQuerySchema } from './common.js';
import {
  DESCRIPTION_MAX,
  MAX_PHOTOS,
  personText,
  photoRefSchema,
  REASON_MAX,
  REPLY_MAX,
  ticketKindSchema,
  ticketMatterSchema,
} from './tickets.js';

// Referrals (移送 / 协助) of a ticket to partner departments, and clues (线索) from them.
// Everything a department receives is built from the schemas marked "department-facing"; none of
// them has a field for the reporter (城管条例 Art 26: 应当为举报人保密).

/** What a referral asks of the department: information, a determination, evidence, the matter. */
export const referralKinds = ['information', 'determination', 'evidence', 'transfer'] as const;
export const referralKindSchema = z.enum(referralKinds);
export type ReferralKind = z.infer<typeof referralKindSchema>;

/** The determinations a department can be asked for: 违法建筑、绿化损坏、物业管理区域认定. */
export const determinationTypes = ['illegal_building', 'greenery_damage', 'property_area'] as const;
export const determinationTypeSchema = z.enum(determinationTypes);
export type DeterminationType = z.infer<typeof determinationTypeSchema>;

/** Where one destination stands; "overdue" is derived from the reply deadline, never stored. */
export const referralStatuses = ['sent', 'accepted', 'answered', 'declined'] as const;
export const referralStatusSchema = z.enum(referralStatuses);
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

/** Whether the notice reached the department. */
export const deliveryStates = ['delivered', 'failed'] as const;
export const deliveryStateSchema = z.enum(deliveryStates);
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

/** The steps a department takes on a referral addressed to it. */
export const referralSteps = ['accept', 'decline', 'answer'] as const;
export type ReferralStep = (typeof referralSteps)[number];

export const REFERRAL_TEXT_MAX = 2000;
export const MAX_REFERRAL_DEPARTMENTS = 10;

/** A department's code as used in the API and in a clue's channel (`dept:<code>`). */
export const departmentCodeSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/);

export const departmentSchema = z.object({ code: z.string(), name: z.string() });
export type Department = z.infer<typeof departmentSchema>;
export const departmentListSchema = z.object({ items: z.array(departmentSchema) });

const photoIdsSchema = z.array(z.string().min(1).max(64)).max(MAX_PHOTOS).default([]);

/** The staff form: one referral per department named, all with the same request. */
export const sendReferralsSchema = z.object({
  departments: z.array(departmentCodeSchema).min(1).max(MAX_REFERRAL_DEPARTMENTS),
  kind: referralKindSchema,
  determinationType: determinationTypeSchema.optional(),
  requestText: personText(REFERRAL_TEXT_MAX),
  photoIds: photoIdsSchema,
});
export type SendReferrals = z.infer<typeof sendReferralsSchema>;

const personRefSchema = z.object({ name: z.string(), badgeNo: z.string() });

/** One referral as the officers of the ticket see it. */
export const staffReferralSchema = z.object({
  id: z.string(),
  department: departmentSchema,
  kind: referralKindSchema,
  determinationType: determinationTypeSchema.nullable(),
  requestText: z.string(),
  status: referralStatusSchema,
  overdue: z.boolean(),
  createdAt: instantSchema,
  sentAt: instantSchema.nullable(),
  replyDueAt: instantSchema.nullable(),
  /** Transfers only: the 3 working days of 城管条例 Art 26 and whether the sending met them. */
  transfer: z.object({ dueAt: instantSchema, late: z.boolean().nullable() }).nullable(),
  acceptedAt: instantSchema.nullable(),
  acceptNote: z.string().nullable(),
  replyText: z.string().nullable(),
  repliedAt: instantSchema.nullable(),
  repliedLate: z.boolean(),
  delivery: z.object({
    state: deliveryStateSchema,
    attempts: z.number(),
    lastError: z.string().nullable(),
  }),
  sentBy: personRefSchema,
  requestPhotos: z.array(photoRefSchema),
  replyPhotos: z.array(photoRefSchema),
});
export type StaffReferral = z.infer<typeof staffReferralSchema>;
export const staffReferralListSchema = z.object({ items: z.array(staffReferralSchema) });

/**
 * The filter of a department's list: open work (sent, accepted), everything, one state, or the
 * overdue ones. Written out, not spread, so the web build keeps it (vite.config.ts).
 */
export const departmentReferralFilters = [
  'open',
  'all',
  'sent',
  'accepted',
  'answered',
  'declined',
  'overdue',
] as const;
export type DepartmentReferralFilter = (typeof departmentReferralFilters)[number];
export const departmentReferralQuerySchema = pageQuerySchema.extend({
  status: z.enum(departmentReferralFilters).default('open'),
});

/** Department-facing: the ticket facts a department needs, and nothing about who reported. */
export const referredTicketSchema = z.object({
  trackingCode: z.string(),
  kind: ticketKindSchema,
  matter: ticketMatterSchema.nullable(),
  description: z.string(),
  building: z.object({ name: z.string(), address: z.string() }),
  community: z.string(),
  street: z.string(),
  receivedAt: instantSchema,
});

/** Department-facing: one row of a department's list. */
export const departmentReferralRowSchema = z.object({
  id: z.string(),
  kind: referralKindSchema,
  determinationType: determinationTypeSchema.nullable(),
  status: referralStatusSchema,
  overdue: z.boolean(),
  /** Whether the reply (an answer or a decline) came after the reply deadline. */
  repliedLate: z.boolean(),
  sentAt: instantSchema,
  replyDueAt: instantSchema,
  trackingCode: z.string(),
  building: z.string(),
  community: z.string(),
  summary: z.string(),
});
export type DepartmentReferralRow = z.infer<typeof departmentReferralRowSchema>;
export const departmentReferralListSchema = z.object({
  items: z.array(departmentReferralRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type DepartmentReferralList = z.infer<typeof departmentReferralListSchema>;

/** Department-facing: one referral with the ticket facts and the steps the department may take. */
export const departmentReferralSchema = z.object({
  id: z.string(),
  department: departmentSchema,
  kind: referralKindSchema,
  determinationType: determinationTypeSchema.nullable(),
  requestText: z.string(),
  status: referralStatusSchema,
  overdue: z.boolean(),
  sentAt: instantSchema,
  replyDueAt: instantSchema,
  acceptedAt: instantSchema.nullable(),
  acceptNote: z.string().nullable(),
  replyText: z.string().nullable(),
  repliedAt: instantSchema.nullable(),
  /** Whether the reply (an answer or a decline) came after the reply deadline. */
  repliedLate: z.boolean(),
  sentBy: personRefSchema,
  room: z.string(),
  ticket: referredTicketSchema,
  requestPhotos: z.array(photoRefSchema),
  replyPhotos: z.array(photoRefSchema),
  steps: z.array(z.enum(referralSteps)),
});
export type DepartmentReferral = z.infer<typeof departmentReferralSchema>;

export const acceptReferralSchema = z.object({ text: personText(REASON_MAX).optional() });
export const declineReferralSchema = z.object({ text: personText(REASON_MAX) });
export const answerReferralSchema = z.object({
  text: personText(REPLY_MAX),
  photoIds: photoIdsSchema,
});

/** A clue from a department: a building (placard token or building code) and what was seen. */
export const submitClueSchema = z.object({
  placardToken: z.string().min(1).max(64).optional(),
  buildingCode: z.string().min(1).max(64).optional(),
  kind: ticketKindSchema,
  matterCode: z.string().min(1).max(32).optional(),
  description: personText(DESCRIPTION_MAX),
  photoIds: photoIdsSchema,
});
export type SubmitClue = z.infer<typeof submitClueSchema>;

/** Department-facing: what the department keeps of a clue it sent. */
export const clueReceiptSchema = z.object({
  trackingCode: z.string(),
  createdAt: instantSchema,
  resolveDueAt: instantSchema,
});
export type ClueReceipt = z.infer<typeof clueReceiptSchema>;

/** Department-facing: a building a clue can be about, found by name or address. */
export const buildingOptionSchema = z.object({
  code: z.string(),
  name: z.string(),
  address: z.string(),
  community: z.string(),
  street: z.string(),
});
export type BuildingOption = z.infer<typeof buildingOptionSchema>;
export const buildingSearchQuerySchema = z.object({ q: z.string().trim().min(1).max(50) });
export const buildingOptionListSchema = z.object({ items: z.array(buildingOptionSchema) });
