import type { Me } from '../../../contract/auth';
import { formatDateTime } from '../../shared/format-date';

/**
 * The size of one watermark tile in CSS pixels (as in watermark.css); the text is centred in it.
 */
export const WATERMARK_TILE = { width: 320, height: 150 } as const;

/**
 * What the watermark says: the viewer's name, badge number (the username when they have none)
 * and the time to the minute in Shanghai, e.g. `张伟 YP-0101 2025/09/30 15:20`, so a screenshot
 * names who took it and when.
 */
export function watermarkText(me: Pick<Me, 'name' | 'badgeNo' | 'username'>, now: Date): string {
  const badge = me.badgeNo?.trim();
  return `${me.name} ${badge ? badge : me.username} ${formatDateTime(now.toISOString())}`;
}

/**
 * How many rows and columns of tiles cover a viewport of `width` × `height` at any rotation: the
 * rotated grid must span the viewport's diagonal both ways, plus one tile for the staggered rows.
 */
export function watermarkGrid(width: number, height: number): { rows: number; cols: number } {
  const diagonal = Math.hypot(Math.max(width, 1), Math.max(height, 1));
  return {
    rows: Math.ceil(diagonal / WATERMARK_TILE.height) + 1,
    cols: Math.ceil(diagonal / WATERMARK_TILE.width) + 1,
  };
}

/** Milliseconds from `now` to just after the next full minute, when the text must change. */
export function msToNextMinute(now: number): number {
  return 60_000 - (now % 60_000) + 50;
}
