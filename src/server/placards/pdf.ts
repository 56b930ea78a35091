// The placards of a scope as one PDF, one A5 page per building, in the embedded CJK font.
import { renderPdf } from '../pdf/document.js';
import type { PlacardItem } from './content.js';
import { drawPlacardPage, PAGE } from './layout.js';

/** The address a placard's QR code opens: the building's page under the public base URL. */
export function placardUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/b/${token}`;
}

/** Called after each page, for progress bars. */
export type PageProgress = (done: number, total: number) => void;

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
        // Lets the server answer other requests while a street of several hundred pages renders.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  );
}
