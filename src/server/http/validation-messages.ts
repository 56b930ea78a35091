import type { FieldIssue } from '../../contract/common.js';

/** The parts of a zod issue that the messages need. */
interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  expected?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
  origin?: string;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.') || '(body)';
}

function tooSmall(issue: IssueLike): [string, string] {
  const min = String(issue.minimum);
  if (issue.origin === 'string') {
    return min === '1'
      ? ['不能为空', 'must not be empty']
      : [`至少 ${min} 个字`, `must be at least ${min} characters`];
  }
  if (issue.origin === 'array') {
    return [`至少 ${min} 项`, `must have at least ${min} items`];
  }
  return [`不能小于 ${min}`, `must be at least ${min}`];
}

/** What a wrongly written field of a known kind should look like, by the field's own name. */
const formatSentences: Record<string, [string, string]> = {
  phone: ['请输入 11 位手机号码', 'enter an 11-digit mainland mobile number'],
  mobile: ['请输入 11 位手机号码', 'enter an 11-digit mainland mobile number'],
  code: ['请输入短信中的 6 位数字验证码', 'enter the 6-digit code from the SMS'],
};

function wrongFormat(issue: IssueLike): [string, string] {
  const last = String(issue.path.at(-1) ?? '');
  if (formatSentences[last]) {
    return formatSentences[last];
  }
  if (last === 'date' || /On$/.test(last)) {
    return ['日期格式应为 YYYY-MM-DD', 'must be a date written YYYY-MM-DD'];
  }
  return ['格式有误', 'has the wrong format'];
}

function sentence(issue: IssueLike): [string, string] {
  switch (issue.code) {
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return issue.origin === 'array'
        ? [`最多 ${String(issue.maximum)} 项`, `must have at most ${String(issue.maximum)} items`]
        : [`不能超过 ${String(issue.maximum)}`, `must be at most ${String(issue.maximum)}`];
    case 'invalid_type':
      return issue.message.includes('undefined')
        ? ['必填', 'is required']
        : [`类型有误，应为 ${String(issue.expected)}`, `must be ${String(issue.expected)}`];
    case 'invalid_value':
      return [
        `取值无效，可选：${(issue.values ?? []).map(String).join('、')}`,
        `must be one of: ${(issue.values ?? []).map(String).join(', ')}`,
      ];
    case 'invalid_format':
      return wrongFormat(issue);
    case 'unrecognized_keys':
      return [
        `不认识的字段：${(issue.keys ?? []).join('、')}`,
        `unknown field: ${(issue.keys ?? []).join(', ')}`,
      ];
    default:
      return issue.message.startsWith('at most')
        ? [`不能超过 ${issue.message.replace(/\D/g, '')} 个字`, issue.message]
        : ['内容无效', issue.message];
  }
}

/** An unknown-keys issue becomes one per key, so each names its own field (`querystring.sort`). */
function perKey(issue: IssueLike): IssueLike[] {
  if (issue.code !== 'unrecognized_keys' || !issue.keys?.length) {
    return [issue];
  }
  return issue.keys.map((key) => ({ ...issue, keys: [key], path: [...issue.path, key] }));
}

/** Turns zod issues into one bilingual message per wrong field. */
export function fieldIssuesOf(issues: readonly IssueLike[], prefix = ''): FieldIssue[] {
  return issues.flatMap(perKey).map((issue) => {
    const [message, messageEn] = sentence(issue);
    const field = fieldName(issue.path);
    return {
      field: prefix && field !== '(body)' ? `${prefix}.${field}` : field,
      message,
      messageEn,
    };
  });
}
