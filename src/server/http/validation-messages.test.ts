import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssuesOf } from './validation-messages.js';

function issuesOf(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : fieldIssuesOf(parsed.error.issues);
}

describe('a field written in the wrong form', () => {
  it('says what a phone, an SMS code and a date should look like', () => {
    const schema = z.object({
      phone: z.string().regex(/^1[3-9]\d{9}$/),
      code: z.string().regex(/^\d{6}$/),
      heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(issuesOf(schema, { phone: '1391234', code: '12ab', heldOn: '5月1日' })).toEqual([
      {
        field: 'phone',
        message: '请输入 11 位手机号码',
        messageEn: 'enter an 11-digit mainland mobile number',
      },
      {
        field: 'code',
        message: '请输入短信中的 6 位数字验证码',
        messageEn: 'enter the 6-digit code from the SMS',
      },
      {
        field: 'heldOn',
        message: '日期格式应为 YYYY-MM-DD',
        messageEn: 'must be a date written YYYY-MM-DD',
      },
    ]);
  });

  it('keeps the general words for any other field', () => {
    expect(issuesOf(z.object({ token: z.string().regex(/^x/) }), { token: 'y' })).toEqual([
      { field: 'token', message: '格式有误', messageEn: 'has the wrong format' },
    ]);
  });
});

describe('keys a strict object does not know', () => {
  it('names each unknown key as its own field, nested ones with their path', () => {
    const schema = z.strictObject({
      status: z.string(),
      range: z.strictObject({ from: z.string() }),
    });
    const value = { status: 'open', sort: 'x', 筛选: 'y', range: { from: 'a', to: 'b' } };
    expect(issuesOf(schema, value)).toEqual([
      { field: 'range.to', message: '不认识的字段：to', messageEn: 'unknown field: to' },
      { field: 'sort', message: '不认识的字段：sort', messageEn: 'unknown field: sort' },
      { field: '筛选', message: '不认识的字段：筛选', messageEn: 'unknown field: 筛选' },
    ]);
  });
});
