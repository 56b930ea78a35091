// The staff password policy of 等保 身份鉴别 a (docs/security.md): the rules themselves live in
// src/domain/password-rules.ts, shared with the workbench; this file words a broken rule in both
// languages and refuses it. The current password is checked apart, where it is known.
import {
  brokenPasswordRule,
  PASSWORD_MAX_LENGTH,
  type PasswordRule,
} from '../../domain/password-rules.js';
import type { IdentitySettings } from '../config.js';
import { AppError, fieldIssue } from '../errors.js';

function wording(rule: PasswordRule, min: number): [string, string] {
  switch (rule) {
    case 'min_length':
      return [`密码至少需要${min}个字符`, `must have at least ${min} characters`];
    case 'max_length':
      return [
        `密码最多${PASSWORD_MAX_LENGTH}个字符`,
        `must have at most ${PASSWORD_MAX_LENGTH} characters`,
      ];
    case 'classes':
      return [
        '密码须包含小写字母、大写字母、数字、符号中的至少三类',
        'must mix at least three of: lower case, upper case, digits, symbols',
      ];
    case 'username':
      return ['密码不能包含用户名', 'must not contain the user name'];
  }
}

/** The reason a new password breaks the policy, in both languages, or null when it passes. */
export function passwordProblem(
  settings: Pick<IdentitySettings, 'passwordMinLength'>,
  password: string,
  username: string,
): [string, string] | null {
  const rule = brokenPasswordRule(settings.passwordMinLength, password, username);
  return rule ? wording(rule, settings.passwordMinLength) : null;
}

/** Throws a validation error naming `field` when the password breaks the policy. */
export function assertPasswordPolicy(
  settings: Pick<IdentitySettings, 'passwordMinLength'>,
  field: string,
  password: string,
  username: string,
): void {
  const problem = passwordProblem(settings, password, username);
  if (problem) {
    throw new AppError('validation_failed', [fieldIssue(field, problem[0], problem[1])]);
  }
}
