import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  maskAddress,
  maskIdNumber,
  maskName,
  maskOrganisationName,
  maskPhone,
  normalizePhone,
  normalizeText,
} from '../src/domain/personal-data.js';

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

describe('the masking rules', () => {
  it('show a name, an identity number, an organisation and an address only in part', () => {
    expect(maskName('欧阳娜娜')).toBe('欧*');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('91310110MA1FL0000B')).toBe('9131**********000B');
    expect(maskOrganisationName('上海某某物业管理有限公司')).toBe('上海****公司');
    expect(maskAddress('杨浦区殷行路100弄3号101室')).toBe('杨浦区殷行路****');
  });

  it('live in one module: no other source file defines a mask function', () => {
    const src = path.resolve(import.meta.dirname, '../src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
      .filter((f) => f !== path.join('domain', 'personal-data.ts'));
    const defining = files.filter((f) =>
      /function mask[A-Z]|const mask[A-Z]\w* = \(/.test(readFileSync(path.join(src, f), 'utf8')),
    );
    expect(defining).toEqual([]);
  });
});

describe('free text', () => {
  it('keeps every Unicode corpus case byte-identical after the documented normalisation', () => {
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
