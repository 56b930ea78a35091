import type {
  AdoptedSuggestion,
  AdoptionLevel,
  PublicCampaign,
  ResidentSuggestion,
  StaffSuggestion,
  StaffSuggestionRow,
  SuggestionChannel,
  SuggestionStatus,
  SuggestionStep,
} from '../../contract/suggestions.js';
import { isOverdue } from '../../domain/deadlines.js';
import { campaignPhase } from './rules.js';
import type { CampaignRecord, SuggestionRecord } from './store.js';

/** A campaign as the public reads it, with its phase today and how many it received. */
export function presentCampaign(c: CampaignRecord, now: Date): PublicCampaign {
  return {
    id: c.id,
    topic: c.topic,
    description: c.description,
    channels: JSON.parse(c.channels) as SuggestionChannel[],
    startsOn: c.starts_on,
    deadlineOn: c.deadline_on,
    street: c.street_name,
    phase: campaignPhase(c.starts_on, c.deadline_on, now),
    receivedCount: Number(c.received ?? 0),
    publicReport: c.report_published_at ? c.public_report : null,
    reportPublishedAt: c.report_published_at,
  };
}

function campaignOf(s: SuggestionRecord) {
  return s.campaign_id ? { id: s.campaign_id, topic: s.campaign_topic ?? '' } : null;
}

const dateOf = (value: string | null) => (value ? new Date(value) : null);

function steps(s: SuggestionRecord) {
  return {
    acceptanceDueAt: s.acceptance_due_at,
    completionDueAt: s.completion_due_at,
    acceptedAt: s.accepted_at,
    handledAt: s.handled_at,
    decidedAt: s.decided_at,
  };
}

/** What the proposer sees through the private link; the ticket link when it became one. */
export function presentResidentSuggestion(
  s: SuggestionRecord,
  ticketFollowPath: string | null,
): ResidentSuggestion {
  return {
    receiptCode: s.receipt_code,
    status: s.status as SuggestionStatus,
    topic: s.topic,
    reason: s.reason,
    proposal: s.proposal,
    campaign: campaignOf(s),
    createdAt: s.created_at,
    ...steps(s),
    adoptionLevel: s.adoption_level as AdoptionLevel | null,
    feedback: s.feedback,
    claimReason: s.claim_reason,
    ticketFollowPath,
  };
}

/** A suggestion as a staff list row: the proposer masked, the deadlines and whether they passed. */
export function presentStaffSuggestionRow(s: SuggestionRecord, now: Date): StaffSuggestionRow {
  // The acceptance limit is met by accepting or by finding a personal claim; completion by a
  // decision.
  const answered = s.accepted_at ?? (s.status === 'personal_claim' ? s.updated_at : null);
  const finished = s.decided_at ?? (s.status === 'personal_claim' ? s.updated_at : null);
  return {
    id: s.id,
    receiptCode: s.receipt_code,
    status: s.status as SuggestionStatus,
    topic: s.topic,
    channel: s.channel as SuggestionChannel,
    campaign: campaignOf(s),
    proposerNameMasked: s.proposer_name_masked,
    proposerPhoneMasked: s.proposer_phone_masked,
    createdAt: s.created_at,
    ...steps(s),
    acceptanceOverdue: isOverdue(dateOf(s.acceptance_due_at), dateOf(answered), now),
    completionOverdue: isOverdue(dateOf(s.completion_due_at), dateOf(finished), now),
    adoptionLevel: s.adoption_level as AdoptionLevel | null,
  };
}

/** A suggestion with its handling, and the steps this viewer may take now. */
export function presentStaffSuggestion(
  s: SuggestionRecord,
  now: Date,
  allowed: readonly SuggestionStep[],
): StaffSuggestion {
  return {
    ...presentStaffSuggestionRow(s, now),
    reason: s.reason,
    proposal: s.proposal,
    publishConsent: s.publish_consent === 1,
    handlingUnit: s.handling_unit,
    handlingNotes: s.handling_notes,
    conversionType: s.conversion_type as StaffSuggestion['conversionType'],
    feedback: s.feedback,
    claimReason: s.claim_reason,
    ticket: s.ticket_id && s.ticket_code ? { id: s.ticket_id, trackingCode: s.ticket_code } : null,
    steps: [...allowed],
  };
}

/** An adopted suggestion in the public list: topic, proposal, decision, the proposer masked. */
export function presentAdoptedSuggestion(s: SuggestionRecord): AdoptedSuggestion {
  return {
    id: s.id,
    topic: s.topic,
    proposal: s.proposal,
    adoptionLevel: s.adoption_level as AdoptionLevel,
    feedback: s.feedback ?? '',
    proposer: s.proposer_name_masked,
    campaign: s.campaign_topic,
    decidedAt: s.decided_at ?? s.updated_at,
  };
}
