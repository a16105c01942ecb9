import { describe, expect, it, vi } from 'vitest';
import type { Pt } from './polygon.js';
import {
  geometryOn, geometryProblem, insertedVertex, movedVertex, newShape, parseShapes, removedVertex, sameShapes,
  shapeJson, shapeProblem, translate, withContour, withGeometry, withRange, withoutContour,
} from './shapes.js';
import type { Shape } from './shapes.js';

const SIZE: [number, number] = [100, 80];
const tri: Pt[] = [[10, 10], [40, 10], [10, 40]];
const poly = (id = 'p', index = 5, points: Pt[] = tri) => newShape(id, index, { kind: 'polygon', points });

describe('the shape JSON', () => {
  it('reads every kind, recomputing centre, extent and radius from the outline', () => {
    const [point, ellipse, box, polygon] = parseShapes(JSON.stringify([
      { id: 'a', label: 'nodule', shape: 'point', imageIndex: 2, x: 10, y: 20, radius: 4 },
      { id: 'b', shape: 'ellipse', imageIndex: 2, x: 50, y: 40, width: 20, height: 10 },
      { id: 'c', shape: 'box', imageIndex: 3, x: 50, y: 40, width: 6, height: 8, probability: 0.75 },
      { id: 'd', shape: 'polygon', imageIndex: 4, x: 0, y: 0, radius: 99, points: [[0, 0], [30, 0], [0, 30]] },
    ]));
    expect(point).toMatchObject({ shape: 'point', x: 10, y: 20, radius: 4, width: 8, height: 8, firstImage: 2, lastImage: 2, probability: null });
    expect(ellipse).toMatchObject({ radius: 10, width: 20, height: 10 });
    expect(box).toMatchObject({ radius: 5, probability: 0.75 });
    expect(polygon).toMatchObject({ x: 10, y: 10, width: 30, height: 30 });
    expect(polygon.radius).toBeCloseTo(Math.hypot(20, 10), 1);
  });

  it('keeps the old truth fields working: a lesion of x, y, radius is a point', () => {
    const [s] = parseShapes('[{"id":"L1","imageIndex":0,"x":5,"y":6,"radius":3,"label":"x","detected":true}]');
    expect(s).toMatchObject({ shape: 'point', x: 5, y: 6, radius: 3 });
  });

  it('drops unusable entries and bad JSON instead of failing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseShapes('{')).toEqual([]);
    expect(parseShapes(JSON.stringify([
      { id: 'no index', x: 1, y: 1 }, { id: 'no centre', imageIndex: 0 },
      { id: 'two points', shape: 'polygon', imageIndex: 0, points: [[0, 0], [1, 1]] },
      { id: 'ok', shape: 'polygon', imageIndex: 0, points: [{ x: 0, y: 0 }, [10, 0], [0, 10], ['a', 2]] },
    ])).map((s) => [s.id, s.points.length])).toEqual([['ok', 3]]);
    warn.mockRestore();
  });

  it('reads contours per image and widens the range to hold them; the key image\'s own entry is the shape', () => {
    const [s] = parseShapes(JSON.stringify([{ id: 'n', shape: 'polygon', imageIndex: 5, firstImage: 5, lastImage: 5,
      points: tri, contours: { 7: [[0, 0], [5, 0], [0, 5]], 5: [[1, 1], [2, 2], [3, 1]], x: [[0, 0]] } }]));
    expect(Object.keys(s.contours)).toEqual(['7']);
    expect([s.firstImage, s.lastImage]).toEqual([5, 7]);
  });

  it('writes what it reads (round trip), rounded to 1/100 pixel', () => {
    const s = newShape('t-1', 3, { kind: 'ellipse', x: 10.123456, y: 20.5, width: 4.005, height: 2 });
    expect(shapeJson(s)).toEqual({ id: 't-1', label: '', shape: 'ellipse', imageIndex: 3, firstImage: 3, lastImage: 3,
      x: 10.12, y: 20.5, radius: 2.01, width: 4.01, height: 2, points: [], contours: {}, probability: null });
    const [back] = parseShapes(JSON.stringify([shapeJson(s)]));
    expect(sameShapes([back], [s])).toBe(true);
  });

  it('tells equal lists from different ones', () => {
    expect(sameShapes([poly()], [poly()])).toBe(true);
    expect(sameShapes([poly()], [poly('q')])).toBe(false);
    expect(sameShapes([poly()], [])).toBe(false);
  });
});

