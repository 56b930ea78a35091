import { describe, expect, it } from 'vitest';

import { msToNextMinute, WATERMARK_TILE, watermarkGrid, watermarkText } from './watermark-text';

const at = new Date('2025-09-30T07:20:45.123Z');

describe('the watermark text', () => {
  it('names the viewer, their badge number and the minute in Shanghai', () => {
    const me = { name: '张伟', badgeNo: 'YP-0101', username: 'yinhang.1' };
    expect(watermarkText(me, at)).toBe('张伟 YP-0101 2025/09/30 15:20');
  });

  it('uses the username when there is no badge number', () => {
    expect(watermarkText({ name: '李静', badgeNo: null, username: 'admin' }, at)).toBe(
      '李静 admin 2025/09/30 15:20',
    );
    expect(watermarkText({ name: '李静', badgeNo: '  ', username: 'admin' }, at)).toBe(
      '李静 admin 2025/09/30 15:20',
    );
  });

  it('shows Shanghai time across midnight UTC', () => {
    const me = { name: '王芳', badgeNo: 'B1', username: 'x' };
    expect(watermarkText(me, new Date('2025-12-31T16:05:00Z'))).toBe('王芳 B1 2026/01/01 00:05');
  });
});

describe('the watermark grid', () => {
  it('covers the diagonal of the screen both ways, whatever the rotation', () => {
    for (const [w, h] of [
      [1366, 900],
      [360, 740],
      [3840, 2160],
    ] as const) {
      const { rows, cols } = watermarkGrid(w, h);
      const diagonal = Math.hypot(w, h);
      expect(rows * WATERMARK_TILE.height).toBeGreaterThanOrEqual(diagonal);
      expect(cols * WATERMARK_TILE.width).toBeGreaterThanOrEqual(
        diagonal + WATERMARK_TILE.width / 2,
      );
    }
  });

  it('still draws something for an empty viewport', () => {
    expect(watermarkGrid(0, 0)).toEqual({ rows: 2, cols: 2 });
  });
});

describe('the minute clock', () => {
  it('wakes just after the next full minute', () => {
    const now = at.getTime();
    const next = now + msToNextMinute(now);
    expect(new Date(next).getUTCSeconds()).toBe(0);
    expect(next - now).toBeLessThanOrEqual(60_050);
    expect(msToNextMinute(Date.parse('2025-09-30T07:21:00.000Z'))).toBe(60_050);
  });
});
