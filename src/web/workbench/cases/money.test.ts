import { describe, expect, it } from 'vitest';

import { fenToYuan, shanghaiToday, yuanToFen } from './money';

describe('amounts typed in yuan', () => {
  it('become exact fen', () => {
    expect(yuanToFen('500')).toBe(50_000);
    expect(yuanToFen('500.5')).toBe(50_050);
    expect(yuanToFen(' 0.07 ')).toBe(7);
    expect(yuanToFen('19.99')).toBe(1_999);
  });

  it('are refused when not a plain amount', () => {
    expect(yuanToFen('5e2')).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });

  it('are shown back in yuan', () => {
    expect(fenToYuan(50_000)).toBe('500');
    expect(fenToYuan(1_999)).toBe('19.99');
  });

  it('default dates to the Shanghai day, which starts at 16:00 UTC', () => {
    expect(shanghaiToday(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(shanghaiToday(new Date('2026-03-01T15:30:00Z'))).toBe('2026-03-01');
  });
});
