// Finding a penalty decision for the public: by its 决定书文号 together with the party's identity
// number, matched through the keyed digest of the number (the one src/server/cases stores). When
// the two do not belong together the answer is the same neutral not-found whether the decision,
// the number, or both are unknown, so nothing of a case is told to whoever does not hold both.
import type { CreditStanding } from '../../contract/credit.js';
import {
  isValidCreditCode,
  isValidResidentId,
  normalizeIdentityNumber,
} from '../../domain/party-identity.js';
import type { RepairStanding } from '../../domain/credit-repair.js';
import { partyDigest } from '../cases/register.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { charge } from '../rate-limits/service.js';
import { chineseDay } from './present.js';
import { presentStanding, standingOf } from './standing.js';
import * as store from './store.js';

/** A decision number as typed: full-width forms folded, spaces dropped, brackets unified. */
export function normalizeDecisionNo(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\uFEFF]/g, '')
    .replace(/[[【（(]/g, '〔')
    .replace(/[\]】）)]/g, '〕');
}

/** The identity number, normalised, or a 400 naming the field when it is no valid one. */
export function checkedIdentityNumber(raw: string, kind?: 'person' | 'organisation'): string {
  const number = normalizeIdentityNumber(raw);
  const valid =
    kind === 'person'
      ? isValidResidentId(number)
      : kind === 'organisation'
        ? isValidCreditCode(number)
        : isValidResidentId(number) || isValidCreditCode(number);
  if (!valid) {
    throw new AppError('validation_failed', [
      fieldIssue(
        'idNumber',
        kind === 'organisation'
          ? '统一社会信用代码无效，请核对'
          : '请填写有效的居民身份证号码或统一社会信用代码',
        kind === 'organisation'
          ? 'not a valid unified social credit code'
          : 'enter a valid resident identity number or unified social credit code',
      ),
    ]);
  }
  return number;
}

/** The decided penalty case that this decision number and identity number name, or a 404. */
export async function findRecord(
  ctx: AppContext,
  decisionNo: string,
  idNumber: string,
): Promise<store.CreditCase> {
  const digest = partyDigest(ctx.cipher, idNumber);
  const wanted = normalizeDecisionNo(decisionNo);
  const cases = await store.listPenaltyCasesOfParty(ctx.db, digest);
  const found = cases.find((c) => normalizeDecisionNo(c.decision_no ?? '') === wanted);
  if (!found) {
    throw new AppError('credit_record_not_found');
  }
  return found;
}

/** The standing of a found case, or (a penalty nothing publishes) the same neutral 404. */
export function standingOrNotFound(ctx: AppContext, c: store.CreditCase): RepairStanding {
  const standing = standingOf(c, ctx.creditRules, ctx.now());
  if (!standing) {
    throw new AppError('credit_record_not_found');
  }
  return standing;
}

/** The check of the public page: the class and the earliest day, nothing else of the case. */
export async function checkRecord(
  ctx: AppContext,
  input: { decisionNo: string; idNumber: string },
  address: string,
): Promise<CreditStanding> {
  const number = checkedIdentityNumber(input.idNumber);
  await countLookup(ctx, address);
  const c = await findRecord(ctx, input.decisionNo, number);
  return presentStanding(standingOrNotFound(ctx, c));
}

/**
 * Counts one lookup of a decision by a client address, or refuses it (429) past the hourly limit:
 * a decision number and an identity number must not be guessable by trying pairs.
 */
export async function countLookup(ctx: AppContext, address: string): Promise<void> {
  const limits = [
    {
      bucket: 'credit_check_address' as const,
      max: ctx.myRequests.creditChecksPerAddressHour,
      windowSeconds: 3600,
    },
  ];
  await ctx.db
    .transaction()
    .execute((trx) => charge(ctx, trx, [{ value: address, field: 'decisionNo', limits }]));
}

/** Refuses an application the standing does not allow yet, naming the day it becomes possible. */
export function requireApplicable(s: RepairStanding): void {
  const issues = s.blockers.map((b) => {
    switch (b) {
      case 'publication_ended':
        return fieldIssue(
          'decisionNo',
          `该信息的最长公示期已于${chineseDay(s.maxLastDay)}届满，已自动停止公示，无需申请修复`,
          `its publication ended by itself on ${s.maxLastDay}; no repair is needed`,
        );
      case 'obligation_unmet':
        return fieldIssue(
          'decisionNo',
          '行政处罚决定尚未履行完毕（罚款未缴纳），履行完毕后方可申请信用修复',
          'the penalty has not been carried out (the fine is unpaid); apply once it is',
        );
      case 'too_early':
        return fieldIssue(
          'decisionNo',
          `最短公示期未满，最早可于${chineseDay(s.earliestOn)}申请信用修复`,
          `the minimum publication period has not passed; you can apply from ${s.earliestOn}`,
        );
    }
  });
  if (issues.length > 0) {
    throw new AppError('credit_repair_not_ready', issues);
  }
}
