import { describe, expect, it } from 'vitest';
import type { AiMark, Mark, TruthLesion } from './model.js';
import { EMPTY_LAYOUT, heatmapMatrix, hitTestMarks, insideMark, layoutOverlay, shapeFromCorners, toLocal } from './overlay.js';
import type { PlacedMark, Projector } from './overlay.js';
import { project } from './test-fakes.js';

const mark = (id: string, imageIndex: number, x: number, y: number, extra: Partial<Mark> = {}): Mark => ({
  id, imageIndex, x, y, shape: 'point', width: 0, height: 0, label: '', confidence: 3, selected: false, status: null, ...extra,
});
const ai = (id: string, imageIndex: number, x: number, y: number): AiMark => ({
  id, imageIndex, x, y, label: 'nodule', probability: 0.8, status: null,
});
const lesion = (id: string, imageIndex: number, extra: Partial<TruthLesion> = {}): TruthLesion => ({
  id, imageIndex, x: 10, y: 10, radius: 5, label: 'nodule', detected: true, firstImage: imageIndex, lastImage: imageIndex, ...extra,
});

/** the image turned by 90° clockwise on the canvas: image x goes down, image y goes left */
const turned: Projector = (x, y) => [200 - y * 2, 20 + x * 2];
/** the image flipped horizontally */
const flipped: Projector = (x, y) => [300 - x, y];

describe('overlay layout: image pixels to canvas', () => {
  it('places only the shown image\'s marks, at projected positions, numbered by their place in the whole list', () => {
    const layout = layoutOverlay(1, project, [mark('a', 0, 1, 1), mark('b', 1, 10, 20), mark('c', 1, 0, 0)], [], false, []);
    expect(layout.marks.map((p) => [p.item.id, p.cx, p.cy, p.number])).toEqual([['b', 120, 90, 2], ['c', 100, 50, 3]]);
    expect(layout.marksElsewhere).toBe(1);
  });

  it('is empty while no image is shown or the stack cannot project', () => {
    expect(layoutOverlay(-1, project, [mark('a', 0, 1, 1)], [], true, [])).toBe(EMPTY_LAYOUT);
    expect(layoutOverlay(0, null, [mark('a', 0, 1, 1)], [], true, [])).toBe(EMPTY_LAYOUT);
  });

  it('leaves out items the projector cannot place', () => {
    const partial: Projector = (x, y) => (x < 0 ? null : project(x, y));
    expect(layoutOverlay(0, partial, [mark('off', 0, -1, 0), mark('on', 0, 1, 0)], [], false, []).marks.map((p) => p.item.id))
      .toEqual(['on']);
  });

  it('draws the AI\'s marks only while the AI is visible', () => {
    expect(layoutOverlay(0, project, [], [ai('x', 0, 5, 5)], false, []).ai).toEqual([]);
    expect(layoutOverlay(0, project, [], [ai('x', 0, 5, 5)], true, []).ai.map((p) => [p.cx, p.cy])).toEqual([[110, 60]]);
  });

  it('projects a shape\'s half extents and its turn', () => {
    const ellipse = mark('e', 0, 20, 10, { shape: 'ellipse', width: 10, height: 6 });
    const [straight] = layoutOverlay(0, project, [ellipse], [], false, []).marks;
    expect([straight.rx, straight.ry, straight.angle]).toEqual([10, 6, 0]);
    const [turn] = layoutOverlay(0, turned, [ellipse], [], false, []).marks;
    expect(turn.rx).toBeCloseTo(10);
    expect(turn.ry).toBeCloseTo(6);
    expect(turn.angle).toBeCloseTo(90);
    const [flip] = layoutOverlay(0, flipped, [ellipse], [], false, []).marks;
    expect(Math.abs(flip.angle)).toBeCloseTo(180);
  });

  it('gives points no extent', () => {
    const [p] = layoutOverlay(0, project, [mark('p', 0, 3, 4, { width: 9, height: 9 })], [], false, []).marks;
    expect([p.rx, p.ry, p.angle]).toEqual([0, 0, 0]);
  });

  it('draws a truth lesion on every image it spans, with its radius scaled like the image', () => {
    const nodule = lesion('n', 5, { firstImage: 3, lastImage: 7 });
    for (const index of [3, 5, 7]) {
      const [t] = layoutOverlay(index, project, [], [], false, [nodule]).truth;
      expect([t.item.id, t.cx, t.cy, t.r]).toEqual(['n', 120, 70, 10]);
      expect(t.item.imageIndex).toBe(index);
    }
    expect(layoutOverlay(8, project, [], [], false, [nodule]).truth).toEqual([]);
    expect(layoutOverlay(2, project, [], [], false, [nodule]).truth).toEqual([]);
  });
});

