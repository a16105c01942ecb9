// Overlay geometry: turns contract items (image pixel coords) into canvas
// positions for the currently shown image. Pure functions, no DOM, so the
// element only has to draw what comes out.

import type { AiMark, Mark, TruthLesion } from './model.js';
import { projectGeometry } from './shape-layout.js';
import type { Outline } from './shape-layout.js';
import { geometryOn } from './shapes.js';

/** image [col,row] -> canvas CSS px, or null when not computable. */
export type Projector = (x: number, y: number) => [number, number] | null;

export interface Placed<T> { item: T; cx: number; cy: number; number?: number }
/** r: the radius in canvas px; outline: the lesion's ellipse, box or polygon on this image, when it has one. */
export interface PlacedTruth extends Placed<TruthLesion> { r: number; outline?: Outline }
/** A mark on the canvas: half-axes rx, ry (canvas px; 0 for a point) along the image axes, turned by `angle` degrees. */
export interface PlacedMark extends Placed<Mark> { rx: number; ry: number; angle: number }

export interface OverlayLayout {
  marks: PlacedMark[];
  ai: Placed<AiMark>[];
  truth: PlacedTruth[];
  /** own marks placed on other images of the stack (for the hint) */
  marksElsewhere: number;
}

export const EMPTY_LAYOUT: OverlayLayout = { marks: [], ai: [], truth: [], marksElsewhere: 0 };

export function layoutOverlay(
  index: number, project: Projector | null,
  marks: Mark[], ai: AiMark[], aiVisible: boolean, truth: TruthLesion[],
): OverlayLayout {
  if (!project || index < 0) return EMPTY_LAYOUT;
  const place = <T extends { imageIndex: number; x: number; y: number }>(list: T[]) =>
    list.flatMap((item, i) => {
      if (item.imageIndex !== index) return [];
      const p = project(item.x, item.y);
      return p ? [{ item, cx: p[0], cy: p[1], number: i + 1 }] : [];
    });
  return {
    // numbers follow the order of the whole list so they stay stable while scrolling
    marks: place(marks).map((p) => ({ ...p, ...extents(project, p.item, p.cx, p.cy) })),
    ai: aiVisible ? place(ai) : [],
    // the radius is in image pixels: project a point on the rim so zoom/rotation apply. A lesion that spans
    // several images (a nodule through CT slices) is drawn on each of them, centred where it is annotated; one with
    // an outline (ellipse, box, polygon) shows its contour where one is drawn for that image, else its key outline
    truth: truth.flatMap((t, i) => {
      if (t.imageIndex !== index && !(index >= t.firstImage && index <= t.lastImage)) return [];
      const c = project(t.x, t.y);
      if (!c) return [];
      const rim = project(t.x + t.radius, t.y);
      const r = rim ? Math.hypot(rim[0] - c[0], rim[1] - c[1]) : 0;
      const outline = lesionOutline(t, index, project);
      const item = t.imageIndex === index ? t : { ...t, imageIndex: index };
      return [{ item, cx: c[0], cy: c[1], number: i + 1, r, ...(outline ? { outline } : {}) }];
    }),
    marksElsewhere: marks.filter((m) => m.imageIndex !== index).length,
  };
}

/** The canvas outline of a truth lesion with an ellipse, box or polygon (its contour on this image, if drawn), else null. */
export function lesionOutline(t: TruthLesion, index: number, project: Projector): Outline | null {
  if (!t.shape || (t.shape === 'point' && !t.contours?.[String(index)])) return null;
  const on = geometryOn({ ...t, shape: t.shape, width: t.width ?? 0, height: t.height ?? 0, points: t.points ?? [],
    contours: t.contours ?? {} }, index);
  return on ? projectGeometry(on.geometry, project) : null;
}

/** Projects the half extents of a shaped mark: image axes may be scaled, flipped or rotated on the canvas. */
function extents(project: Projector, m: Mark, cx: number, cy: number): { rx: number; ry: number; angle: number } {
  if (m.shape === 'point') return { rx: 0, ry: 0, angle: 0 };
  const ex = project(m.x + m.width / 2, m.y);
  const ey = project(m.x, m.y + m.height / 2);
  if (!ex || !ey) return { rx: 0, ry: 0, angle: 0 };
  return {
    rx: Math.hypot(ex[0] - cx, ex[1] - cy),
    ry: Math.hypot(ey[0] - cx, ey[1] - cy),
    angle: m.width > 0 ? (Math.atan2(ex[1] - cy, ex[0] - cx) * 180) / Math.PI : 0,
  };
}

/** Is canvas point (x, y) on or inside shaped mark p, with `tolerance` px of slack around the outline? */
export function insideMark(p: PlacedMark, x: number, y: number, tolerance: number): boolean {
  if (p.item.shape === 'point') return Math.hypot(p.cx - x, p.cy - y) <= tolerance;
  const a = (-p.angle * Math.PI) / 180;
  const dx = x - p.cx;
  const dy = y - p.cy;
  const lx = dx * Math.cos(a) - dy * Math.sin(a);
  const ly = dx * Math.sin(a) + dy * Math.cos(a);
  const rx = p.rx + tolerance;
  const ry = p.ry + tolerance;
  if (p.item.shape === 'box') return Math.abs(lx) <= rx && Math.abs(ly) <= ry;
  return (lx * lx) / (rx * rx) + (ly * ly) / (ry * ry) <= 1;
}

/**
 * The own mark under canvas point (cx, cy): a point mark within `tolerance` px (nearest) wins over
 * shapes, because points sit inside shapes; among shapes the smallest one containing the point.
 */
export function hitTestMarks(layout: OverlayLayout, cx: number, cy: number, tolerance = 10): Mark | null {
  let best: { mark: Mark; rank: number } | null = null;
  for (const p of layout.marks) {
    if (!insideMark(p, cx, cy, tolerance)) continue;
    const rank = p.item.shape === 'point' ? Math.hypot(p.cx - cx, p.cy - cy) : 1e6 + p.rx * p.ry;
    if (!best || rank < best.rank) best = { mark: p.item, rank };
  }
  return best?.mark ?? null;
}

/**
 * The affine transform (SVG `matrix(a b c d e f)`) that maps image pixel space (0..columns, 0..rows) onto the
 * canvas, from where the image's origin and its two far edges land; null while the image is not placed.
 */
export function heatmapMatrix(size: [number, number], project: Projector): number[] | null {
  const [cols, rows] = size;
  const o = project(0, 0);
  const ex = project(cols, 0);
  const ey = project(0, rows);
  if (!o || !ex || !ey) return null;
  return [(ex[0] - o[0]) / cols, (ex[1] - o[1]) / cols, (ey[0] - o[0]) / rows, (ey[1] - o[1]) / rows, o[0], o[1]];
}

/** A shaped finding dragged from image point p0 to p1 (opposite corners): its centre and full extents. */
export function shapeFromCorners(p0: [number, number], p1: [number, number]): { x: number; y: number; width: number; height: number } {
  return { x: (p0[0] + p1[0]) / 2, y: (p0[1] + p1[1]) / 2, width: Math.abs(p1[0] - p0[0]), height: Math.abs(p1[1] - p0[1]) };
}

/** Client px (pointer events) -> px relative to the element whose bounding rectangle is `rect`. */
export function toLocal(clientX: number, clientY: number, rect: { left: number; top: number }): [number, number] {
  return [clientX - rect.left, clientY - rect.top];
}
