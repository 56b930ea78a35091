// Table types of satisfaction surveys (满意度测评, migration 0021).

/** A survey campaign of one street (street_id) or of all streets (null). */
export interface SurveyCampaignTable {
  id: string;
  street_id: string | null;
  title: string;
  /** First and last day, YYYY-MM-DD in Asia/Shanghai, both included. */
  opens_on: string;
  closes_on: string;
  /** JSON text: the question texts; the first is the overall satisfaction question. */
  questions: string;
  comment_max: number;
  created_by: string;
  created_at: string;
}

/** One anonymous answer: a keyed hash of the browser's device key, never an identity. */
export interface SurveyAnswerTable {
  id: string;
  campaign_id: string;
  street_id: string;
  building_id: string | null;
  device_hash: string;
  /** JSON text: one choice code per question. */
  choices: string;
  overall: string;
  comment: string | null;
  answered_at: string;
}
