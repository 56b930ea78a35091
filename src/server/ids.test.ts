import { describe, expect, it } from 'vitest';
import { idAt, newId } from './ids.js';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** The millisecond the first 9 characters of an id spell. */
function timeOf(id: string): number {
  return [...id.slice(0, 9)].reduce((ms, c) => ms * 32 + alphabet.indexOf(c), 0);
}

describe('ids', () => {
  it('spell the millisecond they were made in their first 9 characters', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(timeOf(id)).toBeGreaterThanOrEqual(before);
    expect(timeOf(id)).toBeLessThanOrEqual(after);
    expect(timeOf(idAt(Date.UTC(2026, 11, 4)))).toBe(Date.UTC(2026, 11, 4));
    expect(timeOf(idAt(Date.UTC(3084, 0, 1)))).toBe(Date.UTC(3084, 0, 1));
  });

  it('sort later ids after earlier ones, as text on both databases', () => {
    const times = [Date.UTC(2024, 0, 1), Date.UTC(2026, 11, 4, 8), Date.UTC(2026, 11, 4, 8) + 1];
    const ids = times.flatMap((t) => [idAt(t), idAt(t)]);
    for (let i = 2; i < ids.length; i += 2) {
      expect((ids[i] as string) > (ids[i - 1] as string)).toBe(true);
    }
  });

  it('differ in their 11 random characters within one millisecond', () => {
    const at = Date.UTC(2026, 11, 4);
    const ids = Array.from({ length: 10_000 }, () => idAt(at));
    expect(new Set(ids).size).toBe(10_000);
    expect(new Set(ids.map((id) => id.slice(0, 9))).size).toBe(1);
    expect(ids.every((id) => /^[0-9a-hjkmnp-tv-z]{20}$/.test(id))).toBe(true);
  });
});
