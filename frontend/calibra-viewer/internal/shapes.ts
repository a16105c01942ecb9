// Authored lesions (truth) and AI marks as shapes in image pixels, pure: the JSON Java and the element
// exchange (`truthShapes`, `aiShapes`, the shape-* events), the outline shown on each image of a lesion,
// the editing steps (move, resize, vertices, contours on other images, first/last image) and the
// geometry checks that run before anything is emitted.

import { notNull, num, parseArray, parseContours, parsePoints, str } from './model.js';
import type { Obj } from './model.js';
import { bounds, centroid, dedupe, polygonArea, selfIntersection } from './polygon.js';
import type { Pt } from './polygon.js';

export type Layer = 'truth' | 'ai';
export type ShapeKind = 'point' | 'ellipse' | 'box' | 'polygon';
export const SHAPE_KINDS: readonly ShapeKind[] = ['point', 'ellipse', 'box', 'polygon'];

/**
 * One lesion or AI mark. `imageIndex` is its key image, where `shape` is drawn; (x, y) is always the centre
 * (the centroid of a polygon), `width`/`height` its full extent along the image axes and `radius` the radius of
 * the circle about (x, y) that holds the whole key outline — so consumers that know only circles keep working.
 * `points` is the polygon on the key image; `contours` are outlines drawn on other images of the lesion (keys:
 * image index as text). The lesion spans images `firstImage`..`lastImage`, which holds the key image and
 * every contour. `probability` (0..1) is the AI's, null for truth.
 */
export interface Shape {
  id: string; label: string; shape: ShapeKind;
  imageIndex: number; firstImage: number; lastImage: number;
  x: number; y: number; radius: number; width: number; height: number;
  points: Pt[]; contours: Record<string, Pt[]>;
  probability: number | null;
}

/** An outline in image pixels. */
export type Geometry =
  | { kind: 'point'; x: number; y: number; radius: number }
  | { kind: 'ellipse' | 'box'; x: number; y: number; width: number; height: number }
  | { kind: 'polygon'; points: Pt[] };

/** key: the shape on its key image; contour: an outline drawn on this image; extent: the key shape shown on another image of the lesion. */
export type Role = 'key' | 'contour' | 'extent';

const round = (v: number): number => Math.round(v * 100) / 100;
const roundPt = (p: Pt): Pt => [round(p[0]), round(p[1])];

/** One shape from Java's JSON, or null when it has no usable key image or outline. Derived fields are recomputed. */
export function parseShape(o: Obj): Shape | null {
  const imageIndex = num(o.imageIndex);
  if (imageIndex === null || imageIndex < 0) return null;
  const kind: ShapeKind = SHAPE_KINDS.includes(o.shape as ShapeKind) ? o.shape as ShapeKind : 'point';
  const points = parsePoints(o.points);
  const x = num(o.x);
  const y = num(o.y);
  if (kind === 'polygon' ? points.length < 3 : x === null || y === null) return null;
  const index = Math.trunc(imageIndex);
  const contours = parseContours(o.contours);
  delete contours[String(index)];
  const p = num(o.probability);
  return normalise({
    id: str(o.id), label: str(o.label), shape: kind, imageIndex: index,
    firstImage: Math.trunc(num(o.firstImage) ?? index), lastImage: Math.trunc(num(o.lastImage) ?? index),
    x: x ?? 0, y: y ?? 0, radius: Math.max(0, num(o.radius) ?? 0),
    width: Math.max(0, num(o.width) ?? 0), height: Math.max(0, num(o.height) ?? 0),
    points, contours, probability: p === null ? null : Math.min(1, Math.max(0, p)),
  });
}

/** A JSON list of shapes; bad JSON or entries give an empty list or are dropped (never an error). */
export function parseShapes(json: string | null | undefined): Shape[] {
  return parseArray(json).map(parseShape).filter(notNull);
}

/**
 * The derived fields from the outline (centre, extents, enclosing radius), values rounded to 1/100 pixel, and
 * the range widened to hold the key image and every contour.
 */
export function normalise(s: Shape): Shape {
  const points = s.shape === 'polygon' ? s.points.map(roundPt) : [];
  const contours: Record<string, Pt[]> = {};
  for (const key of Object.keys(s.contours).map(Number).sort((a, b) => a - b)) {
    if (key !== s.imageIndex) contours[String(key)] = s.contours[String(key)].map(roundPt);
  }
  const keys = Object.keys(contours).map(Number);
  const firstImage = Math.min(s.firstImage, s.imageIndex, ...keys);
  const lastImage = Math.max(s.lastImage, s.imageIndex, ...keys);
  let { x, y, radius, width, height } = s;
  if (s.shape === 'polygon') {
    [x, y] = centroid(points);
    const b = bounds(points);
    width = b.maxX - b.minX;
    height = b.maxY - b.minY;
    radius = Math.max(...points.map((p) => Math.hypot(p[0] - x, p[1] - y)));
  } else if (s.shape === 'point') {
    width = 2 * radius;
    height = 2 * radius;
  } else {
    radius = s.shape === 'box' ? Math.hypot(width, height) / 2 : Math.max(width, height) / 2;
  }
  return { ...s, points, contours, firstImage, lastImage,
    x: round(x), y: round(y), radius: round(radius), width: round(width), height: round(height) };
}

