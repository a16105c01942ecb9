// Authored shapes on the canvas, pure: image-pixel outlines projected to canvas px for the shown image (zoom,
// pan, flips and rotation apply), their editing handles, and hit-testing of shapes and handles in canvas px.

import type { Projector } from './overlay.js';
import { distanceToSegment, pointInPolygon, polygonArea } from './polygon.js';
import type { Bounds, Pt } from './polygon.js';
import { corners, geometryOn } from './shapes.js';
import type { Geometry, Layer, Role, Shape } from './shapes.js';

/** An outline in canvas px; ellipse and box have half-axes rx, ry along the image axes, turned by `angle` degrees. */
export type Outline =
  | { type: 'circle'; cx: number; cy: number; r: number }
  | { type: 'ellipse' | 'box'; cx: number; cy: number; rx: number; ry: number; angle: number }
  | { type: 'polygon'; pts: Pt[] };

/** corner: of an ellipse's or box's extent (0..3 as shapes.corners); radius: of a point; vertex / midpoint: of a contour. */
export interface Handle { kind: 'corner' | 'radius' | 'vertex' | 'midpoint'; index: number; at: Pt }

export interface PlacedShape {
  layer: Layer; shape: Shape; role: Role; geometry: Geometry; outline: Outline;
  /** 1-based position in its layer's list, stable while scrolling */
  number: number;
  editable: boolean; selected: boolean; selectedVertex: number | null;
  /** being drawn or dragged, and whether it would be refused as it is */
  draft: boolean; invalid: boolean;
  /** only for the selected, editable outline on its own image (key or contour) */
  handles: Handle[];
}

/** Canvas outline of `g`, or null while the image is not placed. */
export function projectGeometry(g: Geometry, project: Projector): Outline | null {
  if (g.kind === 'polygon') {
    const pts = g.points.map((p) => project(p[0], p[1]));
    return pts.every((p): p is [number, number] => p !== null) ? { type: 'polygon', pts } : null;
  }
  const c = project(g.x, g.y);
  if (!c) return null;
  if (g.kind === 'point') {
    const rim = project(g.x + g.radius, g.y);
    return rim ? { type: 'circle', cx: c[0], cy: c[1], r: Math.hypot(rim[0] - c[0], rim[1] - c[1]) } : null;
  }
  const ex = project(g.x + g.width / 2, g.y);
  const ey = project(g.x, g.y + g.height / 2);
  if (!ex || !ey) return null;
  return { type: g.kind, cx: c[0], cy: c[1], rx: Math.hypot(ex[0] - c[0], ex[1] - c[1]),
    ry: Math.hypot(ey[0] - c[0], ey[1] - c[1]), angle: g.width > 0 ? (Math.atan2(ex[1] - c[1], ex[0] - c[0]) * 180) / Math.PI : 0 };
}

const MIDPOINT_MIN_PX = 24;

/** Handles of outline `g` in canvas px. */
export function handlesOf(g: Geometry, project: Projector): Handle[] {
  const at = (p: Pt) => project(p[0], p[1]);
  const handles: Handle[] = [];
  const add = (kind: Handle['kind'], index: number, p: [number, number] | null) => { if (p) handles.push({ kind, index, at: p }); };
  if (g.kind === 'point') add('radius', 0, at([g.x + g.radius, g.y]));
  else if (g.kind === 'polygon') {
    g.points.forEach((p, i) => add('vertex', i, at(p)));
    // a midpoint handle (drag to add a vertex) only on edges long enough to grab it beside their vertices
    g.points.forEach((p, i) => {
      const q = g.points[(i + 1) % g.points.length];
      const [a, b] = [at(p), at(q)];
      if (a && b && Math.hypot(b[0] - a[0], b[1] - a[1]) >= MIDPOINT_MIN_PX) add('midpoint', i, at([(p[0] + q[0]) / 2, (p[1] + q[1]) / 2]));
    });
  } else corners(g).forEach((p, i) => add('corner', i, at(p)));
  return handles;
}

export interface PlaceOptions {
  editable: boolean; selectedId: string | null; selectedVertex: number | null;
  /** a shape being edited: shown instead of the stored one with the same id (or added) */
  draft?: { shape: Shape; invalid: boolean } | null;
}

