// The staff password policy of 等保 身份鉴别 a (docs/security.md): a minimum length, three of
// the four character classes, not the user name (nor containing it), not the current password.
// ASVS 6.2.5 advises against composition rules; the deviation is recorded in docs/security.md.
import type { IdentitySettings } from '../config.js';
import { AppError, fieldIssue } from '../errors.js';

/** The character classes counted: lower case, upper case, digits, anything else. */
const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/** Longest password accepted (ASVS 6.2.9 asks for at least 64). */
export const PASSWORD_MAX_LENGTH = 128;

/** The reason a new password breaks the policy, in both languages, or null when it passes. */
export function passwordProblem(
  settings: Pick<IdentitySettings, 'passwordMinLength'>,
  password: string,
  username: string,
): [string, string] | null {
  const length = [...password].length;
  if (length < settings.passwordMinLength) {
    const min = settings.passwordMinLength;
    return [`密码至少需要${min}个字符`, `must have at least ${min} characters`];
  }
  if (length > PASSWORD_MAX_LENGTH) {
    const max = PASSWORD_MAX_LENGTH;
    return [`密码最多${max}个字符`, `must have at most ${max} characters`];
  }
  if (classes.filter((c) => c.test(password)).length < 3) {
    return [
      '密码须包含小写字母、大写字母、数字、符号中的至少三类',
      'must mix at least three of: lower case, upper case, digits, symbols',
    ];
  }
  const name = username.trim().toLowerCase();
  if (name !== '' && password.toLowerCase().includes(name)) {
    return ['密码不能包含用户名', 'must not contain the user name'];
  }
  return null;
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
