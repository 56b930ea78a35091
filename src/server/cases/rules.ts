// The rules of the case clock: the defaults of src/domain/case-deadlines.ts, with the settings the
// bureau admin changed on top (table case_rules). A limit already computed for a case is stored
// with it and never recomputed, so a change applies to stages that begin after it.
import { z } from 'zod';
import { caseRulesSchema, type CaseRulesBody } from '../../contract/cases.js';
import { defaultCaseRules, type CaseRules } from '../../domain/case-deadlines.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import * as store from './store.js';

const ruleKeys = Object.keys(defaultCaseRules) as (keyof CaseRules)[];
const shape = caseRulesSchema.shape;

/** The rules in force: each setting the bureau stored, else its default. */
export async function loadCaseRules(db: Db): Promise<CaseRules> {
  const rows = await store.listRules(db);
  const rules: CaseRules = structuredClone(defaultCaseRules);
  for (const row of rows) {
    const key = row.key as keyof CaseRules;
    if (!ruleKeys.includes(key)) {
      continue;
    }
    // A stored value that no longer parses (an older shape) leaves the default in force.
    const parsed = (shape[key] as z.ZodType).safeParse(JSON.parse(row.value));
    if (parsed.success) {
      Object.assign(rules, { [key]: parsed.data });
    }
  }
  return rules;
}

/** The rules as the workbench reads them. */
export function getCaseRules(ctx: AppContext): Promise<CaseRulesBody> {
  return loadCaseRules(ctx.db);
}

/**
 * Sets every rule of the case clock at once (bureau admin only); the entry in the audit trail
 * names the settings that changed.
 */
export async function setCaseRules(
  ctx: AppContext,
  actor: StaffActor,
  input: CaseRulesBody,
): Promise<CaseRulesBody> {
  if (actor.role !== 'bureau_admin') {
    throw new AppError('forbidden');
  }
  const current = await loadCaseRules(ctx.db);
  const changed = ruleKeys.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(input[k]));
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const key of changed) {
      await store.upsertRule(trx, { key, value: JSON.stringify(input[key]), at, by: actor.id });
    }
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'case.rules_set',
      recordType: 'policy',
      recordId: 'case-rules',
      detail: { changed },
    });
  });
  return loadCaseRules(ctx.db);
}
