// Table types of the organisation: districts to buildings, staff and sessions, the matter
// catalogue.
import type { StaffRole } from '../../contract/auth.js';

export interface DistrictTable {
  id: string;
  code: string;
  name: string;
  is_demo: number;
}

export interface StreetTable {
  id: string;
  district_id: string;
  code: string;
  name: string;
  sort: number;
  is_demo: number;
}

export interface CommunityTable {
  id: string;
  street_id: string;
  code: string;
  name: string;
  kind: 'community' | 'park';
  is_demo: number;
}

export interface RoomTable {
  id: string;
  community_id: string;
  code: string;
  name: string;
  kind: 'workroom' | 'workstation';
  address: string;
  hours: string;
  is_demo: number;
}

export interface RoomMatterTable {
  room_id: string;
  matter_code: string;
  sort: number;
}

export interface StaffTable {
  id: string;
  username: string;
  password_hash: string;
  name: string;
  role: StaffRole;
  street_id: string | null;
  badge_no: string | null;
  work_phone: string | null;
  active: number;
  is_demo: number;
  created_at: string;
  /** The partner department of a 'department' account (migration 0005); null for officers. */
  department_id?: string | null;
  /** The officer's own mobile for notifications, encrypted (migration 0009); never printed. */
  mobile_enc?: string | null;
  mobile_masked?: string | null;
  /** Sign-in failures in a row and the end of a lockout (migration 0024, docs/security.md). */
  failed_logins?: number;
  locked_until?: string | null;
  /** The TOTP secret, encrypted under DATA_KEY; set at enrolment, confirmed when enabled. */
  totp_secret_enc?: string | null;
  totp_enabled_at?: string | null;
  /** The last TOTP time step accepted, so that one code cannot be used twice. */
  totp_last_step?: number | null;
  /** Keyed hashes of the unused one-time recovery codes, as a JSON array. */
  totp_recovery?: string | null;
  password_changed_at?: string | null;
}

export interface RoomLiaisonTable {
  room_id: string;
  staff_id: string;
  sort: number;
}

export interface BuildingTable {
  id: string;
  community_id: string;
  code: string;
  name: string;
  address: string;
  placard_token: string;
  retired_at: string | null;
  is_demo: number;
}

export interface MatterTable {
  code: string;
  name: string;
  name_en: string;
  prohibition_basis: string;
  penalty_basis: string;
  penalty_range: string;
  sort: number;
  /** 处罚实施主体, or for a matter not handled by 城管 the body to go to (migration 0015). */
  handling_body: string;
  /** 1 when 城管 handles the matter, 0 when it is listed for residents but belongs elsewhere. */
  handled_by_chengguan: number;
  /** Related legal education in Chinese, and the topic code of /learn?topic=… (or null). */
  education: string;
  education_topic: string | null;
  /** 0 once retired: kept for history, hidden from the public and from new tickets. */
  active: number;
  updated_at: string;
  /**
   * The searched fields NFKC-normalised and lower-cased in code
   * (src/server/matters/search-text.ts).
   */
  search_text: string;
}

export interface SessionTable {
  id: string;
  staff_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** 'done', or the step still owed: 'totp' or 'enrol' (migration 0024). */
  second_factor?: string;
}
