import { describe, expect, it } from 'vitest';
import { normalizeReceiptCode, ticketTrackingCode } from './receipt-code.js';

describe('receipt codes as typed', () => {
  it('folds case, full-width forms, spaces and dashes of every kind into one form', () => {
    for (const typed of [
      'LL-7K2QX-M9PDA',
      'll-7k2qx-m9pda',
      '  LL 7K2QX  M9PDA ',
      'ＬＬ－７Ｋ２ＱＸ－Ｍ９ＰＤＡ',
      'LL—7K2QX–M9PDA',
      'LL\u3000-\u30007K2QX-M9PDA',
    ]) {
      expect(normalizeReceiptCode(typed), typed).toBe('LL-7K2QX-M9PDA');
    }
    expect(normalizeReceiptCode('jy 2025 0001')).toBe('JY-2025-0001');
  });

  it('reads a tracking code typed without dashes, and O, I and L as their digits', () => {
    expect(ticketTrackingCode('LL7K2QXM9PDA')).toBe('LL-7K2QX-M9PDA');
    expect(ticketTrackingCode('LL-OK2QX-M9PDI')).toBe('LL-0K2QX-M9PD1');
    expect(ticketTrackingCode('LL-LK2QX-M9PDA')).toBe('LL-1K2QX-M9PDA');
  });

  it('is no tracking code with another prefix, another length or a U', () => {
    expect(ticketTrackingCode('JY-7K2QX-M9PDA')).toBeNull();
    expect(ticketTrackingCode('LL-7K2QX-M9PD')).toBeNull();
    expect(ticketTrackingCode('LL-7K2QX-M9PDU')).toBeNull();
  });
});