describe('outlines on the images of a lesion', () => {
  const lesion: Shape = withContour({ ...poly(), firstImage: 3, lastImage: 8 }, 7, [[0, 0], [5, 0], [0, 5]]);

  it('shows the key shape on its key image, contours where drawn, the key shape as extent elsewhere in the range', () => {
    expect(geometryOn(lesion, 5)?.role).toBe('key');
    expect(geometryOn(lesion, 7)).toEqual({ role: 'contour', geometry: { kind: 'polygon', points: [[0, 0], [5, 0], [0, 5]] } });
    expect(geometryOn(lesion, 3)?.role).toBe('extent');
    expect(geometryOn(lesion, 9)).toBeNull();
  });

  it('edits the outline of the image it is on: the contour there, else the key shape', () => {
    const moved = withGeometry(lesion, 7, translate(geometryOn(lesion, 7)!.geometry, 1, 1));
    expect(moved.contours['7']).toEqual([[1, 1], [6, 1], [1, 6]]);
    expect(moved.points).toEqual(lesion.points);
    const fromExtent = withGeometry(lesion, 4, translate(geometryOn(lesion, 4)!.geometry, 2, 0));
    expect(fromExtent.points[0]).toEqual([12, 10]);
    expect(fromExtent.x).toBeCloseTo(lesion.x + 2);
  });

  it('turns a key shape into another kind', () => {
    const s = withGeometry(newShape('b', 0, { kind: 'box', x: 5, y: 5, width: 4, height: 4 }), 0, { kind: 'point', x: 1, y: 2, radius: 3 });
    expect(s).toMatchObject({ shape: 'point', x: 1, y: 2, radius: 3, width: 6 });
  });

  it('sets the first and last image around the key image, never past it or a contour', () => {
    expect(withRange(lesion, 'first', 2)).toMatchObject({ firstImage: 2, lastImage: 8 });
    expect(withRange(lesion, 'last', 9)).toMatchObject({ lastImage: 9 });
    expect(withRange(lesion, 'first', 6)).toBe('The first image must be at or before the key image (6)');
    expect(withRange(lesion, 'last', 6)).toBe('Image 8 has a contour of this lesion: remove it first');
    expect(withRange(lesion, 'last', 4)).toMatch(/at or after the key image/);
  });

  it('adds a contour (widening the range) and removes it (keeping the range)', () => {
    const s = withContour(poly(), 9, tri);
    expect([s.firstImage, s.lastImage, Object.keys(s.contours)]).toEqual([5, 9, ['9']]);
    expect(withoutContour(s, 9)).toMatchObject({ contours: {}, lastImage: 9 });
  });

  it('moves, inserts and removes vertices, keeping at least three', () => {
    expect(movedVertex(tri, 1, [50, 10])).toEqual([[10, 10], [50, 10], [10, 40]]);
    expect(insertedVertex(tri, 0, [25, 5])).toEqual([[10, 10], [25, 5], [40, 10], [10, 40]]);
    expect(removedVertex(insertedVertex(tri, 0, [25, 5]), 1)).toEqual(tri);
    expect(removedVertex(tri, 0)).toMatch(/at least 3 points/);
  });
});

describe('geometry checks before anything is emitted', () => {
  it('accepts sound outlines inside the image', () => {
    expect(geometryProblem({ kind: 'polygon', points: tri }, SIZE)).toBeNull();
    expect(geometryProblem({ kind: 'point', x: 5, y: 5, radius: 5 }, SIZE)).toBeNull();
    expect(geometryProblem({ kind: 'box', x: 50, y: 40, width: 100, height: 80 }, SIZE)).toBeNull();
  });

  it('refuses too few points, crossing contours and empty areas, with a reason a person can act on', () => {
    expect(geometryProblem({ kind: 'polygon', points: [[0, 0], [5, 5], [5, 5.001]] }, SIZE)).toBe('A contour needs at least 3 points');
    expect(geometryProblem({ kind: 'polygon', points: [[0, 0], [10, 10], [10, 0], [0, 10]] }, SIZE))
      .toBe('The contour crosses itself: draw it again without crossing lines');
    expect(geometryProblem({ kind: 'polygon', points: [[0, 0], [10, 0], [20, 0.01]] }, SIZE)).toMatch(/^Too small/);
  });

  it('refuses shapes without size or outside the image', () => {
    expect(geometryProblem({ kind: 'point', x: 5, y: 5, radius: 0.5 }, SIZE)).toMatch(/radius must be at least 1 pixel/);
    expect(geometryProblem({ kind: 'ellipse', x: 5, y: 5, width: 0, height: 3 }, SIZE)).toMatch(/ellipse must be at least 1 pixel/);
    expect(geometryProblem({ kind: 'point', x: 2, y: 5, radius: 3 }, SIZE)).toBe('The outline must stay inside the image');
    expect(geometryProblem({ kind: 'polygon', points: [[90, 70], [101, 70], [90, 79]] }, SIZE)).toBe('The outline must stay inside the image');
    expect(geometryProblem({ kind: 'point', x: 2, y: 5, radius: 3 }, null)).toBeNull(); // size unknown: no edge check
  });

  it('checks every contour, the range and the AI probability of a whole shape', () => {
    expect(shapeProblem(poly(), SIZE, 10)).toBeNull();
    expect(shapeProblem({ ...poly(), contours: { 7: [[0, 0], [9, 9], [9, 0], [0, 9]] } }, SIZE, 10))
      .toBe('Image 8: The contour crosses itself: draw it again without crossing lines');
    expect(shapeProblem({ ...poly(), lastImage: 12 }, SIZE, 10)).toMatch(/within the stack/);
    expect(shapeProblem({ ...poly(), firstImage: 6 }, SIZE, 10)).toMatch(/include its key image/);
    expect(shapeProblem({ ...poly(), probability: 1.5 }, SIZE, 10)).toMatch(/probability/);
  });
});
