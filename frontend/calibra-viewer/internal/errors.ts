// Turns whatever the DICOM loader rejects with (XHR info objects, Errors,
// strings) into a short sentence for the trainee and for Java's logs.

const READABLE = 'not a readable DICOM image';

export function describeError(error: unknown): string {
  const raw = rawMessage(error);
  if (raw.startsWith(READABLE)) return raw; // already described
  // the loader's wording names internals and the full imageId; say what it means instead
  if (/no pixel data|Invalid DICOM|DICM prefix|not a valid DICOM|dicomParser/i.test(raw)) {
    console.warn('[calibra-viewer]', raw);
    return READABLE;
  }
  return raw.replace(/wadouri:\S+/g, 'the image');
}

function rawMessage(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object') {
    const e = error as { status?: number; statusText?: string; message?: string; error?: unknown };
    if (typeof e.status === 'number' && e.status > 0) return `HTTP ${e.status}${e.statusText ? ' ' + e.statusText : ''}`;
    if (typeof e.message === 'string') return e.message;
    if (e.error !== undefined) return rawMessage(e.error);
    if (e.status === 0) return 'network error';
  }
  return String(error ?? 'unknown error');
}

/** The sentence shown over the viewer and sent to Java when image `index` (0-based; -1: the viewer itself) fails. */
export function failureMessage(index: number, count: number, reason: string): string {
  const which = index >= 0 && count ? `image ${index + 1} of ${count}` : 'the viewer';
  return `Could not load ${which}: ${reason}`;
}
