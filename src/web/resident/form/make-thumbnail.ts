const size = 240;

/**
 * A small JPEG data URL of a picked photo. A data URL, not a blob URL, because the server's
 * Content-Security-Policy allows `data:` images; createImageBitmap is not subject to it.
 * Resolves to null when the browser cannot decode the file (the server still may).
 */
export async function makeThumbnail(file: File): Promise<string | null> {
  if (typeof createImageBitmap !== 'function') {
    return null;
  }
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, size / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return canvas.toDataURL('image/jpeg', 0.8);
  } catch {
    return null;
  }
}
