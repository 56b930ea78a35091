import type { Ratings } from '../../contract/dashboard.js';
import { handlerAssessments, outcomes, ratings } from '../../contract/tickets.js';

/** One group of the verdict count: a combination of both verdicts and its number of tickets. */
export interface Counted {
  rating: string | null;
  citizen_solved: number | null;
  outcome: string | null;
  handler_assessment: string | null;
  n: number;
}

function sumWhere(rows: Counted[], keep: (r: Counted) => boolean): number {
  return rows.filter(keep).reduce((sum, r) => sum + r.n, 0);
}

/**
 * Splits the verdict groups into the resident's (rating, 是否解决) and the handler's (outcome,
 * 承办认定): DOMAIN §9 item 5 asks that 市民认定 and 承办认定 are never merged into one number.
 */
export function presentRatings(rows: Counted[]): Ratings {
  return {
    resident: {
      ratings: ratings.map((rating) => ({
        rating,
        count: sumWhere(rows, (r) => r.rating === rating),
      })),
      unrated: sumWhere(rows, (r) => r.rating === null && r.outcome !== null),
      solvedYes: sumWhere(rows, (r) => r.citizen_solved === 1),
      solvedNo: sumWhere(rows, (r) => r.citizen_solved === 0),
    },
    handler: {
      outcomes: outcomes.map((outcome) => ({
        outcome,
        count: sumWhere(rows, (r) => r.outcome === outcome),
      })),
      assessments: handlerAssessments.map((assessment) => ({
        assessment,
        count: sumWhere(rows, (r) => r.handler_assessment === assessment),
      })),
    },
  };
}