describe('hit-testing marks', () => {
  const layoutOf = (...marks: Mark[]) => layoutOverlay(0, project, marks, [], false, []);

  it('finds a point mark within the tolerance, the nearest one first', () => {
    const layout = layoutOf(mark('far', 0, 10, 10), mark('near', 0, 12, 10));
    // canvas of (12, 10) is (124, 70)
    expect(hitTestMarks(layout, 125, 70)?.id).toBe('near');
    expect(hitTestMarks(layout, 124, 81)?.id).toBe(undefined);
    expect(hitTestMarks(layout, 124, 79, 10)?.id).toBe('near');
  });

  it('prefers a point inside a shape over the shape, and the smaller of two shapes', () => {
    const big = mark('big', 0, 20, 20, { shape: 'box', width: 30, height: 30 });
    const small = mark('small', 0, 20, 20, { shape: 'ellipse', width: 8, height: 8 });
    const point = mark('point', 0, 22, 20);
    expect(hitTestMarks(layoutOf(big, small, point), 144, 90)?.id).toBe('point');
    expect(hitTestMarks(layoutOf(big, small), 140, 90)?.id).toBe('small');
    // in the box's corner, outside the ellipse
    expect(hitTestMarks(layoutOf(big, small), 140 + 28, 90 + 28)?.id).toBe('big');
    expect(hitTestMarks(layoutOf(big, small), 140 + 45, 90)).toBeNull();
  });

  it('tells an ellipse from its bounding box', () => {
    const placed: PlacedMark = { item: mark('e', 0, 0, 0, { shape: 'ellipse', width: 20, height: 10 }), cx: 0, cy: 0, rx: 20, ry: 10, angle: 0 };
    expect(insideMark(placed, 19, 0, 0)).toBe(true);
    expect(insideMark(placed, 18, 9, 0)).toBe(false);
    expect(insideMark({ ...placed, item: { ...placed.item, shape: 'box' } }, 18, 9, 0)).toBe(true);
  });

  it('follows a shape\'s turn on the canvas', () => {
    const placed: PlacedMark = { item: mark('e', 0, 0, 0, { shape: 'box', width: 40, height: 4 }), cx: 0, cy: 0, rx: 20, ry: 2, angle: 90 };
    expect(insideMark(placed, 0, 18, 0)).toBe(true);
    expect(insideMark(placed, 18, 0, 0)).toBe(false);
  });
});

describe('heatmap and drag geometry', () => {
  it('maps image space onto the canvas with one affine matrix', () => {
    expect(heatmapMatrix([64, 48], project)).toEqual([2, 0, 0, 2, 100, 50]);
    const m = heatmapMatrix([64, 48], turned)!;
    // matrix(a b c d e f) maps (x, y) to (a x + c y + e, b x + d y + f)
    const apply = (x: number, y: number) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
    expect(apply(10, 7)).toEqual(turned(10, 7));
    expect(heatmapMatrix([64, 48], () => null)).toBeNull();
  });

  it('turns two dragged corners into a centre and full extents, whichever way the drag went', () => {
    expect(shapeFromCorners([10, 40], [30, 20])).toEqual({ x: 20, y: 30, width: 20, height: 20 });
    expect(shapeFromCorners([30, 20], [10, 40])).toEqual({ x: 20, y: 30, width: 20, height: 20 });
  });

  it('turns client px into px of the element', () => {
    expect(toLocal(110, 70, { left: 10, top: 20 })).toEqual([100, 50]);
  });
});

describe('truth lesions with outlines (the shape JSON on the feedback page)', () => {
  const tri: [number, number][] = [[10, 10], [20, 10], [10, 20]];

  it('draws a polygon, box or ellipse lesion by its outline, and an old lesion as its circle', () => {
    const [poly, box, old] = layoutOverlay(0, project, [], [], false, [
      lesion('p', 0, { shape: 'polygon', points: tri }),
      lesion('b', 0, { shape: 'box', width: 8, height: 4 }),
      lesion('o', 0),
    ]).truth;
    expect(poly.outline).toEqual({ type: 'polygon', pts: [[120, 70], [140, 70], [120, 90]] });
    expect(box.outline).toEqual({ type: 'box', cx: 120, cy: 70, rx: 8, ry: 4, angle: 0 });
    expect(old.outline).toBeUndefined();
    expect([old.cx, old.cy, old.r]).toEqual([120, 70, 10]);
  });

  it('shows a lesion\'s contour on the images where one is drawn, its key outline on the others of its range', () => {
    const nodule = lesion('n', 5, { shape: 'polygon', points: tri, firstImage: 4, lastImage: 6,
      contours: { 6: [[0, 0], [4, 0], [0, 4]] } });
    expect(layoutOverlay(6, project, [], [], false, [nodule]).truth[0].outline).toEqual({ type: 'polygon', pts: [[100, 50], [108, 50], [100, 58]] });
    expect(layoutOverlay(4, project, [], [], false, [nodule]).truth[0].outline).toEqual({ type: 'polygon', pts: [[120, 70], [140, 70], [120, 90]] });
  });
});
