// Plane geometry of contours, pure: segment intersection, self-intersection of a closed contour, area,
// centroid, point-in-polygon, distances, and the clean-up of freehand strokes. Works in any one coordinate
// system (image pixels or canvas px); nothing here knows which.

export type Pt = [number, number];

const EPS = 1e-9;

/** Twice the signed area of triangle a, b, c: > 0 counter-clockwise (y up), < 0 clockwise, 0 collinear. */
export function cross(a: Pt, b: Pt, c: Pt): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

const sign = (v: number): number => (Math.abs(v) < EPS ? 0 : v > 0 ? 1 : -1);

/** Is c on segment a–b, given that the three are collinear? */
function onSegment(a: Pt, b: Pt, c: Pt): boolean {
  return Math.min(a[0], b[0]) - EPS <= c[0] && c[0] <= Math.max(a[0], b[0]) + EPS
    && Math.min(a[1], b[1]) - EPS <= c[1] && c[1] <= Math.max(a[1], b[1]) + EPS;
}

/** Do closed segments p1–p2 and q1–q2 share at least one point (crossing, touching or overlapping)? */
export function segmentsIntersect(p1: Pt, p2: Pt, q1: Pt, q2: Pt): boolean {
  const d1 = sign(cross(q1, q2, p1));
  const d2 = sign(cross(q1, q2, p2));
  const d3 = sign(cross(p1, p2, q1));
  const d4 = sign(cross(p1, p2, q2));
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return (d1 === 0 && onSegment(q1, q2, p1)) || (d2 === 0 && onSegment(q1, q2, p2))
    || (d3 === 0 && onSegment(p1, p2, q1)) || (d4 === 0 && onSegment(p1, p2, q2));
}

/** Where the lines through p1–p2 and q1–q2 meet (null when parallel). */
export function lineIntersection(p1: Pt, p2: Pt, q1: Pt, q2: Pt): Pt | null {
  const r: Pt = [p2[0] - p1[0], p2[1] - p1[1]];
  const s: Pt = [q2[0] - q1[0], q2[1] - q1[1]];
  const denom = r[0] * s[1] - r[1] * s[0];
  if (Math.abs(denom) < EPS) return null;
  const t = ((q1[0] - p1[0]) * s[1] - (q1[1] - p1[1]) * s[0]) / denom;
  return [p1[0] + t * r[0], p1[1] + t * r[1]];
}

/**
 * The first pair of edges of the closed contour `points` (edge i runs from point i to point i+1, the last one
 * back to point 0) that cross, touch or overlap, or null when the contour is simple. Neighbouring edges share a
 * corner, which is fine; they only count when they fold back onto each other.
 */
export function selfIntersection(points: readonly Pt[]): [number, number] | null {
  const n = points.length;
  if (n < 3) return null;
  const edge = (i: number): [Pt, Pt] => [points[i], points[(i + 1) % n]];
  for (let i = 0; i < n; i++) {
    const [a, b] = edge(i);
    for (let j = i + 1; j < n; j++) {
      const [c, d] = edge(j);
      const neighbours = j === i + 1 || (i === 0 && j === n - 1);
      if (neighbours) {
        if (foldsBack(a, b, c, d, j === i + 1)) return [i, j];
      } else if (segmentsIntersect(a, b, c, d)) {
        return [i, j];
      }
    }
  }
  return null;
}

/** Two edges meeting at a corner overlap when they are collinear and point back along each other. */
function foldsBack(a: Pt, b: Pt, c: Pt, d: Pt, bIsShared: boolean): boolean {
  // edges a→b and c→d; the shared corner is b = c (consecutive) or a = d (last and first edge)
  const [p, corner, q] = bIsShared ? [a, b, d] : [c, a, b];
  if (sign(cross(p, corner, q)) !== 0) return false;
  const dot = (p[0] - corner[0]) * (q[0] - corner[0]) + (p[1] - corner[1]) * (q[1] - corner[1]);
  return dot > EPS;
}

/** Area enclosed by the contour (shoelace formula, always ≥ 0). */
export function polygonArea(points: readonly Pt[]): number {
  return Math.abs(signedArea(points));
}

function signedArea(points: readonly Pt[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i];
    const [x1, y1] = points[(i + 1) % points.length];
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

/** Centre of mass of the enclosed area; the mean of the points when the area is ~0. */
export function centroid(points: readonly Pt[]): Pt {
  const a = signedArea(points);
  if (Math.abs(a) < EPS) {
    const n = Math.max(1, points.length);
    return [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n];
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i];
    const [x1, y1] = points[(i + 1) % points.length];
    const f = x0 * y1 - x1 * y0;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

export interface Bounds { minX: number; minY: number; maxX: number; maxY: number }

export function bounds(points: readonly Pt[]): Bounds {
  return {
    minX: Math.min(...points.map((p) => p[0])), minY: Math.min(...points.map((p) => p[1])),
    maxX: Math.max(...points.map((p) => p[0])), maxY: Math.max(...points.map((p) => p[1])),
  };
}

/** Is p inside the closed contour (even-odd rule)? Points exactly on an edge may go either way. */
export function pointInPolygon(p: Pt, points: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if ((yi > p[1]) !== (yj > p[1]) && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Shortest distance from p to segment a–b. */
export function distanceToSegment(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 < EPS ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Drops points closer than `minDistance` to the point kept before them (and a last point that repeats the first). */
export function dedupe(points: readonly Pt[], minDistance = 1e-6): Pt[] {
  const out: Pt[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= minDistance) out.push([p[0], p[1]]);
  }
  while (out.length > 1 && Math.hypot(out[0][0] - out[out.length - 1][0], out[0][1] - out[out.length - 1][1]) < minDistance) out.pop();
  return out;
}

/** Ramer–Douglas–Peucker: the fewest points of the open path that stay within `tolerance` of it. */
export function simplify(points: readonly Pt[], tolerance: number): Pt[] {
  if (points.length < 3) return points.map((p) => [p[0], p[1]]);
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last]);
      if (d > worstDistance) { worst = i; worstDistance = d; }
    }
    if (worst >= 0) {
      keep[worst] = true;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i]).map((p) => [p[0], p[1]]);
}

/**
 * A freehand stroke as a closed contour. A hand that goes round a lesion usually overshoots its start a
 * little; when the stroke's end crosses its beginning, cut both loose ends at the crossing, so the contour
 * closes where the stroke did instead of crossing itself. Only crossings between the first and the last
 * fifth of the stroke count as overshoot.
 */
export function closeStroke(points: readonly Pt[]): Pt[] {
  const n = points.length;
  if (n < 4) return points.map((p) => [p[0], p[1]]);
  const head = Math.max(1, Math.floor(n / 5));
  for (let j = n - 2; j >= Math.max(2, n - 1 - head); j--) {
    for (let i = 0; i < Math.min(head, j - 1); i++) {
      if (!segmentsIntersect(points[i], points[i + 1], points[j], points[j + 1])) continue;
      const at = lineIntersection(points[i], points[i + 1], points[j], points[j + 1]) ?? points[i + 1];
      return [at, ...points.slice(i + 1, j + 1).map((p): Pt => [p[0], p[1]])];
    }
  }
  return points.map((p) => [p[0], p[1]]);
}
