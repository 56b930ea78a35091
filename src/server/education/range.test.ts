import { describe, expect, it } from 'vitest';
import { parseRange } from './range';

describe('parseRange for a file of 1000 bytes', () => {
  it('reads a closed, an open and a suffix range', () => {
    expect(parseRange('bytes=0-1', 1000)).toEqual({ start: 0, end: 1 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
  });

  it('cuts an end past the file to its last byte, and a long suffix to the whole file', () => {
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('finds a start at or past the end, or an empty suffix, unsatisfiable', () => {
    expect(parseRange('bytes=1000-1001', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
  });

  it('ignores no header, other units, several ranges and malformed ones', () => {
    for (const header of [
      undefined,
      'items=0-1',
      'bytes=0-1,5-6',
      'bytes=5-3',
      'bytes=-',
      'bytes=a-b',
    ]) {
      expect(parseRange(header, 1000), String(header)).toBeNull();
    }
  });
});
