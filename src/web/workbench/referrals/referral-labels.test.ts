import { describe, expect, it } from 'vitest';

import {
  departmentReferralFilters,
  determinationTypes,
  referralKinds,
  referralStatuses,
  referralSteps,
} from '../../../contract/referrals';
import { catalogue } from '../../i18n/catalogues';
import { referralStatusTags } from './referral-status-tags';

const zhCN = catalogue('zh-CN');
const en = catalogue('en');

const catalogues: Record<string, Record<string, string>> = { 'zh-CN': zhCN, en };

/** Every value the referral screens label, with the key prefix its label lives under. */
const labelled: [prefix: string, values: readonly string[]][] = [
  ['referral.kind.', referralKinds],
  ['referral.determination.', determinationTypes],
  ['referral.status.', referralStatuses],
  ['referral.filter.', departmentReferralFilters],
  ['referral.delivery.error.', ['no_active_account', 'unknown']],
  ...referralSteps.flatMap((step): [string, readonly string[]][] => [
    [`referral.step.${step}.`, ['button', 'title', 'lead', 'field', 'submit']],
  ]),
];

describe('the labels of referrals and clues', () => {
  it('name every kind, determination, state, filter and step in both languages', () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      const missing = labelled.flatMap(([prefix, values]) =>
        values.map((v) => prefix + v).filter((key) => !(key in messages)),
      );
      expect(missing.map((key) => `${locale}:${key}`)).toEqual([]);
    }
  });
});

/** The tags of a referral as a person reads them, in `locale`, with their colours. */
function tagsOf(input: Parameters<typeof referralStatusTags>[0], locale = 'zh-CN') {
  return referralStatusTags(input).map(
    (tag) => `${catalogues[locale]?.[tag.key] ?? tag.key}/${tag.color}`,
  );
}

describe('the state tags of a referral', () => {
  const base = { overdue: false, repliedLate: false };

  it('say the delivery failed, in red, instead of a delivered state', () => {
    expect(tagsOf({ ...base, status: 'sent', deliveryFailed: true })).toEqual(['送达失败/red']);
    expect(tagsOf({ ...base, status: 'sent', deliveryFailed: true }, 'en')).toEqual([
      'Delivery failed/red',
    ]);
  });

  it('call a delivered, not yet accepted referral the same in the tag and the filter', () => {
    expect(tagsOf({ ...base, status: 'sent', deliveryFailed: false })).toEqual(['待签收/gold']);
    expect(zhCN['referral.filter.sent']).toBe('待签收');
    expect(tagsOf({ ...base, status: 'sent' }, 'en')).toEqual(['Awaiting acceptance/gold']);
    expect(en['referral.filter.sent']).toBe('Awaiting acceptance');
  });

  it('add 逾期答复 to an answer given after the deadline, and nothing to one in time', () => {
    expect(tagsOf({ status: 'answered', overdue: false, repliedLate: true })).toEqual([
      '已答复/green',
      '逾期答复/orange',
    ]);
    expect(tagsOf({ status: 'answered', overdue: false, repliedLate: true }, 'en')).toEqual([
      'Answered/green',
      'Answered late/orange',
    ]);
    expect(tagsOf({ status: 'answered', overdue: false, repliedLate: false })).toEqual([
      '已答复/green',
    ]);
  });

  it('add 逾期未复 in red while an accepted referral waits past its deadline', () => {
    expect(tagsOf({ status: 'accepted', overdue: true, repliedLate: false })).toEqual([
      '已签收/blue',
      '逾期未复/red',
    ]);
  });
});
