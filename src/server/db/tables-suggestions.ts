import type { ColumnType } from 'kysely';

// Table types of published consultations and public suggestions (migration 0016).

/** One public question and answer (执法服务咨询), made from a resolved consultation or written. */
export interface QaEntryTable {
  id: string;
  question: string;
  answer: string;
  matter_code: string | null;
  /** The consultation ticket it was made from: for staff only, never in a public answer. */
  source_ticket_id: string | null;
  street_id: string | null;
  status: 'published' | 'unpublished';
  published_at: string | null;
  published_by: string | null;
  unpublished_at: string | null;
  unpublished_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A suggestion campaign (专项征集, 《上海市人民建议征集若干规定》 Art 9). */
export interface SuggestionCampaignTable {
  id: string;
  topic: string;
  description: string;
  /** JSON array of channel codes. */
  channels: string;
  starts_on: string;
  deadline_on: string;
  street_id: string | null;
  public_report: string | null;
  report_published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One suggestion (人民建议) with its proposer encrypted and its handling steps. */
export interface SuggestionTable {
  id: string;
  receipt_code: string;
  access_hash: string;
  campaign_id: string | null;
  street_id: string | null;
  channel: string;
  topic: string;
  reason: string;
  proposal: string;
  proposer_name_enc: string | null;
  proposer_name_masked: string | null;
  proposer_phone_enc: string | null;
  proposer_phone_masked: string | null;
  /** Hex HMAC of the normalised phone (residentPhoneDigest), for "my requests". */
  proposer_phone_digest: string | null;
  publish_consent: number;
  status: string;
  acceptance_due_at: string;
  completion_due_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  handling_unit: string | null;
  handling_notes: string | null;
  handled_at: string | null;
  handled_by: string | null;
  adoption_level: string | null;
  conversion_type: string | null;
  feedback: string | null;
  decided_at: string | null;
  decided_by: string | null;
  claim_reason: string | null;
  ticket_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: ColumnType<number, number | undefined, number>;
}

/** The bureau's time limits for suggestions; one row, id 'default', absent until set. */
export interface SuggestionSettingsTable {
  id: string;
  acceptance_days: number;
  completion_days: number;
  updated_at: string;
  updated_by: string | null;
}
