import { describe, expect, it } from 'vitest';
import { drawnOutline, editedOutline, nextDrawTool, strokeOutline } from './author-gestures.js';
import type { Projector } from './overlay.js';
import { selfIntersection } from './polygon.js';
import type { Pt } from './polygon.js';
import { handlesOf, hitHandle, hitShape, insideOutline, outlineBounds, placeShapes, projectGeometry } from './shape-layout.js';
import type { PlacedShape } from './shape-layout.js';
import { newShape, withContour } from './shapes.js';
import { project } from './test-fakes.js';

/** the image turned by 90° clockwise on the canvas: image x goes down, image y goes left */
const turned: Projector = (x, y) => [200 - y * 2, 20 + x * 2];
const tri: Pt[] = [[10, 10], [40, 10], [10, 40]];
const options = { editable: true, selectedId: null, selectedVertex: null };

describe('coordinate transforms: image outlines onto the canvas', () => {
  it('projects every kind with the image\'s scale and offset', () => {
    expect(projectGeometry({ kind: 'point', x: 10, y: 5, radius: 3 }, project)).toEqual({ type: 'circle', cx: 120, cy: 60, r: 6 });
    expect(projectGeometry({ kind: 'box', x: 10, y: 5, width: 8, height: 4 }, project))
      .toEqual({ type: 'box', cx: 120, cy: 60, rx: 8, ry: 4, angle: 0 });
    expect(projectGeometry({ kind: 'polygon', points: tri }, project)).toEqual({ type: 'polygon', pts: [[120, 70], [180, 70], [120, 130]] });
  });

  it('follows a rotated image: half-axes stay along the image axes, turned with it', () => {
    const o = projectGeometry({ kind: 'ellipse', x: 10, y: 5, width: 8, height: 4 }, turned);
    expect(o).toMatchObject({ type: 'ellipse', cx: 190, cy: 40, rx: 8, ry: 4 });
    expect(o && 'angle' in o ? o.angle : NaN).toBeCloseTo(90);
    const b = outlineBounds(o!);
    expect([b.maxX - b.minX, b.maxY - b.minY].map((v) => Math.round(v))).toEqual([8, 16]);
  });

  it('gives nothing while the image is not placed', () => {
    expect(projectGeometry({ kind: 'polygon', points: tri }, () => null)).toBeNull();
  });
});

describe('placing a layer on the shown image', () => {
  const lesion = withContour({ ...newShape('n', 5, { kind: 'polygon', points: tri }), firstImage: 4, lastImage: 6 }, 6,
    [[0, 0], [8, 0], [0, 8]]);

  it('places key outlines, contours and extents, numbered by their place in the layer', () => {
    const other = newShape('o', 5, { kind: 'point', x: 1, y: 1, radius: 2 });
    expect(placeShapes('truth', [other, lesion], 5, project, options).map((p) => [p.shape.id, p.role, p.number]))
      .toEqual([['o', 'key', 1], ['n', 'key', 2]]);
    expect(placeShapes('truth', [other, lesion], 6, project, options).map((p) => [p.shape.id, p.role])).toEqual([['n', 'contour']]);
    expect(placeShapes('truth', [other, lesion], 4, project, options).map((p) => p.role)).toEqual(['extent']);
    expect(placeShapes('truth', [lesion], 5, null, options)).toEqual([]);
  });

  it('gives handles only to the selected, editable outline on its own image', () => {
    const selected = { ...options, selectedId: 'n' };
    expect(placeShapes('truth', [lesion], 5, project, selected)[0].handles.map((h) => h.kind))
      .toEqual(['vertex', 'vertex', 'vertex', 'midpoint', 'midpoint', 'midpoint']);
    expect(placeShapes('truth', [lesion], 4, project, selected)[0].handles).toEqual([]);
    expect(placeShapes('truth', [lesion], 5, project, { ...selected, editable: false })[0].handles).toEqual([]);
  });

  it('shows a shape being dragged in place of the stored one, or as a new one', () => {
    const moved = { ...lesion, points: tri.map((p): Pt => [p[0] + 1, p[1]]) };
    const [p] = placeShapes('truth', [lesion], 5, project, { ...options, draft: { shape: moved, invalid: true } });
    expect([p.draft, p.invalid, p.shape]).toEqual([true, true, moved]);
    const fresh = newShape('draft', 5, { kind: 'box', x: 20, y: 20, width: 4, height: 4 });
    expect(placeShapes('truth', [lesion], 5, project, { ...options, draft: { shape: fresh, invalid: false } })).toHaveLength(2);
  });

  it('has handles for every kind: radius, four corners, vertices and edge midpoints', () => {
    expect(handlesOf({ kind: 'point', x: 10, y: 5, radius: 3 }, project)).toEqual([{ kind: 'radius', index: 0, at: [126, 60] }]);
    expect(handlesOf({ kind: 'box', x: 10, y: 5, width: 8, height: 4 }, project).map((h) => h.at))
      .toEqual([[112, 56], [128, 56], [128, 64], [112, 64]]);
    expect(handlesOf({ kind: 'polygon', points: tri }, project).find((h) => h.kind === 'midpoint')?.at).toEqual([150, 70]);
    // dense contours (freehand) get no midpoints on edges too short to grab beside their vertices
    const dense: Pt[] = [[10, 10], [15, 10], [40, 10], [10, 40]];
    expect(handlesOf({ kind: 'polygon', points: dense }, project).filter((h) => h.kind === 'midpoint').map((h) => h.index)).toEqual([1, 2, 3]);
  });
});

