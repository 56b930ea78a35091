import { describe, expect, it } from 'vitest';
import { brokenPasswordRule, keepsPasswordRule } from './password-rules.js';

describe('the staff password rules', () => {
  it('names the first rule a password breaks, in the order the page lists them', () => {
    expect(brokenPasswordRule(10, 'Short1!', 'wang.li')).toBe('min_length');
    expect(brokenPasswordRule(10, `Aa1!${'x'.repeat(125)}`, 'wang.li')).toBe('max_length');
    expect(brokenPasswordRule(10, 'harbourlights', 'wang.li')).toBe('classes');
    expect(brokenPasswordRule(10, 'Wang.Li-2026!', 'wang.li')).toBe('username');
    expect(brokenPasswordRule(10, 'Harbour-Lights-7', 'wang.li')).toBeNull();
  });

  it('counts characters, not UTF-16 units, so ten Chinese characters are ten', () => {
    expect(keepsPasswordRule('min_length', 10, '邻里守望相助共建家园', 'wang.li')).toBe(true);
    expect(keepsPasswordRule('min_length', 10, '😀😀😀😀😀', 'wang.li')).toBe(false);
  });

  it('takes the configured minimum length', () => {
    expect(brokenPasswordRule(14, 'Harbour-Lights-7', 'wang.li')).toBeNull();
    expect(brokenPasswordRule(17, 'Harbour-Lights-7', 'wang.li')).toBe('min_length');
  });
});
