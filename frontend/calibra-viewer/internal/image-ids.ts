// Builds Cornerstone wadouri imageIds from the Java side's {url, frame} list; names how a stack is loaded.

/**
 * `wadouri:` + absolute URL + `frame=` parameter.
 * The dicom-image-loader 5.14 reads `frame=N` as 1-based (its parseImageId
 * uses N - 1 as the pixel-data frame index), while Java sends 0-based frames,
 * hence `frame + 1`. The parameter is always added: for single-frame files
 * `frame=1` is harmless, and for multi-frame files every frame then gets its
 * own per-frame geometry from the loader.
 */
export function toImageId(url: string, frame: number, baseUri: string): string {
  const absolute = new URL(url, baseUri).href;
  const sep = absolute.includes('?') ? '&' : '?';
  return `wadouri:${absolute}${sep}frame=${Math.max(0, Math.trunc(frame)) + 1}`;
}

/** How the stack's images travel, for the element's data-transport: all over DICOMweb, some, or none. */
export function transportOf(imageIds: readonly string[]): 'wadors' | 'mixed' | 'wadouri' {
  const wadors = imageIds.filter((id) => id.startsWith('wadors:')).length;
  return wadors === imageIds.length ? 'wadors' : wadors > 0 ? 'mixed' : 'wadouri';
}
