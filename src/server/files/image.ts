import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';

/** Upper bounds an upload must respect before it is decoded. */
export interface PhotoLimits {
  maxBytes: number;
  maxPixels: number;
}

/** A photo after re-encoding: upright, metadata-free JPEG bytes and their digest. */
export interface ProcessedPhoto {
  bytes: Buffer;
  mime: 'image/jpeg';
  width: number;
  height: number;
  sha256: string;
}

/** Why an upload was refused; each reason is also an API error code. */
export type PhotoRefusalReason =
  'photo_too_large' | 'photo_not_image' | 'photo_type_refused' | 'photo_too_many_pixels';

/** Thrown when an upload cannot become a stored photo. */
export class PhotoRefused extends Error {
  /** Builds the refusal; the reason doubles as the message so logs stay readable. */
  constructor(readonly reason: PhotoRefusalReason) {
    super(reason);
    this.name = 'PhotoRefused';
  }
}

/** Default limits: 10 MiB of bytes and 40 megapixels claimed by the header. */
export const defaultPhotoLimits: PhotoLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
};

/** Longest side of a stored photo; larger uploads are scaled down to fit. */
export const maxPhotoSide = 2560;

const jpegQuality = 82;

type AllowedFormat = 'jpeg' | 'png' | 'webp';

/** Names the accepted format from the leading magic bytes, or null when it is none of them. */
export function sniffAllowedFormat(bytes: Buffer): AllowedFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'jpeg';
  }
  const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.subarray(0, 8).equals(pngSignature)) {
    return 'png';
  }
  const isRiff = bytes.subarray(0, 4).toString('latin1') === 'RIFF';
  if (isRiff && bytes.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'webp';
  }
  return null;
}

// SVG, HTML and XML carry no binary signature, so any content whose first visible
// character is '<' is treated as markup: a browser could run it as a document.
function looksLikeMarkup(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return head.trimStart().startsWith('<');
}

async function refuseUnsupported(bytes: Buffer): Promise<never> {
  if (looksLikeMarkup(bytes)) {
    throw new PhotoRefused('photo_type_refused');
  }
  const detected = await fileTypeFromBuffer(bytes);
  throw new PhotoRefused(detected ? 'photo_type_refused' : 'photo_not_image');
}

// sharp reports a pixel-limit breach as a plain Error; everything else it fails on
// means the bytes are not a decodable image.
function refusalFromSharp(error: unknown): PhotoRefused {
  const message = error instanceof Error ? error.message : '';
  const tooManyPixels = /pixel limit/i.test(message);
  return new PhotoRefused(tooManyPixels ? 'photo_too_many_pixels' : 'photo_not_image');
}

// Reads only the header: no pixel buffer is allocated here, so a pixel bomb costs
// a few bytes of parsing before it is refused.
async function checkHeader(bytes: Buffer, format: AllowedFormat, limits: PhotoLimits) {
  const metadata = await sharp(bytes, { limitInputPixels: limits.maxPixels })
    .metadata()
    .catch((error: unknown) => {
      throw refusalFromSharp(error);
    });

  if (metadata.format !== format || !metadata.width || !metadata.height) {
    throw new PhotoRefused('photo_not_image');
  }
  if (metadata.width * metadata.height > limits.maxPixels) {
    throw new PhotoRefused('photo_too_many_pixels');
  }
}

// Output carries no EXIF, XMP, IPTC or ICC because withMetadata/keepIccProfile are
// never called; rotate() bakes the EXIF orientation into the pixels first.
async function reencode(bytes: Buffer, limits: PhotoLimits) {
  return sharp(bytes, { limitInputPixels: limits.maxPixels })
    .rotate()
    .resize({
      width: maxPhotoSide,
      height: maxPhotoSide,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .jpeg({ quality: jpegQuality, mozjpeg: false })
    .toBuffer({ resolveWithObject: true })
    .catch((error: unknown) => {
      throw refusalFromSharp(error);
    });
}

/** Checks an upload by content and limits, then re-encodes it as an upright, stripped JPEG. */
export async function processPhoto(
  bytes: Buffer,
  limits: PhotoLimits = defaultPhotoLimits,
): Promise<ProcessedPhoto> {
  if (bytes.length > limits.maxBytes) {
    throw new PhotoRefused('photo_too_large');
  }

  const format = sniffAllowedFormat(bytes);
  if (format === null) {
    return refuseUnsupported(bytes);
  }
  await checkHeader(bytes, format, limits);

  const { data, info } = await reencode(bytes, limits);
  return {
    bytes: data,
    mime: 'image/jpeg',
    width: info.width,
    height: info.height,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}
