import type { Campaign, PublicCampaign } from '../../contract/surveys.js';
import type { CampaignRecord } from './store.js';

/** The question texts of a stored campaign. */
export function questionsOf(row: CampaignRecord): string[] {
  return JSON.parse(row.questions) as string[];
}

/** Whether a campaign takes answers on a Shanghai calendar day. */
export function isOpenOn(row: CampaignRecord, day: string): boolean {
  return row.opens_on <= day && day <= row.closes_on;
}

/** A campaign as the workbench shows it. */
export function presentCampaign(row: CampaignRecord, day: string, answered: number): Campaign {
  return {
    id: row.id,
    streetId: row.street_id,
    streetName: row.street_name,
    title: row.title,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    questions: questionsOf(row),
    commentMax: row.comment_max,
    open: isOpenOn(row, day),
    answered,
    createdAt: row.created_at,
  };
}

/** A campaign as a resident sees it: no counts; streets only for an all-street campaign. */
export function presentPublicCampaign(
  row: CampaignRecord,
  day: string,
  streets: { id: string; name: string }[],
): PublicCampaign {
  return {
    id: row.id,
    title: row.title,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    questions: questionsOf(row),
    commentMax: row.comment_max,
    open: isOpenOn(row, day),
    streets: row.street_id === null ? streets : [],
  };
}
