// The bureau's time limits for handling suggestions; the defaults stand until it sets its own.
import type { SuggestionSettings, SuggestionSettingsView } from '../../contract/suggestions.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { defaultSuggestionSettings } from './rules.js';
import * as store from './store.js';

/** The limits in force, and whether they are the defaults or the bureau's. */
export async function suggestionSettings(ctx: AppContext): Promise<SuggestionSettingsView> {
  const row = await store.findSettings(ctx.db);
  return row
    ? {
        acceptanceDays: row.acceptance_days,
        completionDays: row.completion_days,
        source: 'bureau',
        updatedAt: row.updated_at,
      }
    : { ...defaultSuggestionSettings, source: 'default', updatedAt: null };
}

/** Sets the limits for suggestions received from now on; acceptance may not exceed completion. */
export async function setSuggestionSettings(
  ctx: AppContext,
  actor: StaffActor,
  input: SuggestionSettings,
  requestId: string | null = null,
): Promise<SuggestionSettingsView> {
  if (actor.role !== 'bureau_admin') {
    throw new AppError('forbidden');
  }
  if (input.acceptanceDays > input.completionDays) {
    throw new AppError('validation_failed', [
      fieldIssue(
        'acceptanceDays',
        '受理期限不能长于办结期限',
        'must not exceed the completion limit',
      ),
    ]);
  }
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await store.saveSettings(trx, {
      id: 'default',
      acceptance_days: input.acceptanceDays,
      completion_days: input.completionDays,
      updated_at: at,
      updated_by: actor.id,
    });
    await recordAudit(trx, ctx, {
      actorKind: 'staff',
      actorId: actor.id,
      action: 'suggestion.settings_set',
      recordType: 'suggestion_settings',
      recordId: 'default',
      detail: { acceptanceDays: input.acceptanceDays, completionDays: input.completionDays },
      requestId,
    });
  });
  return suggestionSettings(ctx);
}
