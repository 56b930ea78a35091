import { z } from 'zod';
import { instantSchema, pageQuerySchema } from './common.js';

/** The events a resident who left a phone number is told about. */
export const reporterEvents = [
  'accepted',
  'replied',
  'reopened',
  'merged',
  // The decision and feedback on a suggestion, to its proposer (src/server/suggestions).
  'suggestion_feedback',
] as const;
/**
 * The events the liaison working a ticket is told about, and the re-inspection (回头看) reminders
 * to the liaisons of a building whose case was closed (src/server/buildings).
 */
export const staffEvents = [
  'assigned',
  'soon_due',
  'overdue',
  'reinspection_soon_due',
  'reinspection_overdue',
] as const;
/** The events sent to a phone on no ticket: the code of "my requests" (src/server/my-requests). */
export const residentEvents = ['verification_code'] as const;
/** The events an applicant for credit repair is told about (src/server/credit). */
export const creditRepairEvents = ['credit_correction_requested', 'credit_decided'] as const;
export type CreditRepairEvent = (typeof creditRepairEvents)[number];
export const notificationEvents = [
  ...reporterEvents,
  ...staffEvents,
  ...residentEvents,
  ...creditRepairEvents,
] as const;
export const notificationEventSchema = z.enum(notificationEvents);
export type NotificationEvent = z.infer<typeof notificationEventSchema>;
export type ReporterEvent = (typeof reporterEvents)[number];
export type StaffEvent = (typeof staffEvents)[number];
/** The events about a ticket, whose text is made from the ticket's facts. */
export type TicketEvent = ReporterEvent | StaffEvent;

/**
 * Who a message goes to: the resident behind the ticket, one staff member, or a resident's phone
 * given to verify it (its number encrypted in the message).
 */
export const audiences = ['reporter', 'staff', 'resident'] as const;
export type Audience = (typeof audiences)[number];

/**
 * Where a message stands: waiting (also between retries), being sent by one worker, sent, given
 * up after the last attempt, or skipped because there was nobody to send it to.
 */
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export const outboxStatusSchema = z.enum(outboxStatuses);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

/** Why a message was skipped at send time; stored as its last error and translated in the UI. */
export const skipReasons = [
  'no_reporter_phone',
  'no_staff_phone',
  'staff_inactive',
  'ticket_not_open',
  'ticket_gone',
  'code_expired',
] as const;
export type SkipReason = (typeof skipReasons)[number];

export const notificationListQuerySchema = pageQuerySchema.extend({
  status: z.enum(['all', ...outboxStatuses]).default('all'),
  ticketId: z.string().min(1).max(64).optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

/** One delivery attempt of a message, with the gateway's error when it failed. */
export const notificationAttemptSchema = z.object({
  attempt: z.number().int(),
  at: instantSchema,
  ok: z.boolean(),
  error: z.string().nullable(),
});

/** One queued message as an admin sees it: the recipient only masked, never the text sent. */
export const notificationSchema = z.object({
  id: z.string(),
  event: notificationEventSchema,
  audience: z.enum(audiences),
  status: outboxStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  recipientMasked: z.string().nullable(),
  ticket: z.object({ id: z.string(), trackingCode: z.string() }).nullable(),
  staffName: z.string().nullable(),
  createdAt: instantSchema,
  nextAttemptAt: instantSchema.nullable(),
  sentAt: instantSchema.nullable(),
  attemptLog: z.array(notificationAttemptSchema),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;
