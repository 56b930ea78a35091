import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import type { FormRule } from 'antd';

import {
  brokenPasswordRule,
  keepsPasswordRule,
  PASSWORD_CLASSES_NEEDED,
  PASSWORD_MAX_LENGTH,
  passwordRules,
  type PasswordRule,
} from '../../../domain/password-rules';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';

function ruleText(t: Translate, rule: PasswordRule, minLength: number): string {
  return t(`admin.password_rule.${rule}`, {
    min: minLength,
    max: PASSWORD_MAX_LENGTH,
    classes: PASSWORD_CLASSES_NEEDED,
  });
}

interface PasswordRulesListProps {
  minLength: number;
  password: string;
  username: string;
}

/**
 * The server's password rules (src/domain/password-rules.ts) shown under the field before the
 * form is sent, each marked kept or not as the administrator types.
 */
export function PasswordRulesList({ minLength, password, username }: PasswordRulesListProps) {
  const { t } = useI18n();
  return (
    <ul className="adm-rules" data-testid="password-rules">
      {passwordRules.map((rule) => {
        const kept = password !== '' && keepsPasswordRule(rule, minLength, password, username);
        return (
          <li key={rule} data-rule={rule} data-kept={kept} className={kept ? 'adm-rule-kept' : ''}>
            {kept ? <CheckCircleFilled aria-hidden /> : <CloseCircleOutlined aria-hidden />}{' '}
            {ruleText(t, rule, minLength)}
          </li>
        );
      })}
    </ul>
  );
}

/** The form rule refusing a password before it is sent, worded as the rule it breaks. */
export function passwordFieldRule(
  t: Translate,
  minLength: number,
  username: () => string,
): FormRule {
  return {
    validator: (_rule, value: string | undefined) => {
      const broken = brokenPasswordRule(minLength, value ?? '', username());
      return broken ? Promise.reject(new Error(ruleText(t, broken, minLength))) : Promise.resolve();
    },
  };
}