/** The shapes of one layer that show on image `index`, in canvas px. */
export function placeShapes(layer: Layer, shapes: readonly Shape[], index: number, project: Projector | null,
  o: PlaceOptions): PlacedShape[] {
  if (!project || index < 0) return [];
  const draft = o.draft ?? null;
  const list = draft && !shapes.some((s) => s.id === draft.shape.id) ? [...shapes, draft.shape] : shapes;
  return list.flatMap((stored, i) => {
    const isDraft = !!draft && draft.shape.id === stored.id;
    const shape = isDraft ? draft.shape : stored;
    const on = geometryOn(shape, index);
    const outline = on && projectGeometry(on.geometry, project);
    if (!on || !outline) return [];
    const selected = shape.id === o.selectedId;
    const ownImage = on.role !== 'extent';
    return [{
      layer, shape, role: on.role, geometry: on.geometry, outline, number: i + 1,
      editable: o.editable, selected, selectedVertex: selected && ownImage ? o.selectedVertex : null,
      draft: isDraft, invalid: isDraft && draft.invalid,
      handles: o.editable && selected && ownImage ? handlesOf(on.geometry, project) : [],
    }];
  });
}

/** Is canvas point (x, y) on or inside the outline, with `tolerance` px of slack around it? */
export function insideOutline(o: Outline, x: number, y: number, tolerance: number): boolean {
  if (o.type === 'circle') return Math.hypot(x - o.cx, y - o.cy) <= Math.max(o.r, 3) + tolerance;
  if (o.type === 'polygon') {
    if (pointInPolygon([x, y], o.pts)) return true;
    return o.pts.some((p, i) => distanceToSegment([x, y], p, o.pts[(i + 1) % o.pts.length]) <= tolerance);
  }
  const a = (-o.angle * Math.PI) / 180;
  const dx = x - o.cx;
  const dy = y - o.cy;
  const lx = dx * Math.cos(a) - dy * Math.sin(a);
  const ly = dx * Math.sin(a) + dy * Math.cos(a);
  const rx = o.rx + tolerance;
  const ry = o.ry + tolerance;
  if (o.type === 'box') return Math.abs(lx) <= rx && Math.abs(ly) <= ry;
  return (lx * lx) / (rx * rx) + (ly * ly) / (ry * ry) <= 1;
}

/** Area of the outline in canvas px² (to prefer the smallest of nested shapes). */
export function outlineArea(o: Outline): number {
  if (o.type === 'circle') return Math.PI * o.r * o.r;
  if (o.type === 'polygon') return polygonArea(o.pts);
  return o.type === 'box' ? 4 * o.rx * o.ry : Math.PI * o.rx * o.ry;
}

/** The outline's bounding box on the canvas. */
export function outlineBounds(o: Outline): Bounds {
  if (o.type === 'polygon') {
    const xs = o.pts.map((p) => p[0]);
    const ys = o.pts.map((p) => p[1]);
    return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
  }
  if (o.type === 'circle') return { minX: o.cx - o.r, minY: o.cy - o.r, maxX: o.cx + o.r, maxY: o.cy + o.r };
  const a = (o.angle * Math.PI) / 180;
  const hx = Math.abs(o.rx * Math.cos(a)) + Math.abs(o.ry * Math.sin(a));
  const hy = Math.abs(o.rx * Math.sin(a)) + Math.abs(o.ry * Math.cos(a));
  return { minX: o.cx - hx, minY: o.cy - hy, maxX: o.cx + hx, maxY: o.cy + hy };
}

/** The editable shape under canvas point (x, y): outlines on their own image before extents, then the smallest. */
export function hitShape(placed: readonly PlacedShape[], x: number, y: number, tolerance = 6): PlacedShape | null {
  let best: { p: PlacedShape; rank: number } | null = null;
  for (const p of placed) {
    if (!p.editable || p.draft || !insideOutline(p.outline, x, y, tolerance)) continue;
    const rank = (p.role === 'extent' ? 1e12 : 0) + outlineArea(p.outline);
    if (!best || rank < best.rank) best = { p, rank };
  }
  return best?.p ?? null;
}

/** The handle of `p` under canvas point (x, y), nearest first; vertices win over midpoints. */
export function hitHandle(p: PlacedShape | null, x: number, y: number, tolerance = 8): Handle | null {
  if (!p) return null;
  let best: { h: Handle; rank: number } | null = null;
  for (const h of p.handles) {
    const d = Math.hypot(h.at[0] - x, h.at[1] - y);
    if (d > tolerance) continue;
    const rank = d + (h.kind === 'midpoint' ? tolerance : 0);
    if (!best || rank < best.rank) best = { h, rank };
  }
  return best?.h ?? null;
}
