import { describe, expect, it } from 'vitest';
import {
  bounds, centroid, closeStroke, dedupe, distanceToSegment, lineIntersection, pointInPolygon, polygonArea,
  segmentsIntersect, selfIntersection, simplify,
} from './polygon.js';
import type { Pt } from './polygon.js';

const square: Pt[] = [[0, 0], [10, 0], [10, 10], [0, 10]];

describe('segment intersection', () => {
  it('finds crossing segments, and none for disjoint or parallel ones', () => {
    expect(segmentsIntersect([0, 0], [10, 10], [0, 10], [10, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [10, 0], [0, 1], [10, 1])).toBe(false);
    expect(segmentsIntersect([0, 0], [4, 4], [6, 6], [10, 0])).toBe(false);
    expect(segmentsIntersect([0, 0], [1, 1], [3, 0], [2, 5])).toBe(false);
  });

  it('counts touching at an end point and overlapping collinear segments, not collinear gaps', () => {
    expect(segmentsIntersect([0, 0], [10, 0], [5, 0], [5, 5])).toBe(true);
    expect(segmentsIntersect([0, 0], [10, 0], [10, 0], [20, 5])).toBe(true);
    expect(segmentsIntersect([0, 0], [10, 0], [5, 0], [15, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [10, 0], [11, 0], [15, 0])).toBe(false);
  });

  it('is symmetric in its arguments', () => {
    const cases: [Pt, Pt, Pt, Pt][] = [[[0, 0], [10, 10], [0, 10], [10, 0]], [[0, 0], [4, 4], [6, 6], [10, 0]], [[0, 0], [10, 0], [5, 0], [5, 5]]];
    for (const [a, b, c, d] of cases) {
      const r = segmentsIntersect(a, b, c, d);
      expect(segmentsIntersect(c, d, a, b)).toBe(r);
      expect(segmentsIntersect(b, a, d, c)).toBe(r);
    }
  });

  it('gives where two lines meet', () => {
    expect(lineIntersection([0, 0], [10, 10], [0, 10], [10, 0])).toEqual([5, 5]);
    expect(lineIntersection([0, 0], [10, 0], [0, 1], [10, 1])).toBeNull();
  });
});

describe('self-intersection of a closed contour', () => {
  it('accepts simple contours, convex and concave', () => {
    expect(selfIntersection(square)).toBeNull();
    expect(selfIntersection([[0, 0], [10, 0], [10, 10], [5, 3], [0, 10]])).toBeNull();
    expect(selfIntersection([[0, 0], [3, 0], [1, 2]])).toBeNull();
  });

  it('finds a bow tie (crossing edges), including crossings through the closing edge', () => {
    expect(selfIntersection([[0, 0], [10, 10], [10, 0], [0, 10]])).toEqual([0, 2]);
    // the closing edge (4 → 0) crosses edge 1
    expect(selfIntersection([[0, 5], [10, 5], [10, 0], [5, 10], [5, -2]])).not.toBeNull();
  });

  it('finds a contour that touches itself or folds back along an edge', () => {
    expect(selfIntersection([[0, 0], [10, 0], [10, 10], [10, 5], [0, 10]])).not.toBeNull(); // back along an edge
    expect(selfIntersection([[0, 0], [10, 0], [5, 0], [5, 5]])).not.toBeNull(); // spike back onto the first edge
    expect(selfIntersection([[0, 0], [10, 0], [10, 10], [5, 0], [0, 10]])).not.toBeNull(); // a vertex on another edge
  });

  it('has nothing to say about fewer than three points', () => {
    expect(selfIntersection([[0, 0], [1, 1]])).toBeNull();
  });
});

describe('area, centroid, bounds and containment', () => {
  it('measures the enclosed area whatever the winding', () => {
    expect(polygonArea(square)).toBe(100);
    expect(polygonArea([...square].reverse())).toBe(100);
    expect(polygonArea([[0, 0], [4, 0], [0, 3]])).toBe(6);
  });

  it('finds the centre of mass, and the mean of degenerate contours', () => {
    expect(centroid(square)).toEqual([5, 5]);
    const [x, y] = centroid([[0, 0], [6, 0], [0, 6]]);
    expect([x, y]).toEqual([2, 2]);
    expect(centroid([[0, 0], [2, 0], [4, 0]])).toEqual([2, 0]);
  });

  it('bounds and contains points', () => {
    expect(bounds([[3, 4], [-1, 8], [5, 0]])).toEqual({ minX: -1, minY: 0, maxX: 5, maxY: 8 });
    expect(pointInPolygon([5, 5], square)).toBe(true);
    expect(pointInPolygon([15, 5], square)).toBe(false);
    const u: Pt[] = [[0, 0], [10, 0], [10, 10], [7, 10], [7, 3], [3, 3], [3, 10], [0, 10]];
    expect(pointInPolygon([5, 8], u)).toBe(false); // in the notch
    expect(pointInPolygon([1, 8], u)).toBe(true);
  });

  it('measures the distance from a point to a segment (ends included)', () => {
    expect(distanceToSegment([5, 3], [0, 0], [10, 0])).toBe(3);
    expect(distanceToSegment([13, 4], [0, 0], [10, 0])).toBe(5);
    expect(distanceToSegment([3, 4], [0, 0], [0, 0])).toBe(5);
  });
});

describe('cleaning up freehand strokes', () => {
  it('drops repeated points and a last point that repeats the first', () => {
    expect(dedupe([[0, 0], [0, 0], [5, 0], [5, 0.1], [5, 5], [0, 0]], 0.5)).toEqual([[0, 0], [5, 0], [5, 5]]);
  });

  it('simplifies a path to the points that matter (Ramer–Douglas–Peucker)', () => {
    const line: Pt[] = Array.from({ length: 11 }, (_, i) => [i, i % 2 ? 0.1 : 0]);
    expect(simplify(line, 0.5)).toEqual([[0, 0], [10, 0]]);
    const corner: Pt[] = [[0, 0], [5, 0.05], [10, 0], [10, 5], [10, 10]];
    expect(simplify(corner, 0.5)).toEqual([[0, 0], [10, 0], [10, 10]]);
  });

  it('closes a stroke that overshoots its start at the crossing, leaving a simple contour', () => {
    // round a square, ending past the start: the last edge crosses the first
    const stroke: Pt[] = [[0.5, 0], [4, 0], [6, 0], [8, 0], [10, 0], [10, 3], [10, 6], [10, 10], [6, 10], [3, 10], [0, 10], [0, 6],
      [0, 3], [2.5, -1], [3, -3]];
    const closed = closeStroke(stroke);
    expect(selfIntersection(closed)).toBeNull();
    expect(selfIntersection(stroke)).not.toBeNull();
    expect(closed[0][1]).toBeCloseTo(0);
    expect(closed.length).toBeLessThan(stroke.length);
  });

  it('leaves a stroke alone that does not cross its start', () => {
    const stroke: Pt[] = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 1]];
    expect(closeStroke(stroke)).toEqual(stroke);
  });
});
