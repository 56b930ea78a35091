// The weights and targets as versions: every edit by the bureau admin is a new version from a
// month on, audited with its reason; no version is ever changed, so a past score can be redone.
import type { Scheme, SchemeBody, SchemeVersion, SetScheme } from '../../contract/assessment.js';
import { dimensionKeys } from '../../contract/assessment.js';
import { schemeForMonth } from '../../domain/assessment/defaults.js';
import { indicatorDefinitions } from '../../domain/assessment/indicators.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import * as store from './store.js';

async function loadVersions(ctx: AppContext): Promise<SchemeVersion[]> {
  const rows = await store.listSchemes(ctx.db);
  return rows.map((r) => ({
    version: r.version,
    effectiveFrom: r.effective_from,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    reason: r.reason,
    body: JSON.parse(r.body) as SchemeBody,
  }));
}

/** The version that applies to a period starting in `firstMonth`. */
export async function schemeFor(ctx: AppContext, firstMonth: string): Promise<SchemeVersion> {
  const found = schemeForMonth(await loadVersions(ctx), firstMonth);
  if (!found) {
    throw new AppError('not_found');
  }
  return found;
}

/** The version in force this month and every version, newest first. */
export async function readScheme(ctx: AppContext): Promise<Scheme> {
  const versions = await loadVersions(ctx);
  const month = shanghaiDate(ctx.now()).slice(0, 7);
  const current = schemeForMonth(versions, month);
  if (!current) {
    throw new AppError('not_found');
  }
  return { current, history: [...versions].reverse() };
}

function sumIssue(field: string, sum: number) {
  return fieldIssue(
    field,
    `权重合计须为 100（现为 ${String(sum)}）`,
    `weights must add up to 100 (now ${String(sum)})`,
  );
}

/** Weights add up to 100 over the dimensions, and over each dimension's indicators. */
function checkWeights(body: SchemeBody): void {
  const issues = [];
  const total = dimensionKeys.reduce((s, k) => s + body.dimensions[k], 0);
  if (total !== 100) {
    issues.push(sumIssue('body.dimensions', total));
  }
  for (const d of dimensionKeys) {
    const own = indicatorDefinitions.filter((i) => i.dimension === d);
    const sum = own.reduce((s, i) => s + body.indicators[i.key].weight, 0);
    if (sum !== 100) {
      issues.push(sumIssue(`body.indicators.${d}`, sum));
    }
  }
  if (issues.length > 0) {
    throw new AppError('validation_failed', issues);
  }
}

/** Saves a new version from a month on (this month or later, so no past score moves). */
export async function setScheme(
  ctx: AppContext,
  actor: StaffActor,
  input: SetScheme,
  requestId: string | null,
): Promise<Scheme> {
  const now = ctx.now();
  if (input.effectiveFrom < shanghaiDate(now).slice(0, 7)) {
    throw new AppError('validation_failed', [
      fieldIssue(
        'effectiveFrom',
        '只能从本月或以后的月份开始',
        'must be this month or a later one',
      ),
    ]);
  }
  checkWeights(input.body);

  await ctx.db.transaction().execute(async (trx) => {
    const versions = await store.listSchemes(trx);
    const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
    await store.insertScheme(trx, {
      version,
      effective_from: input.effectiveFrom,
      body: JSON.stringify(input.body),
      reason: input.reason,
      created_at: now.toISOString(),
      created_by: actor.id,
    });
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'assessment.scheme_set',
      recordType: 'assessment_scheme',
      recordId: String(version),
      detail: { version, effectiveFrom: input.effectiveFrom },
      requestId,
    });
  });
  return readScheme(ctx);
}
