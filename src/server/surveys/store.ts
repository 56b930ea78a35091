import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, SurveyAnswerTable, SurveyCampaignTable } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Stores a new campaign. */
export async function insertCampaign(db: Executor, row: SurveyCampaignTable): Promise<void> {
  await db.insertInto('survey_campaigns').values(row).execute();
}

/** One campaign with the name of its street (null for all streets). */
export function findCampaign(db: Executor, id: string) {
  return db
    .selectFrom('survey_campaigns')
    .leftJoin('streets', 'streets.id', 'survey_campaigns.street_id')
    .selectAll('survey_campaigns')
    .select('streets.name as street_name')
    .where('survey_campaigns.id', '=', id)
    .executeTakeFirst();
}
export type CampaignRecord = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

/** The campaigns a scope sees (a street's own and the all-street ones), newest first. */
export function listCampaigns(db: Executor, streetId: string | null) {
  let q = db
    .selectFrom('survey_campaigns')
    .leftJoin('streets', 'streets.id', 'survey_campaigns.street_id')
    .selectAll('survey_campaigns')
    .select('streets.name as street_name');
  if (streetId !== null) {
    q = q.where((eb) =>
      eb.or([
        eb('survey_campaigns.street_id', '=', streetId),
        eb('survey_campaigns.street_id', 'is', null),
      ]),
    );
  }
  return q.orderBy('survey_campaigns.opens_on', 'desc').orderBy('survey_campaigns.id').execute();
}

/** The campaigns open on a day that cover a street. */
export function listOpenCampaigns(db: Executor, streetId: string, day: string) {
  return db
    .selectFrom('survey_campaigns')
    .leftJoin('streets', 'streets.id', 'survey_campaigns.street_id')
    .selectAll('survey_campaigns')
    .select('streets.name as street_name')
    .where('survey_campaigns.opens_on', '<=', day)
    .where('survey_campaigns.closes_on', '>=', day)
    .where((eb) =>
      eb.or([
        eb('survey_campaigns.street_id', '=', streetId),
        eb('survey_campaigns.street_id', 'is', null),
      ]),
    )
    .orderBy('survey_campaigns.closes_on')
    .execute();
}

/** The number of answers of each campaign listed. */
export async function countAnswers(db: Executor, campaignIds: string[]) {
  if (campaignIds.length === 0) {
    return new Map<string, number>();
  }
  const rows = await db
    .selectFrom('survey_answers')
    .select(['campaign_id', (eb) => eb.fn.countAll().as('n')])
    .where('campaign_id', 'in', campaignIds)
    .groupBy('campaign_id')
    .execute();
  return new Map(rows.map((r) => [r.campaign_id, Number(r.n)]));
}

/** Stores an answer; false when this device hash already answered the campaign. */
export async function insertAnswer(
  db: Executor,
  row: Insertable<SurveyAnswerTable>,
): Promise<boolean> {
  const result = await db
    .insertInto('survey_answers')
    .values(row)
    .onConflict((oc) => oc.columns(['campaign_id', 'device_hash']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The answers of a campaign (in a street when given), oldest first. */
export function listAnswers(db: Executor, campaignId: string, streetId: string | null) {
  let q = db
    .selectFrom('survey_answers')
    .select(['street_id', 'choices', 'comment', 'answered_at'])
    .where('campaign_id', '=', campaignId);
  if (streetId !== null) {
    q = q.where('street_id', '=', streetId);
  }
  return q.orderBy('answered_at').orderBy('id').execute();
}

/** The overall choices of a street's answers given in [from, to), counted per choice. */
export async function countOverall(db: Executor, streetId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('survey_answers')
    .select(['overall', (eb) => eb.fn.countAll().as('n')])
    .where('street_id', '=', streetId)
    .where('answered_at', '>=', from)
    .where('answered_at', '<', to)
    .groupBy('overall')
    .execute();
  return new Map(rows.map((r) => [r.overall, Number(r.n)]));
}

/** The street of a building that carries a live placard token. */
export function findPlacardStreet(db: Executor, token: string) {
  return db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .select(['buildings.id as building_id', 'communities.street_id'])
    .where('buildings.placard_token', '=', token)
    .where('buildings.retired_at', 'is', null)
    .executeTakeFirst();
}

/** Streets by id, in their order, for names. */
export function listStreets(db: Executor) {
  return db.selectFrom('streets').select(['id', 'name']).orderBy('sort').orderBy('name').execute();
}

/** Whether a street exists. */
export async function streetExists(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('streets').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