/** The JSON object of a shape, as the events carry it and Java's ViewerShape reads it. */
export function shapeJson(s: Shape): Record<string, unknown> {
  return {
    id: s.id, label: s.label, shape: s.shape, imageIndex: s.imageIndex, firstImage: s.firstImage, lastImage: s.lastImage,
    x: s.x, y: s.y, radius: s.radius, width: s.width, height: s.height,
    points: s.points, contours: s.contours, probability: s.probability,
  };
}

/** Whether two lists hold the same shapes (what Java echoes back after an event changes nothing). */
export function sameShapes(a: readonly Shape[], b: readonly Shape[]): boolean {
  return JSON.stringify(a.map(shapeJson)) === JSON.stringify(b.map(shapeJson));
}

/** A new shape of `kind` on image `index` from its key outline. */
export function newShape(id: string, index: number, g: Geometry, probability: number | null = null): Shape {
  const base: Shape = { id, label: '', shape: g.kind, imageIndex: index, firstImage: index, lastImage: index,
    x: 0, y: 0, radius: 0, width: 0, height: 0, points: [], contours: {}, probability };
  return normalise(withGeometry(base, index, g));
}

/** What the outline of a shape (or of a truth lesion with an outline) is made of. */
export type Outlined = Pick<Shape, 'shape' | 'imageIndex' | 'firstImage' | 'lastImage' | 'x' | 'y' | 'radius' | 'width' | 'height'
  | 'points' | 'contours'>;

/** The key outline of a shape. */
export function keyGeometry(s: Outlined): Geometry {
  if (s.shape === 'polygon') return { kind: 'polygon', points: s.points };
  if (s.shape === 'point') return { kind: 'point', x: s.x, y: s.y, radius: s.radius };
  return { kind: s.shape, x: s.x, y: s.y, width: s.width, height: s.height };
}

/** What the shape shows on image `index`: its contour there, its key outline, the key outline as extent, or nothing. */
export function geometryOn(s: Outlined, index: number): { geometry: Geometry; role: Role } | null {
  const contour = s.contours[String(index)];
  if (contour && index !== s.imageIndex) return { geometry: { kind: 'polygon', points: contour }, role: 'contour' };
  if (index === s.imageIndex) return { geometry: keyGeometry(s), role: 'key' };
  if (index >= s.firstImage && index <= s.lastImage) return { geometry: keyGeometry(s), role: 'extent' };
  return null;
}

/** The shape with its outline on image `index` replaced (the key shape on the key image or on an extent, else a contour). */
export function withGeometry(s: Shape, index: number, g: Geometry): Shape {
  if (index !== s.imageIndex && s.contours[String(index)]) {
    if (g.kind !== 'polygon') return s;
    return normalise({ ...s, contours: { ...s.contours, [String(index)]: g.points } });
  }
  if (g.kind === 'polygon') return normalise({ ...s, shape: 'polygon', points: g.points });
  if (g.kind === 'point') return normalise({ ...s, shape: 'point', points: [], x: g.x, y: g.y, radius: g.radius });
  return normalise({ ...s, shape: g.kind, points: [], x: g.x, y: g.y, width: g.width, height: g.height });
}

/** The outline moved by (dx, dy) image pixels. */
export function translate(g: Geometry, dx: number, dy: number): Geometry {
  if (g.kind === 'polygon') return { kind: 'polygon', points: g.points.map((p): Pt => [p[0] + dx, p[1] + dy]) };
  return { ...g, x: g.x + dx, y: g.y + dy };
}

/** Corners of an ellipse's or box's extent: 0 top-left, 1 top-right, 2 bottom-right, 3 bottom-left (image axes). */
export function corners(g: { x: number; y: number; width: number; height: number }): Pt[] {
  const [hw, hh] = [g.width / 2, g.height / 2];
  return [[g.x - hw, g.y - hh], [g.x + hw, g.y - hh], [g.x + hw, g.y + hh], [g.x - hw, g.y + hh]];
}

