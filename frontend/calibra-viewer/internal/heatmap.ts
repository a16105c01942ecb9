// AI heatmaps: an 8-bit grayscale PNG per image, coloured with a viridis-like
// ramp (perceptually uniform, readable with the common colour-vision
// deficiencies) and transparent where the value is 0.

export interface HeatmapRef { imageIndex: number; url: string }

/** Coloured heatmap, ready to be drawn (data URL) */
export interface ColouredHeatmap { href: string; width: number; height: number }

// viridis at 0, 0.25, 0.5, 0.75, 1 (matplotlib's table)
const STOPS: [number, number, number][] = [
  [68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37],
];

/** Colour of value t in [0, 1]. */
export function viridis(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i];
  const b = STOPS[i + 1];
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)) as [number, number, number];
}

/** Alpha (0..255) of grey value v: 0 stays fully transparent, low values fade in. */
export function heatAlpha(v: number): number {
  return v <= 0 ? 0 : Math.round(255 * Math.min(1, 0.25 + (v / 255) * 1.5));
}

const LUT: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(256 * 4);
  for (let v = 0; v < 256; v++) {
    const [r, g, b] = viridis(v / 255);
    lut.set([r, g, b, heatAlpha(v)], v * 4);
  }
  return lut;
})();

const cache = new Map<string, Promise<ColouredHeatmap>>();

/** Loads and colours a heatmap once per URL (a failed load is retried next time). */
export function colouredHeatmap(url: string): Promise<ColouredHeatmap> {
  let p = cache.get(url);
  if (!p) {
    p = colour(url);
    cache.set(url, p);
    p.catch(() => cache.delete(url));
  }
  return p;
}

async function colour(url: string): Promise<ColouredHeatmap> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`heatmap ${url}: HTTP ${response.status}`);
  // no colour management: the grey values are data, not a picture
  const bitmap = await createImageBitmap(await response.blob(), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const px = data.data;
  for (let i = 0; i < px.length; i += 4) {
    // grayscale PNG: R = G = B; take R (a transparent pixel counts as 0)
    const v = px[i + 3] === 0 ? 0 : px[i];
    px[i] = LUT[v * 4];
    px[i + 1] = LUT[v * 4 + 1];
    px[i + 2] = LUT[v * 4 + 2];
    px[i + 3] = LUT[v * 4 + 3];
  }
  ctx.putImageData(data, 0, 0);
  return { href: canvas.toDataURL('image/png'), width: canvas.width, height: canvas.height };
}

/** A CSS linear-gradient of the ramp, for the legend. */
export function rampGradient(): string {
  return `linear-gradient(to right, ${STOPS.map((c, i) => `rgb(${c.join(',')}) ${(i / (STOPS.length - 1)) * 100}%`).join(', ')})`;
}
