import type {
  DistrictTable,
  StreetTable,
  CommunityTable,
  RoomTable,
  RoomMatterTable,
  StaffTable,
  RoomLiaisonTable,
  BuildingTable,
  MatterTable,
  SessionTable,
} from './tables-org.js';
import type {
  TicketTable,
  TicketReporterTable,
  TicketEventTable,
  TicketPhotoTable,
  FileTable,
  CalendarOverrideTable,
  DeadlinePolicyTable,
  OutboxTable,
  OutboxAttemptTable,
  AuditEntryTable,
  AuditPendingTable,
  DepartmentTable,
  ReferralTable,
  ReferralFileTable,
  CalendarYearTable,
} from './tables-tickets.js';
import type {
  PlacardTable,
  PlacardCheckTable,
  PlacardTokenHistoryTable,
  MediationTable,
  MediationPartyTable,
  MediationMediatorTable,
  MediationSessionTable,
  VisitTable,
  VisitPhotoTable,
  VisitTicketTable,
  VisitTargetTable,
  MeetingTable,
  MeetingStaffTable,
  MeetingTicketTable,
  CaseTable,
  CasePartyTable,
  CaseNonPenaltyTable,
  CaseEventTable,
  CaseEvidenceTable,
  CaseRuleTable,
  MatterFineRangeTable,
  ReinspectionTable,
  ReinspectionPhotoTable,
  BuildingFlagTable,
} from './tables-field-work.js';
import type {
  EducationEventTable,
  EducationItemTable,
  EducationMediaTable,
} from './tables-education.js';
import type { MatterRevisionTable } from './tables-matters.js';
import type {
  QaEntryTable,
  SuggestionCampaignTable,
  SuggestionTable,
  SuggestionSettingsTable,
} from './tables-suggestions.js';
import type {
  CreditClassTable,
  CreditRepairEventTable,
  CreditRepairFileTable,
  CreditRepairTable,
} from './tables-credit.js';
import type {
  ResidentCodeTable,
  ResidentRateHitTable,
  ResidentSessionTable,
} from './tables-residents.js';
import type { SurveyAnswerTable, SurveyCampaignTable } from './tables-surveys.js';
import type { CityOpsMessageTable, CityOpsOrderTable } from '../city-ops/tables.js';
import type { Open311KeyTable, Open311NoteTable, Open311RequestTable } from './tables-open311.js';
import type {
  AssessmentExemplaryFileTable,
  AssessmentExemplaryTable,
  AssessmentSchemeTable,
} from './tables-assessment.js';

// The table types stand in one file per area; they are all reachable from here.
export type * from './tables-org.js';
export type * from './tables-tickets.js';
export type * from './tables-field-work.js';
export type * from './tables-education.js';
export type * from './tables-suggestions.js';
export type * from './tables-matters.js';
export type * from './tables-residents.js';
export type * from './tables-credit.js';
export type * from './tables-surveys.js';
export type * from './tables-assessment.js';
export type * from './tables-open311.js';

/**
 * Table types shared by SQLite and PostgreSQL. Ids are generated text, instants are ISO 8601 UTC
 * text and booleans are 0/1 integers, so the same queries run on both dialects (docs/database.md).
 */
export interface Database {
  districts: DistrictTable;
  streets: StreetTable;
  communities: CommunityTable;
  rooms: RoomTable;
  room_matters: RoomMatterTable;
  staff: StaffTable;
  room_liaisons: RoomLiaisonTable;
  buildings: BuildingTable;
  matters: MatterTable;
  matter_revisions: MatterRevisionTable;
  sessions: SessionTable;
  tickets: TicketTable;
  ticket_reporters: TicketReporterTable;
  ticket_events: TicketEventTable;
  ticket_photos: TicketPhotoTable;
  files: FileTable;
  calendar_overrides: CalendarOverrideTable;
  calendar_years: CalendarYearTable;
  deadline_policies: DeadlinePolicyTable;
  audit_entries: AuditEntryTable;
  audit_pending: AuditPendingTable;
  outbox: OutboxTable;
  outbox_attempts: OutboxAttemptTable;
  departments: DepartmentTable;
  referrals: ReferralTable;
  referral_files: ReferralFileTable;
  placards: PlacardTable;
  placard_checks: PlacardCheckTable;
  placard_token_history: PlacardTokenHistoryTable;
  mediations: MediationTable;
  mediation_parties: MediationPartyTable;
  mediation_mediators: MediationMediatorTable;
  mediation_sessions: MediationSessionTable;
  visits: VisitTable;
  visit_photos: VisitPhotoTable;
  visit_tickets: VisitTicketTable;
  visit_targets: VisitTargetTable;
  meetings: MeetingTable;
  meeting_staff: MeetingStaffTable;
  meeting_tickets: MeetingTicketTable;
  cases: CaseTable;
  case_parties: CasePartyTable;
  case_non_penalty: CaseNonPenaltyTable;
  case_events: CaseEventTable;
  case_evidence: CaseEvidenceTable;
  case_rules: CaseRuleTable;
  matter_fine_ranges: MatterFineRangeTable;
  reinspections: ReinspectionTable;
  reinspection_photos: ReinspectionPhotoTable;
  building_flags: BuildingFlagTable;
  credit_repairs: CreditRepairTable;
  credit_repair_files: CreditRepairFileTable;
  credit_repair_events: CreditRepairEventTable;
  credit_classes: CreditClassTable;
  resident_codes: ResidentCodeTable;
  resident_sessions: ResidentSessionTable;
  resident_rate_hits: ResidentRateHitTable;
  qa_entries: QaEntryTable;
  suggestion_campaigns: SuggestionCampaignTable;
  suggestions: SuggestionTable;
  suggestion_settings: SuggestionSettingsTable;
  education_items: EducationItemTable;
  education_events: EducationEventTable;
  education_media: EducationMediaTable;
  survey_campaigns: SurveyCampaignTable;
  survey_answers: SurveyAnswerTable;
  city_ops_orders: CityOpsOrderTable;
  city_ops_messages: CityOpsMessageTable;
  assessment_schemes: AssessmentSchemeTable;
  assessment_exemplary: AssessmentExemplaryTable;
  assessment_exemplary_files: AssessmentExemplaryFileTable;
  open311_keys: Open311KeyTable;
  open311_requests: Open311RequestTable;
  open311_notes: Open311NoteTable;
}
