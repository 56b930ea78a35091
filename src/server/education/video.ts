// Checks an uploaded video before it is stored: an MP4 by its ftyp box (file-type says video/mp4),
// with H.264 pictures and, if it has sound, AAC: the one combination every phone web view plays
// (WeChat's X5/XWeb, iOS WKWebView, Android WebView). The file is kept as uploaded, not re-encoded.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';

/** Why a video was refused; each reason is also an API error code. */
export type VideoRefusalReason = 'payload_too_large' | 'video_type_refused' | 'video_codec_refused';

/** Thrown when an upload cannot become a stored video. */
export class VideoRefused extends Error {
  /** Builds the refusal; the reason doubles as the message. */
  constructor(readonly reason: VideoRefusalReason) {
    super(reason);
    this.name = 'VideoRefused';
  }
}

/** A video that passed: its bytes as uploaded, the picture size and the digest. */
export interface CheckedVideo {
  bytes: Buffer;
  mime: 'video/mp4';
  width: number;
  height: number;
  sha256: string;
}

interface Box {
  type: string;
  start: number;
  end: number;
}

// ISO/IEC 14496-12 §4.2: a 32-bit size (1: a 64-bit size follows; 0: to the end) and a fourcc.
function readBoxes(bytes: Buffer, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = bytes.readUInt32BE(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) {
        break;
      }
      size = Number(bytes.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) {
      throw new VideoRefused('video_type_refused');
    }
    boxes.push({
      type: bytes.toString('latin1', at + 4, at + 8),
      start: at + header,
      end: at + size,
    });
    at += size;
  }
  return boxes;
}

function child(bytes: Buffer, box: Box | undefined, type: string, skip = 0): Box | undefined {
  return box ? readBoxes(bytes, box.start + skip, box.end).find((b) => b.type === type) : undefined;
}

interface Track {
  handler: string;
  sampleEntry: string;
  width: number;
  height: number;
}

function readTrack(bytes: Buffer, trak: Box): Track {
  const tkhd = child(bytes, trak, 'tkhd');
  const mdia = child(bytes, trak, 'mdia');
  const hdlr = child(bytes, mdia, 'hdlr');
  const stsd = child(bytes, child(bytes, child(bytes, mdia, 'minf'), 'stbl'), 'stsd');
  // hdlr: version+flags (4), pre_defined (4), handler_type; stsd: version+flags, entry_count.
  const handler = hdlr ? bytes.toString('latin1', hdlr.start + 8, hdlr.start + 12) : '';
  const entry = stsd ? readBoxes(bytes, stsd.start + 8, stsd.end)[0] : undefined;
  // tkhd ends with width and height as 16.16 fixed-point numbers.
  const width = tkhd ? bytes.readUInt32BE(tkhd.end - 8) >>> 16 : 0;
  const height = tkhd ? bytes.readUInt32BE(tkhd.end - 4) >>> 16 : 0;
  return { handler, sampleEntry: entry?.type ?? '', width, height };
}

/** The tracks of an MP4 with their handler (vide, soun) and sample entry (avc1, mp4a, …). */
export function mp4Tracks(bytes: Buffer): Track[] {
  const moov = readBoxes(bytes, 0, bytes.length).find((b) => b.type === 'moov');
  if (!moov) {
    throw new VideoRefused('video_type_refused');
  }
  return readBoxes(bytes, moov.start, moov.end)
    .filter((b) => b.type === 'trak')
    .map((trak) => readTrack(bytes, trak));
}

const h264Entries = ['avc1', 'avc3'];

/** Checks size, container and codecs; the bytes are returned unchanged with their digest. */
export async function checkVideo(bytes: Buffer, maxBytes: number): Promise<CheckedVideo> {
  if (bytes.length > maxBytes) {
    throw new VideoRefused('payload_too_large');
  }
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.mime !== 'video/mp4' || detected.ext !== 'mp4') {
    throw new VideoRefused('video_type_refused');
  }
  const tracks = mp4Tracks(bytes);
  const pictures = tracks.filter((t) => t.handler === 'vide');
  const sounds = tracks.filter((t) => t.handler === 'soun');
  const playable =
    pictures.length > 0 &&
    pictures.every((t) => h264Entries.includes(t.sampleEntry)) &&
    sounds.every((t) => t.sampleEntry === 'mp4a');
  if (!playable) {
    throw new VideoRefused('video_codec_refused');
  }
  const picture = pictures[0] ?? { width: 0, height: 0 };
  return {
    bytes,
    mime: 'video/mp4',
    width: picture.width,
    height: picture.height,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
