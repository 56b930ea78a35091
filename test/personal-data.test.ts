import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone, normalizeText } from '../src/domain/personal-data.js';

const cases = path.resolve(import.meta.dirname, 'cases');
const unicode = readFileSync(path.join(cases, 'unicode.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as string);

describe('phone numbers', () => {
  it('normalises zero-width characters and full-width digits before validation', () => {
    expect(normalizePhone('138\u200B0013\u200D8000')).toBe('13800138000');
    expect(normalizePhone('１３８００１３８０００')).toBe('13800138000');
    expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000');
  });

  it('masks a mobile number as 138****8000', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
});

describe('free text', () => {
  it('keeps every case of the Unicode corpus byte-identical after the documented normalisation', () => {
    for (const value of unicode) {
      const once = normalizeText(value);
      expect(normalizeText(once)).toBe(once);
      const expected = value
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n')
        .normalize('NFC')
        .trim();
      expect(once).toBe(expected);
    }
  });

  it('keeps extension-B characters and emoji sequences as they are', () => {
    expect(normalizeText('𠀀𠀁 👨‍👩‍👧')).toBe('𠀀𠀁 👨‍👩‍👧');
  });

  it('turns CRLF and CR into LF', () => {
    expect(normalizeText('换行\r\n回车\r混用\n')).toBe('换行\n回车\n混用');
  });
});
