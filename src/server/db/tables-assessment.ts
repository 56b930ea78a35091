// Table types of the street assessment (migration 0020, src/server/assessment).

/** One version of the weights and targets; a new version for every edit, none ever changed. */
export interface AssessmentSchemeTable {
  version: number;
  /** The first month (YYYY-MM) the version applies to. */
  effective_from: string;
  /** JSON text of the SchemeBody (src/contract/assessment.ts). */
  body: string;
  reason: string;
  created_at: string;
  created_by: string | null;
}

/** Exemplary work (典型培养) of a street the bureau recognised. */
export interface AssessmentExemplaryTable {
  id: string;
  street_id: string;
  title: string;
  /** The Shanghai date the bureau recognised it. */
  recognised_on: string;
  description: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** An evidence photo of exemplary work (a row of files). */
export interface AssessmentExemplaryFileTable {
  exemplary_id: string;
  file_id: string;
  sort: number;
}
