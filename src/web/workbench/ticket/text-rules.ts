import type { Rule } from 'antd/es/form';

import type { Translate } from '../../i18n/translate';
import { textLength } from '../../shared/text-length';

/** Form rules for person text: required or not, at most `max` code points after trimming. */
export function textRules(t: Translate, max: number, required: boolean): Rule[] {
  const rules: Rule[] = [
    {
      validator: (_, value: unknown) => {
        const text = typeof value === 'string' ? value.trim() : '';
        if (required && text.length === 0) {
          return Promise.reject(new Error(t('action.field.required')));
        }
        if (textLength(text) > max) {
          return Promise.reject(new Error(t('action.field.too_long', { max })));
        }
        return Promise.resolve();
      },
    },
  ];
  return rules;
}

/** A code-point counter for antd inputs, matching how the server counts. */
export function codePointCount(max: number) {
  return { show: true, max, strategy: textLength };
}
