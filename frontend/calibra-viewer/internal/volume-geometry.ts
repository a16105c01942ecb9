// Decides whether a stack is a volume that can be reformatted (MPR), from the
// per-image plane metadata. Pure functions, no Cornerstone, no DOM.

export type Vec3 = [number, number, number];

/** What Cornerstone's imagePlaneModule / generalSeriesModule say about one image of the stack. */
export interface PlaneInfo {
  seriesUid: string;
  rows: number;
  columns: number;
  /** ImageOrientationPatient: row direction cosines then column direction cosines */
  orientation: number[];
  /** ImagePositionPatient of the first pixel's centre, mm */
  position: number[];
  /** number of frames in the file the image comes from (1 = single-frame) */
  frames: number;
}

export interface VolumeGeometry {
  normal: Vec3;
  /** position of each stack image along the normal, mm, in stack order */
  distances: number[];
  spacing: number;
}

const MIN_SLICES = 3;
const ORIENTATION_TOLERANCE = 1e-3;

export const dot = (a: number[], b: number[]): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

export function cross(a: number[], b: number[]): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/**
 * The volume's geometry, or the reason it is not one: at least 3 single-frame images of one series,
 * all with the same size and orientation, and equal spacing along the slice normal (2 % or 0.01 mm)
 * with the slices stacked straight along it (no gantry tilt shear above the same tolerance).
 */
export function volumeGeometry(planes: (PlaneInfo | null)[]): VolumeGeometry | string {
  if (planes.length < MIN_SLICES) return `only ${planes.length} image(s)`;
  if (planes.some((p) => !p)) return 'an image has no plane geometry';
  const list = planes as PlaneInfo[];
  const first = list[0];
  if (first.orientation.length !== 6 || first.position.length !== 3) return 'no orientation or position';
  for (const p of list) {
    if (p.frames !== 1) return 'multi-frame images';
    if (p.seriesUid !== first.seriesUid) return 'more than one series';
    if (p.rows !== first.rows || p.columns !== first.columns) return 'images of different sizes';
    if (p.orientation.length !== 6 || p.position.length !== 3) return 'no orientation or position';
    if (p.orientation.some((v, i) => Math.abs(v - first.orientation[i]) > ORIENTATION_TOLERANCE)) return 'different orientations';
  }
  const normal = cross(first.orientation.slice(0, 3), first.orientation.slice(3, 6));
  const length = Math.hypot(...normal);
  if (length < 0.5) return 'invalid orientation';
  const n: Vec3 = [normal[0] / length, normal[1] / length, normal[2] / length];
  const distances = list.map((p) => dot(p.position, n));
  const sorted = list.map((p, i) => ({ p, d: distances[i] })).sort((a, b) => a.d - b.d);
  const gaps = sorted.slice(1).map((s, i) => s.d - sorted[i].d);
  const spacing = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  if (!(spacing > 0.01)) return 'slices at the same position';
  const tolerance = Math.max(0.01, spacing * 0.02);
  if (gaps.some((g) => Math.abs(g - spacing) > tolerance)) return 'uneven slice spacing';
  // each step must go along the normal: an in-plane offset means a sheared (tilted) stack
  for (let i = 1; i < sorted.length; i++) {
    const step = sorted[i].p.position.map((v, k) => v - sorted[i - 1].p.position[k]);
    const along = dot(step, n);
    const inPlane = Math.hypot(step[0] - along * n[0], step[1] - along * n[1], step[2] - along * n[2]);
    if (inPlane > tolerance) return 'slices are not stacked along the normal';
  }
  return { normal: n, distances, spacing };
}

/**
 * Whether a stack may be a volume before its headers are read: at least 3 images, each a single-frame
 * file of its own (a multi-frame file gives several images of one URL).
 */
export function mightBeVolume(images: readonly { url: string; frame: number }[]): boolean {
  return images.length >= MIN_SLICES && images.every((im) => im.frame === 0)
    && new Set(images.map((im) => im.url)).size === images.length;
}

/** Index of the stack image whose plane is nearest to world point `point`. */
export function nearestSlice(geometry: VolumeGeometry, point: number[]): number {
  const d = dot(point, geometry.normal);
  let best = 0;
  geometry.distances.forEach((v, i) => {
    if (Math.abs(v - d) < Math.abs(geometry.distances[best] - d)) best = i;
  });
  return best;
}