describe('hit-testing shapes and handles (canvas px)', () => {
  const place = (shapes = [
    newShape('big', 0, { kind: 'box', x: 20, y: 20, width: 30, height: 30 }),
    newShape('small', 0, { kind: 'ellipse', x: 20, y: 20, width: 6, height: 4 }),
    newShape('tri', 0, { kind: 'polygon', points: [[40, 40], [60, 40], [40, 60]] }),
  ], selectedId: string | null = null) => placeShapes('truth', shapes, 0, project, { ...options, selectedId });

  it('finds the smallest shape under the pointer', () => {
    const placed = place();
    expect(hitShape(placed, ...project(20, 20))?.shape.id).toBe('small');
    expect(hitShape(placed, ...project(30, 30))?.shape.id).toBe('big');
    expect(hitShape(placed, ...project(45, 45))?.shape.id).toBe('tri');
    expect(hitShape(placed, ...project(58, 58))).toBeNull(); // outside the triangle's long edge
  });

  it('has some slack around outlines, and skips shapes that cannot be edited', () => {
    const placed = place();
    const [x, y] = project(60, 40);
    expect(hitShape(placed, x + 5, y)?.shape.id).toBe('tri');
    expect(hitShape(placed, x + 9, y)).toBeNull();
    expect(hitShape(placed.map((p) => ({ ...p, editable: false })), ...project(20, 20))).toBeNull();
  });

  it('prefers an outline on its own image to a lesion\'s extent', () => {
    const extent = { ...newShape('e', 2, { kind: 'box', x: 20, y: 20, width: 4, height: 4 }), firstImage: 0, lastImage: 2 };
    const own = newShape('own', 0, { kind: 'box', x: 20, y: 20, width: 30, height: 30 });
    expect(hitShape(placeShapes('truth', [extent, own], 0, project, options), ...project(20, 20))?.shape.id).toBe('own');
  });

  it('finds the nearest handle within reach, vertices before midpoints', () => {
    const [, , tri] = place(undefined, 'tri');
    expect(hitHandle(tri, ...project(40, 40))).toMatchObject({ kind: 'vertex', index: 0 });
    expect(hitHandle(tri, ...project(50, 40))).toMatchObject({ kind: 'midpoint', index: 0 });
    expect(hitHandle(tri, ...project(50, 45))).toBeNull();
    expect(hitHandle(null, 0, 0)).toBeNull();
  });

  it('tests inside circles, rotated boxes and polygons', () => {
    expect(insideOutline({ type: 'circle', cx: 0, cy: 0, r: 10 }, 8, 6, 0)).toBe(true);
    const turnedBox = { type: 'box' as const, cx: 0, cy: 0, rx: 20, ry: 2, angle: 90 };
    expect(insideOutline(turnedBox, 0, 15, 0)).toBe(true);
    expect(insideOutline(turnedBox, 15, 0, 0)).toBe(false);
  });
});

describe('what drags do', () => {
  const placed = (kind: 'box' | 'polygon' | 'point'): PlacedShape => placeShapes('truth', [
    kind === 'box' ? newShape('s', 0, { kind: 'box', x: 20, y: 20, width: 10, height: 10 })
      : kind === 'point' ? newShape('s', 0, { kind: 'point', x: 20, y: 20, radius: 3 })
        : newShape('s', 0, { kind: 'polygon', points: tri }),
  ], 0, project, { ...options, selectedId: 's' })[0];

  it('draws a point from its centre outwards, ellipses and boxes corner to corner', () => {
    expect(drawnOutline('point', [10, 10], [13, 14])).toEqual({ kind: 'point', x: 10, y: 10, radius: 5 });
    expect(drawnOutline('box', [30, 10], [10, 20])).toEqual({ kind: 'box', x: 20, y: 15, width: 20, height: 10 });
  });

  it('moves, resizes from the opposite corner, sets a radius and reshapes contours', () => {
    const box = placed('box');
    expect(editedOutline({ type: 'move', placed: box, start: [20, 20] }, [23, 18])).toMatchObject({ x: 23, y: 18, width: 10 });
    const corner = box.handles[2]; // bottom right; the top left (15, 15) stays
    expect(editedOutline({ type: 'handle', placed: box, handle: corner, start: [25, 25] }, [35, 45]))
      .toEqual({ kind: 'box', x: 25, y: 30, width: 20, height: 30 });
    const point = placed('point');
    expect(editedOutline({ type: 'handle', placed: point, handle: point.handles[0], start: [23, 20] }, [20, 28])).toMatchObject({ radius: 8 });
    const poly = placed('polygon');
    const vertex = poly.handles.find((h) => h.kind === 'vertex' && h.index === 1)!;
    expect(editedOutline({ type: 'handle', placed: poly, handle: vertex, start: [40, 10] }, [50, 12]))
      .toEqual({ kind: 'polygon', points: [[10, 10], [50, 12], [10, 40]] });
    const mid = poly.handles.find((h) => h.kind === 'midpoint' && h.index === 2)!;
    expect(editedOutline({ type: 'handle', placed: poly, handle: mid, start: [10, 25] }, [5, 25]))
      .toEqual({ kind: 'polygon', points: [[10, 10], [40, 10], [10, 40], [5, 25]] });
  });

  it('turns a freehand stroke into a simple closed contour with few points', () => {
    const circle: Pt[] = Array.from({ length: 200 }, (_, i) => {
      const a = (i / 190) * 2 * Math.PI; // a little more than one turn
      return [100 + 40 * Math.cos(a), 100 + 40 * Math.sin(a)];
    });
    const contour = strokeOutline(circle);
    expect(contour.length).toBeGreaterThan(8);
    expect(contour.length).toBeLessThan(60);
    expect(selfIntersection(contour)).toBeNull();
  });

  it('cycles through the drawing tools', () => {
    expect([nextDrawTool('select'), nextDrawTool('point'), nextDrawTool('freehand')]).toEqual(['point', 'ellipse', 'point']);
  });
});
