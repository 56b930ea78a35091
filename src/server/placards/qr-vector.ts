// A QR code drawn as vector squares: sharp at any print size, and about fifty times cheaper than
// encoding and embedding a PNG per page, which counts for a street of several hundred pages.
import QRCode from 'qrcode';
import type { PdfDoc } from '../pdf/document.js';

/** The quiet zone around the symbol, in modules (ISO/IEC 18004 asks for four). */
const QUIET = 4;

/**
 * Draws the QR code of `text` with its quiet zone into the square at (x, y) of `size` points.
 * Error correction level M survives a scuffed corner of a posted card.
 */
export function drawQrCode(doc: PdfDoc, text: string, x: number, y: number, size: number): void {
  // One byte-mode segment: what the encoder's own segmentation chooses for a lower-case URL,
  // without running that search for every page of a street (docs/performance.md).
  const { modules } = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
  });
  const n = modules.size;
  const unit = size / (n + 2 * QUIET);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < n; row += 1) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      let end = col;
      while (end < n && modules.get(row, end)) {
        end += 1;
      }
      // One rectangle per run of dark modules, a hair taller so rows leave no seam when rendered.
      doc.rect(x + (QUIET + col) * unit, y + (QUIET + row) * unit, (end - col) * unit, unit + 0.05);
      col = end;
    }
  }
  doc.fill('#000000');
  doc.restore();
}
