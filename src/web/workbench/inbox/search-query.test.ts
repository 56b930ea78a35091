import { describe, expect, it } from 'vitest';

import { inboxSearchKey, inboxSearchParams, isPhoneNumber, readInboxSearch } from './search-query';

describe('inbox search in the address bar', () => {
  it('reads the search fields and drops what the server would refuse', () => {
    const params = new URLSearchParams(
      'status=open&q=%20大量纸箱%20&kind=report&matterCode=WFDJ&channel=dept:fangguan',
    );
    expect(readInboxSearch(params)).toEqual({
      q: '大量纸箱',
      kind: 'report',
      matterCode: 'WFDJ',
      channel: 'dept:fangguan',
    });
    const bad = new URLSearchParams(
      `q=${'楼'.repeat(101)}&kind=rumour&channel=sms&matterCode=${'X'.repeat(33)}`,
    );
    expect(readInboxSearch(bad)).toEqual({});
    expect(readInboxSearch(new URLSearchParams('channel=placard'))).toEqual({ channel: 'placard' });
  });

  it('writes only the fields that are set, and never a phone field', () => {
    expect(inboxSearchParams({ q: ' 100% ', kind: undefined, channel: 'placard' })).toEqual({
      q: '100%',
      channel: 'placard',
    });
    expect(inboxSearchParams({})).toEqual({});
    expect(inboxSearchKey({ kind: 'help', q: 'a_b' })).toBe('q=a_b&kind=help');
  });
});

describe('a phone number typed into the search box', () => {
  it('is recognised however it is typed, so it never goes into the URL', () => {
    expect(isPhoneNumber('13912345678')).toBe(true);
    expect(isPhoneNumber(' １３９ １２３４ ５６７８ ')).toBe(true);
    expect(isPhoneNumber('+86 139-1234-5678')).toBe(true);
    expect(isPhoneNumber('LL-7KKQF-62VNW')).toBe(false);
    expect(isPhoneNumber('1391234567')).toBe(false);
    expect(isPhoneNumber('大量纸箱')).toBe(false);
  });
});
