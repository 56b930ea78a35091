import type { RuleObject } from 'antd/es/form';
import type { FormInstance } from 'antd';

import type { StaffCase } from '../../../contract/case-views';
import type { Translate } from '../../i18n/translate';
import { fenToYuan, yuanToFen } from './money';

type FineRange = StaffCase['matter']['fineRanges'][number];

/**
 * The form rule of a fine: inside the party's range for the circumstance ticked (情节严重 or not),
 * as the server will check; no rule when the matter has no structured range.
 */
export function fineRangeRule(t: Translate, ranges: readonly FineRange[]) {
  return ({ getFieldValue }: Pick<FormInstance, 'getFieldValue'>): RuleObject => ({
    validator: (_, value: unknown) => {
      const serious = getFieldValue('serious') === true;
      const range = ranges.find((r) => r.circumstance === (serious ? 'serious' : 'ordinary'));
      const fen = typeof value === 'string' ? yuanToFen(value) : null;
      if (!range || fen === null || (fen >= range.minFen && fen <= range.maxFen)) {
        return Promise.resolve();
      }
      const min = fenToYuan(range.minFen);
      const max = fenToYuan(range.maxFen);
      return Promise.reject(new Error(t('case.range.outside', { min, max })));
    },
  });
}
