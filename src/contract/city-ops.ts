import { z } from 'zod';
import { instantSchema } from './common.js';
import { DESCRIPTION_MAX, phoneSchema, ratingSchema, ticketKindSchema } from './tickets.js';

/** The header with the Unix time (seconds) the platform signed at. */
export const cityOpsTimestampHeader = 'x-cityops-timestamp';
/** The header with `sha256=<hex>`: HMAC-SHA256 of `${timestamp}.${rawBody}`. */
export const cityOpsSignatureHeader = 'x-cityops-signature';

const code = z.string().trim().min(1).max(64);
/** A moment with its offset, as the platform writes it: 2026-12-03T09:30:00+08:00. */
const moment = z.iso.datetime({ offset: true });

/** Where the order happened, in the organisation codes both sides agreed on. */
export const cityOpsAreaSchema = z.object({
  streetCode: code,
  communityCode: code,
  /** Optional: without it the order goes to the community's first building. */
  buildingCode: code.optional(),
  address: z.string().trim().max(200).optional(),
});

/** A work order (工单) the platform dispatches to the street (派单). */
export const cityOpsOrderSchema = z.object({
  type: z.literal('order.created'),
  /** The platform's order number (工单编号): the idempotency key. */
  orderId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  kind: ticketKindSchema,
  matterCode: z.string().min(1).max(32).optional(),
  content: z.string().trim().min(1).max(DESCRIPTION_MAX),
  area: cityOpsAreaSchema,
  /** The caller (来电人); stored encrypted like a resident's own number. */
  caller: z.object({ phone: phoneSchema.optional() }).optional(),
  receivedAt: moment,
  /** The platform's 办结时限: it replaces our resolve deadline when given. */
  deadline: moment.optional(),
});
export type CityOpsOrder = z.infer<typeof cityOpsOrderSchema>;

/** Our answer to an order: the ticket it is, and whether this delivery made it. */
export const cityOpsReceiptSchema = z.object({
  orderId: z.string(),
  trackingCode: z.string(),
  duplicate: z.boolean(),
  resolveDueAt: instantSchema,
});
export type CityOpsReceipt = z.infer<typeof cityOpsReceiptSchema>;

/** What a callback reports. */
export const cityOpsEvents = [
  'accepted',
  'assigned',
  'contacted',
  'status_changed',
  'replied',
  'returned',
  'closed',
] as const;
export type CityOpsEvent = (typeof cityOpsEvents)[number];

/** The order as it stands after the event: a callback carries all of it, not a difference. */
export const cityOpsStateSchema = z.object({
  status: z.string(),
  tier: z.string(),
  resolveDueAt: instantSchema,
  reply: z.string().nullable(),
  outcome: z.string().nullable(),
  returnReason: z.string().nullable(),
  rating: ratingSchema.nullable(),
});

/** One callback to the platform; it keeps the highest `sequence` per order and drops older ones. */
export const cityOpsCallbackSchema = z.object({
  orderId: z.string(),
  trackingCode: z.string(),
  sequence: z.number().int().min(1),
  event: z.enum(cityOpsEvents),
  at: instantSchema,
  /** The words of this step: the reply, the reason for returning, a note. */
  text: z.string().nullable(),
  state: cityOpsStateSchema,
});
export type CityOpsCallback = z.infer<typeof cityOpsCallbackSchema>;
