// Key images: the view as the user sees it — Cornerstone's canvas, its measurement layer and our overlay
// (findings, truth, shapes, heatmap) — as one PNG. The pure parts (the size, the stand-alone SVG documents) are
// tested in Node; composeKeyImage needs a browser and only the element calls it.

/** Text in the overlay as the element's styles draw it (a serialised SVG does not see the shadow root's CSS). */
export const OVERLAY_CSS = 'text { font: 600 12px system-ui, sans-serif; paint-order: stroke; stroke: #000; '
  + 'stroke-width: 3px; stroke-linejoin: round; }';

export interface KeyImage { png: string; width: number; height: number }

/**
 * The key image's size in pixels: the canvas's backing store (CSS size × devicePixelRatio), so nothing is lost;
 * `scale` maps the overlay's CSS px onto it. Null when nothing is laid out.
 */
export function keyImageSize(canvas: { width: number; height: number }, css: { width: number; height: number }):
  { width: number; height: number; scale: number } | null {
  if (!(canvas.width > 0 && canvas.height > 0 && css.width > 0 && css.height > 0)) return null;
  return { width: canvas.width, height: canvas.height, scale: canvas.width / css.width };
}

/** A stand-alone SVG document of `inner` (serialised SVG elements) over a `width` × `height` CSS px view. */
export function svgDocument(inner: string, width: number, height: number, css = OVERLAY_CSS): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`
    + `<style>${css}</style>${inner}</svg>`;
}

export function svgDataUrl(document: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(document)}`;
}

/** The SVG layer's children as XML, leaving out what a key image must not show (handles, drafts). */
function serialiseLayer(layer: SVGSVGElement): string {
  const copy = layer.cloneNode(true) as SVGSVGElement;
  copy.querySelectorAll('[data-capture="skip"]').forEach((e) => e.remove());
  const xml = new XMLSerializer();
  return Array.from(copy.childNodes).map((n) => xml.serializeToString(n)).join('');
}

async function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  await img.decode();
  return img;
}

/**
 * Draws the viewport's canvas, then every SVG layer over it (Cornerstone's inside `viewport`, then `overlays`),
 * into one PNG; null when there is no canvas yet. Throws when the browser refuses to read the pixels back.
 */
export async function composeKeyImage(viewport: HTMLElement | null, overlays: (SVGSVGElement | null)[]): Promise<KeyImage | null> {
  const canvas = viewport?.querySelector('canvas');
  const rect = viewport?.getBoundingClientRect();
  const size = canvas && rect && keyImageSize(canvas, rect);
  if (!viewport || !canvas || !rect || !size) return null;
  const out = document.createElement('canvas');
  out.width = size.width;
  out.height = size.height;
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0, out.width, out.height);
  const layers = [...viewport.querySelectorAll('svg'), ...overlays].filter((l): l is SVGSVGElement => !!l);
  for (const layer of layers) {
    const inner = serialiseLayer(layer);
    if (!inner.trim()) continue;
    const img = await loadImage(svgDataUrl(svgDocument(inner, rect.width, rect.height)));
    ctx.drawImage(img, 0, 0, out.width, out.height);
  }
  return { png: out.toDataURL('image/png'), width: out.width, height: out.height };
}
