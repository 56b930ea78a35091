import type { ExpressionBuilder, Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type {
  Database,
  SuggestionCampaignTable,
  SuggestionSettingsTable,
  SuggestionTable,
} from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Inserts a campaign. */
export async function insertCampaign(
  db: Executor,
  row: Insertable<SuggestionCampaignTable>,
): Promise<void> {
  await db.insertInto('suggestion_campaigns').values(row).execute();
}

/** Changes a campaign. */
export async function updateCampaign(
  db: Executor,
  id: string,
  changes: Updateable<SuggestionCampaignTable>,
): Promise<void> {
  await db.updateTable('suggestion_campaigns').set(changes).where('id', '=', id).execute();
}

function campaignWithCount(db: Executor) {
  return db
    .selectFrom('suggestion_campaigns')
    .leftJoin('streets', 'streets.id', 'suggestion_campaigns.street_id')
    .selectAll('suggestion_campaigns')
    .select((eb) => [
      'streets.name as street_name',
      eb
        .selectFrom('suggestions')
        .select(eb.fn.countAll().as('n'))
        .whereRef('suggestions.campaign_id', '=', 'suggestion_campaigns.id')
        .as('received'),
    ]);
}

/** A campaign with its street's name and how many suggestions it received. */
export type CampaignRecord = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

/** A campaign by id. */
export function findCampaign(db: Executor, id: string) {
  return campaignWithCount(db).where('suggestion_campaigns.id', '=', id).executeTakeFirst();
}

/** Every campaign, the latest deadline first. */
export function listCampaigns(db: Executor) {
  return campaignWithCount(db)
    .orderBy('suggestion_campaigns.deadline_on', 'desc')
    .orderBy('suggestion_campaigns.id')
    .execute();
}

/** Inserts a suggestion. */
export async function insertSuggestion(
  db: Executor,
  row: Insertable<SuggestionTable>,
): Promise<void> {
  await db.insertInto('suggestions').values(row).execute();
}

/** Changes a suggestion only if nobody changed it since it was read; false means another won. */
export async function updateSuggestionIf(
  db: Executor,
  id: string,
  version: number,
  changes: Updateable<SuggestionTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('suggestions')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function suggestionWithNames(db: Executor) {
  return db
    .selectFrom('suggestions')
    .leftJoin('suggestion_campaigns', 'suggestion_campaigns.id', 'suggestions.campaign_id')
    .leftJoin('tickets', 'tickets.id', 'suggestions.ticket_id')
    .selectAll('suggestions')
    .select([
      'suggestion_campaigns.topic as campaign_topic',
      'tickets.tracking_code as ticket_code',
    ]);
}

/** A suggestion with its campaign's topic and the code of the ticket it became. */
export type SuggestionRecord = NonNullable<Awaited<ReturnType<typeof findSuggestion>>>;

/** A suggestion by id. */
export function findSuggestion(db: Executor, id: string) {
  return suggestionWithNames(db).where('suggestions.id', '=', id).executeTakeFirst();
}

/** A suggestion by the hash of its private access token. */
export function findSuggestionByAccessHash(db: Executor, hash: string) {
  return suggestionWithNames(db).where('suggestions.access_hash', '=', hash).executeTakeFirst();
}

/** A suggestion by its receipt code. */
export function findSuggestionByReceipt(db: Executor, code: string) {
  return suggestionWithNames(db).where('suggestions.receipt_code', '=', code).executeTakeFirst();
}

/** The suggestions whose proposer left the phone with this keyed digest, newest first. */
export function listSuggestionsByPhoneDigest(db: Executor, digest: string) {
  return suggestionWithNames(db)
    .where('suggestions.proposer_phone_digest', '=', digest)
    .orderBy('suggestions.created_at', 'desc')
    .orderBy('suggestions.id')
    .execute();
}

/** Whose suggestions a staff list shows: one street's (and the district's own), or all. */
export type SuggestionScope = { streetId: string } | { all: true };

/** What a staff list narrows to. */
export interface SuggestionFilter {
  statuses: readonly string[] | null;
  campaignId: string | null;
}

function conditions(
  eb: ExpressionBuilder<Database, 'suggestions'>,
  scope: SuggestionScope,
  filter: SuggestionFilter,
) {
  const all = [];
  if ('streetId' in scope) {
    all.push(eb('suggestions.street_id', '=', scope.streetId));
  }
  if (filter.statuses) {
    all.push(eb('suggestions.status', 'in', filter.statuses));
  }
  if (filter.campaignId) {
    all.push(eb('suggestions.campaign_id', '=', filter.campaignId));
  }
  return eb.and(all);
}

/** One page of suggestions in a scope, oldest acceptance deadline first, with the total. */
export async function listSuggestions(
  db: Executor,
  scope: SuggestionScope,
  filter: SuggestionFilter,
  page: { limit: number; offset: number },
) {
  const rows = await suggestionWithNames(db)
    .where((eb) => conditions(eb, scope, filter))
    .orderBy('suggestions.created_at', 'desc')
    .orderBy('suggestions.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await db
    .selectFrom('suggestions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => conditions(eb, scope, filter))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

function adoptedConditions(
  eb: ExpressionBuilder<Database, 'suggestions'>,
  campaignId: string | null,
) {
  const all = [
    eb('suggestions.status', '=', 'closed'),
    eb('suggestions.adoption_level', 'in', ['adopted', 'partly_adopted']),
    // Only with the proposer's agreement to publication.
    eb('suggestions.publish_consent', '=', 1),
  ];
  if (campaignId) {
    all.push(eb('suggestions.campaign_id', '=', campaignId));
  }
  return eb.and(all);
}

/** One page of adopted suggestions whose proposer agreed to publication, newest decision first. */
export async function listAdopted(
  db: Executor,
  campaignId: string | null,
  page: { limit: number; offset: number },
) {
  const rows = await suggestionWithNames(db)
    .where((eb) => adoptedConditions(eb, campaignId))
    .orderBy('suggestions.decided_at', 'desc')
    .orderBy('suggestions.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await db
    .selectFrom('suggestions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => adoptedConditions(eb, campaignId))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** The bureau's time limits, if it set them. */
export function findSettings(db: Executor) {
  return db
    .selectFrom('suggestion_settings')
    .selectAll()
    .where('id', '=', 'default')
    .executeTakeFirst();
}

/** Stores the bureau's time limits. */
export async function saveSettings(
  db: Executor,
  row: Insertable<SuggestionSettingsTable>,
): Promise<void> {
  await db
    .insertInto('suggestion_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        acceptance_days: row.acceptance_days,
        completion_days: row.completion_days,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}

/** The placard token of the building with this code, for filing a ticket there. */
export async function findPlacardTokenOfBuilding(db: Executor, code: string) {
  const row = await db
    .selectFrom('buildings')
    .select('placard_token')
    .where('code', '=', code)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return row?.placard_token ?? null;
}

/** The street of an id, when it exists. */
export async function streetExists(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('streets').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
