// Table types of the organisation: districts to buildings, staff and sessions, the matter catalogue.

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
  role: 'liaison' | 'street_admin' | 'bureau_admin' | 'department' | 'auditor';
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
}

export interface SessionTable {
  id: string;
  staff_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}
