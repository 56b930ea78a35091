// HTTP range requests (RFC 9110 §14) for videos: phone players ask for the first bytes, then
// jump; Safari and WeChat's X5 refuse to play a video whose server does not answer 206.

/** The bytes a request asks for, both ends included. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Reads a Range header against a file of `size` bytes: a range to send, 'unsatisfiable' (416),
 * or null to send the whole file (no header, another unit, several ranges, or a malformed one,
 * which RFC 9110 §14.2 lets a server ignore).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) {
    return null;
  }
  const [first, last] = [match[1] ?? '', match[2] ?? ''];
  if (first === '') {
    // bytes=-n: the last n bytes.
    const suffix = Number(last);
    return suffix === 0 || size === 0
      ? 'unsatisfiable'
      : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) {
    return 'unsatisfiable';
  }
  return end < start ? null : { start, end };
}
