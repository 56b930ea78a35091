/** Length in code points, the way the server counts: an emoji is one character. */
export function textLength(text: string): number {
  return Array.from(text).length;
}
