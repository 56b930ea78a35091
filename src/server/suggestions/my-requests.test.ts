import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuggestionReceipt } from '../../contract/suggestions.js';
import { json, startTestApp, type TestApp } from '../../../test/app.js';
import { residentPhoneDigest } from '../crypto/phone-digest.js';
import { suggestionByReceipt, suggestionsByPhoneDigest } from './my-requests.js';

let t: TestApp;

const suggestion = {
  topic: '增加社区夜间照明',
  reason: '小区道路晚上太暗。',
  proposal: '建议在主干道增设路灯。',
  publishConsent: false,
  ownMatter: false,
};

async function submit(body: object) {
  return json<SuggestionReceipt>(
    await t.app.inject({ method: 'POST', url: '/api/public/suggestions', payload: body }),
  );
}

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T02:00:00.000Z'));
});

afterAll(async () => {
  await t.close();
});

describe('suggestions in "my requests"', () => {
  it('finds a proposer’s suggestions by the digest of their phone, newest first', async () => {
    const first = await submit({ ...suggestion, phone: '13800138000' });
    t.clock.now = new Date('2025-10-01T02:00:00.000Z');
    const second = await submit({ ...suggestion, topic: '垃圾分类点加顶棚', phone: '13800138000' });
    await submit({ ...suggestion, phone: '13900139000' });
    await submit(suggestion);

    // The same number typed with +86 and spaces has the same digest.
    const items = await suggestionsByPhoneDigest(
      t.ctx,
      residentPhoneDigest(t.ctx.cipher, '+86 138 0013 8000'),
    );
    expect(items).toEqual([
      {
        source: 'suggestion',
        receiptCode: second.receiptCode,
        kind: 'suggestion',
        title: '垃圾分类点加顶棚',
        status: 'submitted',
        createdAt: '2025-10-01T02:00:00.000Z',
        followPath: second.followPath,
      },
      expect.objectContaining({ receiptCode: first.receiptCode, followPath: first.followPath }),
    ]);
    expect(first.followPath).toBe(`/suggest/r/${first.accessToken}`);
  });

  it('finds a suggestion by receipt code in any case, nothing for an unknown code', async () => {
    const receipt = await submit(suggestion);
    const item = await suggestionByReceipt(t.ctx, ` ${receipt.receiptCode.toLowerCase()} `);
    expect(item).toMatchObject({
      receiptCode: receipt.receiptCode,
      followPath: receipt.followPath,
      title: '增加社区夜间照明',
    });
    expect(await suggestionByReceipt(t.ctx, 'JY-00000-00000')).toBeNull();
    expect(
      await suggestionsByPhoneDigest(t.ctx, residentPhoneDigest(t.ctx.cipher, '13700137000')),
    ).toEqual([]);
  });
});
