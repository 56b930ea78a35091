// The staff password rules of 等保 身份鉴别 a (docs/security.md), in one place for the server,
// which enforces them, and the workbench, which shows them before a form is sent: a minimum
// length (configured, PASSWORD_MIN_LENGTH), a maximum, three of the four character classes and
// not containing the user name. ASVS 6.2.5 advises against composition rules; the deviation is
// recorded in docs/security.md.

/** Longest password accepted (ASVS 6.2.9 asks for at least 64). */
export const PASSWORD_MAX_LENGTH = 128;

/** How many of the four character classes a password must mix. */
export const PASSWORD_CLASSES_NEEDED = 3;

/** The character classes counted: lower case, upper case, digits, anything else. */
const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/** The rules in the order they are checked and shown. */
export const passwordRules = ['min_length', 'max_length', 'classes', 'username'] as const;
export type PasswordRule = (typeof passwordRules)[number];

/** Whether a password keeps one rule; the length counts characters, not UTF-16 units. */
export function keepsPasswordRule(
  rule: PasswordRule,
  minLength: number,
  password: string,
  username: string,
): boolean {
  const length = [...password].length;
  switch (rule) {
    case 'min_length':
      return length >= minLength;
    case 'max_length':
      return length <= PASSWORD_MAX_LENGTH;
    case 'classes':
      return classes.filter((c) => c.test(password)).length >= PASSWORD_CLASSES_NEEDED;
    case 'username': {
      const name = username.trim().toLowerCase();
      return name === '' || !password.toLowerCase().includes(name);
    }
  }
}

/** The first rule a password breaks, or null when it keeps them all. */
export function brokenPasswordRule(
  minLength: number,
  password: string,
  username: string,
): PasswordRule | null {
  return passwordRules.find((r) => !keepsPasswordRule(r, minLength, password, username)) ?? null;
}