/** An ellipse or box dragged from corner `fixed` to `moving`. */
export function fromCorners(kind: 'ellipse' | 'box', fixed: Pt, moving: Pt): Geometry {
  return { kind, x: (fixed[0] + moving[0]) / 2, y: (fixed[1] + moving[1]) / 2,
    width: Math.abs(moving[0] - fixed[0]), height: Math.abs(moving[1] - fixed[1]) };
}

export function movedVertex(points: readonly Pt[], i: number, p: Pt): Pt[] {
  return points.map((q, k): Pt => (k === i ? [p[0], p[1]] : q));
}

/** A new vertex p after vertex i (on the edge from i to i+1). */
export function insertedVertex(points: readonly Pt[], i: number, p: Pt): Pt[] {
  return [...points.slice(0, i + 1), [p[0], p[1]], ...points.slice(i + 1)];
}

/** Vertex i removed, or a reason why not. */
export function removedVertex(points: readonly Pt[], i: number): Pt[] | string {
  return points.length <= 3 ? 'A contour needs at least 3 points: delete the whole lesion instead' : points.filter((_, k) => k !== i);
}

/** The lesion starting (`end` = 'first') or ending ('last') on image `index`, or a reason why it cannot. */
export function withRange(s: Shape, end: 'first' | 'last', index: number): Shape | string {
  const keys = Object.keys(s.contours).map(Number);
  if (end === 'first') {
    if (index > s.imageIndex) return `The first image must be at or before the key image (${s.imageIndex + 1})`;
    const below = keys.filter((k) => k < index);
    if (below.length) return `Image ${below[0] + 1} has a contour of this lesion: remove it first`;
    return { ...s, firstImage: index };
  }
  if (index < s.imageIndex) return `The last image must be at or after the key image (${s.imageIndex + 1})`;
  const above = keys.filter((k) => k > index);
  if (above.length) return `Image ${above[0] + 1} has a contour of this lesion: remove it first`;
  return { ...s, lastImage: index };
}

/** The lesion with a contour on image `index` (not its key image), widening its range if needed. */
export function withContour(s: Shape, index: number, points: Pt[]): Shape {
  return normalise({ ...s, contours: { ...s.contours, [String(index)]: points } });
}

export function withoutContour(s: Shape, index: number): Shape {
  const contours = { ...s.contours };
  delete contours[String(index)];
  return normalise({ ...s, contours });
}

const TOLERANCE = 0.01;

/** Why outline `g` is not acceptable on an image of `size` (columns, rows), or null when it is. */
export function geometryProblem(g: Geometry, size: [number, number] | null): string | null {
  let box: { minX: number; minY: number; maxX: number; maxY: number };
  if (g.kind === 'polygon') {
    const pts = dedupe(g.points, 0.01);
    if (pts.length < 3) return 'A contour needs at least 3 points';
    if (selfIntersection(pts)) return 'The contour crosses itself: draw it again without crossing lines';
    if (polygonArea(pts) < 1) return 'Too small: the contour must enclose at least one pixel';
    box = bounds(pts);
  } else if (g.kind === 'point') {
    if (!(g.radius >= 1)) return 'Too small: the radius must be at least 1 pixel';
    box = { minX: g.x - g.radius, minY: g.y - g.radius, maxX: g.x + g.radius, maxY: g.y + g.radius };
  } else {
    if (!(g.width >= 1 && g.height >= 1)) return `Too small: the ${g.kind} must be at least 1 pixel wide and high`;
    box = { minX: g.x - g.width / 2, minY: g.y - g.height / 2, maxX: g.x + g.width / 2, maxY: g.y + g.height / 2 };
  }
  if (size && (box.minX < -TOLERANCE || box.minY < -TOLERANCE || box.maxX > size[0] + TOLERANCE || box.maxY > size[1] + TOLERANCE)) {
    return 'The outline must stay inside the image';
  }
  return null;
}

/**
 * Why the shape cannot be saved, or null: every outline (key and contours) must be valid on an image of `size`,
 * the range must hold the key image and lie within the stack of `count` images, an AI probability in 0..1.
 */
export function shapeProblem(s: Shape, size: [number, number] | null, count: number): string | null {
  const key = geometryProblem(keyGeometry(s), size);
  if (key) return key;
  for (const [k, pts] of Object.entries(s.contours)) {
    const p = geometryProblem({ kind: 'polygon', points: pts }, size);
    if (p) return `Image ${Number(k) + 1}: ${p}`;
  }
  if (s.firstImage > s.imageIndex || s.lastImage < s.imageIndex) return 'The lesion\'s images must include its key image';
  if (s.firstImage < 0 || (count > 0 && s.lastImage >= count)) return 'The lesion\'s images must lie within the stack';
  if (s.probability !== null && !(s.probability >= 0 && s.probability <= 1)) return 'The probability must lie between 0 and 100 %';
  return null;
}
