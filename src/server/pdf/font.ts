// The CJK font that PDFs (placards, agreements, letters) are set in. pdfkit embeds a subset of
// it, so a printed PDF reads the same on any machine. The font itself comes from the operating
// system: Debian's fonts-wqy-microhei, which `.ci/run` installs (docs/pdf.md).
import { existsSync } from 'node:fs';

/** A font file and, for a collection (.ttc), the PostScript name of the face inside it. */
export interface PdfFont {
  path: string;
  face: string | undefined;
}

/** Where the known CJK fonts live on Debian, in order of preference. */
export const knownCjkFonts: readonly PdfFont[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/arphic/uming.ttc', face: 'UMingCN' },
];

/**
 * The font to use: PDF_FONT (a .ttf/.otf, or a .ttc with PDF_FONT_FACE) when set, otherwise the
 * first known font present; null when there is none.
 */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): PdfFont | null {
  const configured = env.PDF_FONT?.trim();
  if (configured) {
    return existsSync(configured)
      ? { path: configured, face: env.PDF_FONT_FACE?.trim() || undefined }
      : null;
  }
  return knownCjkFonts.find((font) => existsSync(font.path)) ?? null;
}
