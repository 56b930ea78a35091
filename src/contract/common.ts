import { z } from 'zod';

/** Every error code the API can answer with; the client translates the code, never the message. */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'payload_too_large',
  'too_many_files',
  'photo_not_image',
  'photo_type_refused',
  'photo_too_many_pixels',
  'photo_not_found',
  'not_authenticated',
  'login_failed',
  'forbidden',
  'not_found',
  'placard_not_found',
  'placard_retired',
  'ticket_not_found',
  'matter_not_found',
  'staff_not_found',
  'transition_refused',
  'state_conflict',
  'idempotency_conflict',
  'rate_limited',
  'service_unavailable',
  'pdf_font_missing',
  'edit_window_closed',
  'video_type_refused',
  'video_codec_refused',
  'range_not_satisfiable',
  'self_review_refused',
  'verification_failed',
  'credit_record_not_found',
  'credit_repair_not_ready',
  'campaign_closed',
  'survey_already_answered',
  'survey_closed',
  'personal_matter',
  'csrf_failed',
  'second_factor_failed',
  'signature_invalid',
  'internal_error',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** One wrong field: where it is and what is wrong, in both languages. */
export const fieldIssueSchema = z.object({
  field: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** The body of every 4xx and 5xx answer. */
export const errorBodySchema = z.object({
  error: errorCodeSchema,
  message: z.string(),
  details: z.array(fieldIssueSchema).optional(),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** An instant as ISO 8601 in UTC; the UI shows it in Asia/Shanghai. */
export const instantSchema = z.string();

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
