// The placards of a scope as one PDF, one A5 page per building, in the embedded CJK font.
import { renderPdf, type PdfDoc } from '../pdf/document.js';
import type { PlacardItem } from './content.js';
import { drawPlacardPage, PAGE } from './layout.js';

/** The address a placard's QR code opens: the building's page under the public base URL. */
export function placardUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/b/${token}`;
}

/** Called after each page, for progress bars. */
export type PageProgress = (done: number, total: number) => void;

/** Pages after which the font's layout cache is emptied. */
const LAYOUT_CACHE_PAGES = 200;

/**
 * Empties pdfkit's cache of laid-out texts. It keeps every distinct text for the whole document,
 * and each page sets its own address, token and version, so a street of ten thousand pages would
 * hold them all (hundreds of MB) and slow down with the growing heap (docs/performance.md).
 */
function forgetLayouts(doc: PdfDoc): void {
  const font = (doc as unknown as { _font?: { layoutCache?: object } })._font;
  if (font?.layoutCache) {
    font.layoutCache = Object.create(null) as object;
  }
}

/** Renders the placards as one PDF; the caller has checked that there is at least one. */
export async function renderPlacardsPdf(
  items: readonly PlacardItem[],
  options: { baseUrl: string; title: string; now: Date; onPage?: PageProgress },
): Promise<Buffer> {
  return renderPdf(
    { size: 'A5', title: options.title, margin: PAGE.margin },
    options.now,
    async (doc) => {
      for (const [index, item] of items.entries()) {
        if (index > 0) {
          doc.addPage();
        }
        const url = placardUrl(options.baseUrl, item.token);
        drawPlacardPage(doc, item.content, { url, version: item.version });
        options.onPage?.(index + 1, items.length);
        if ((index + 1) % LAYOUT_CACHE_PAGES === 0) {
          forgetLayouts(doc);
        }
        // Lets the server answer other requests while a street of several hundred pages renders.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  );
}
