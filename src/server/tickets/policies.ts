import { recordAudit, staffActorKind } from '../audit/service.js';
import type { DeadlinePolicyInput } from '../../contract/policies.js';
import { ticketKinds } from '../../contract/tickets.js';
import { defaultDeadlinePolicies } from '../../domain/deadlines.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import * as store from './store.js';

type Row = Awaited<ReturnType<typeof store.listDeadlinePolicies>>[number];

function present(r: Row) {
  return {
    kind: r.kind as DeadlinePolicyInput['kind'],
    matterCode: r.matter_code,
    firstContactDays: r.first_contact_days,
    resolveDays: r.resolve_days,
    effectiveFrom: r.effective_from,
    createdBy: r.created_by,
    source: 'bureau' as const,
  };
}

/**
 * The policies in force (the newest per kind and matter, else the defaults) and every earlier
 * one: a change adds a row and never rewrites deadlines already computed.
 */
export async function listPolicies(ctx: AppContext) {
  const rows = await store.listDeadlinePolicies(ctx.db);
  const newest = new Map<string, Row>();
  for (const r of rows) {
    const key = `${r.kind}/${r.matter_code ?? ''}`;
    if (!newest.has(key)) {
      newest.set(key, r);
    }
  }
  const defaults = ticketKinds
    .filter((k) => !newest.has(`${k}/`))
    .map((k) => ({
      kind: k,
      matterCode: null,
      ...defaultDeadlinePolicies[k],
      effectiveFrom: '',
      createdBy: null,
      source: 'default' as const,
    }));
  return {
    current: [...defaults, ...[...newest.values()].map(present)],
    history: rows.map(present),
  };
}

/** Sets a new policy in force from now (bureau admin). */
export async function setPolicy(ctx: AppContext, actor: StaffActor, input: DeadlinePolicyInput) {
  // The first contact comes within the time to resolve, never after it.
  if (input.firstContactDays > input.resolveDays) {
    throw new AppError('validation_failed', [
      fieldIssue(
        'firstContactDays',
        '首次联系时限不能长于办结时限',
        'The first-contact limit cannot be longer than the resolution limit',
      ),
    ]);
  }
  if (input.matterCode && !(await store.matterExists(ctx.db, input.matterCode))) {
    throw new AppError('matter_not_found', [
      fieldIssue('matterCode', '执法事项不在清单中', 'not in the matter catalogue'),
    ]);
  }
  const now = ctx.now().toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertDeadlinePolicy(trx, {
      id,
      kind: input.kind,
      matter_code: input.matterCode,
      first_contact_days: input.firstContactDays,
      resolve_days: input.resolveDays,
      effective_from: now,
      created_at: now,
      created_by: actor.id,
    });
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'policy.set',
      recordType: 'policy',
      recordId: id,
      detail: {
        kind: input.kind,
        matterCode: input.matterCode ?? '',
        resolveDays: input.resolveDays,
      },
    });
  });
  return listPolicies(ctx);
}
