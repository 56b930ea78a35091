// Making a PDF with Chinese text: one pdfkit document with the CJK font registered as 'cjk' and
// set as the current font, collected into a Buffer.
import PDFDocument from 'pdfkit';
import { AppError } from '../errors.js';
import { findCjkFont, type PdfFont } from './font.js';

export type PdfDoc = InstanceType<typeof PDFDocument>;

export interface PdfOptions {
  size: 'A4' | 'A5';
  title: string;
  margin?: number;
  /** The font to use; by default findCjkFont(). */
  font?: PdfFont | null;
  /**
   * Whether pdfkit keeps the layout of every distinct text it set (default true). That cache
   * never shrinks: a document of thousands of pages with different texts turns it off.
   */
  fontLayoutCache?: boolean;
}

/**
 * Draws a document with `draw` and returns its bytes. `draw` may add pages; it must not end the
 * document. The creation date is fixed by the caller's clock so that output can be compared.
 */
export async function renderPdf(
  options: PdfOptions,
  now: Date,
  draw: (doc: PdfDoc) => void | Promise<void>,
): Promise<Buffer> {
  const font = options.font === undefined ? findCjkFont() : options.font;
  if (!font) {
    // Without a CJK font the PDF would print empty boxes; refuse instead.
    throw new AppError('pdf_font_missing');
  }
  const doc = new PDFDocument({
    size: options.size,
    margin: options.margin ?? 36,
    info: { Title: options.title, Producer: 'Linli', Creator: 'Linli', CreationDate: now },
    autoFirstPage: true,
    fontLayoutCache: options.fontLayoutCache ?? true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    // A copy: a compressed stream arrives as a small view of zlib's larger output buffer, and
    // keeping the view would keep that whole buffer (16 KB a page in a long placard batch).
    doc.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.face);
  doc.font('cjk');
  await draw(doc);
  doc.end();
  return done;
}
