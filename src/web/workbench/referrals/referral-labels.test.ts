import { describe, expect, it } from 'vitest';

import {
  departmentReferralFilters,
  determinationTypes,
  referralKinds,
  referralStatuses,
  referralSteps,
} from '../../../contract/referrals';
import { catalogue } from '../../i18n/catalogues';

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
