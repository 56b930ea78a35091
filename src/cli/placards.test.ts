import { describe, expect, it } from 'vitest';
import { parsePlacardsArgs } from './placards.js';

describe('linli placards options', () => {
  it('reads a street or a community, the output file and --mark-printed', () => {
    expect(
      parsePlacardsArgs(['--street', '310110016', '--out', 'a.pdf', '--mark-printed']),
    ).toEqual({ streetCode: '310110016', out: 'a.pdf', markPrinted: true });
    expect(parsePlacardsArgs(['--community', '310110016-c01'])).toEqual({
      communityCode: '310110016-c01',
      markPrinted: false,
    });
  });

  it('refuses both scopes, none, an unknown option and a missing value', () => {
    expect(parsePlacardsArgs(['--street', 'S', '--community', 'C'])).toMatch(/exactly one/);
    expect(parsePlacardsArgs([])).toMatch(/exactly one/);
    expect(parsePlacardsArgs(['--streets', 'S'])).toBe('unknown or incomplete option: --streets');
    expect(parsePlacardsArgs(['--street', '--out', 'x.pdf'])).toBe(
      'unknown or incomplete option: --street',
    );
  });
});
