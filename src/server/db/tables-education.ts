// Table types of legal education (migration 0017): items, events and their media.

export interface EducationItemTable {
  id: string;
  kind: 'article' | 'illustrated' | 'video' | 'animation' | 'typical_case';
  title: string;
  summary: string;
  body: string;
  topic: string;
  matter_code: string | null;
  street_id: string | null;
  status: 'draft' | 'in_review' | 'published';
  author_id: string;
  reviewer_id: string | null;
  submitted_at: string | null;
  reviewed_at: string | null;
  published_at: string | null;
  return_reason: string | null;
  case_facts: string | null;
  case_handling: string | null;
  case_legal_basis: string | null;
  view_count: number;
  created_at: string;
  updated_at: string;
}

export interface EducationEventTable {
  id: string;
  kind: 'lecture' | 'open_day' | 'scene' | 'other';
  title: string;
  place: string;
  event_date: string;
  street_id: string | null;
  community_id: string | null;
  attendance: number;
  notes: string | null;
  published: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface EducationMediaTable {
  id: string;
  storage_key: string;
  kind: 'image' | 'video';
  mime: string;
  size: number;
  width: number;
  height: number;
  sha256: string;
  original_name: string;
  uploaded_by: string;
  created_at: string;
  owner_type: 'item' | 'event' | null;
  owner_id: string | null;
  role: 'body' | 'slide' | 'video' | 'poster' | 'photo' | null;
  caption: string | null;
  sort: number;
}
