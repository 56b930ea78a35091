// Reading a PDF the way a person would: its text (pdftotext), its first page as a picture
// (pdftoppm) and the QR codes on it (jsQR). Needs Debian's poppler-utils and a CJK font;
// without them the PDF tests are skipped with the reason, except under CI.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { findCjkFont } from '../src/server/pdf/font.js';

const onCi = !['', '0', 'false', 'no'].includes((process.env.CI ?? '').trim().toLowerCase());

/** Why PDFs cannot be checked here, or null when they can. */
export function pdfToolsMissing(): string | null {
  if (!findCjkFont()) {
    return 'no CJK font (apt-get install fonts-wqy-microhei)';
  }
  if (spawnSync('pdftotext', ['-v']).error) {
    return 'no pdftotext/pdftoppm (apt-get install poppler-utils)';
  }
  return null;
}

/** For describe.skipIf: true only when the tools are missing and this is not CI. */
export const skipPdfChecks = pdfToolsMissing() !== null && !onCi;
if (skipPdfChecks) {
  console.warn(`PDF checks skipped: ${pdfToolsMissing()}`);
}

function withFile<T>(pdf: Buffer, use: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'linli-pdf-'));
  try {
    const path = join(dir, 'in.pdf');
    writeFileSync(path, pdf);
    return use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page, pages separated by a form feed, laid out as on the page. */
export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (path) =>
    execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }),
  );
}

/** The number of pages. */
export function pdfPageCount(pdf: Buffer): number {
  const info = withFile(pdf, (path) => execFileSync('pdfinfo', [path], { encoding: 'utf8' }));
  const match = /^Pages:\s+(\d+)/m.exec(info);
  return match ? Number(match[1]) : 0;
}

/** One page as a PNG at the given resolution (dots per inch). */
export function pdfPagePng(pdf: Buffer, page = 1, dpi = 150): Buffer {
  return withFile(pdf, (path, dir) => {
    const out = join(dir, 'page');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      path,
      out,
    ]);
    return readFileSync(`${out}.png`);
  });
}

/** The text of the QR code in a picture, or null when none is found. */
export async function readQr(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const found = jsQR(
    new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    info.width,
    info.height,
  );
  return found?.data ?? null;
}
