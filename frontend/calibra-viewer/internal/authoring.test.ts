import { describe, expect, it, vi } from 'vitest';
import { Authoring } from './authoring.js';
import type { AuthoringPorts } from './authoring.js';
import type { Pt } from './polygon.js';
import { newShape, shapeJson } from './shapes.js';
import type { Shape } from './shapes.js';
import { FakeElement, FakeStack, project } from './test-fakes.js';

const noCallbacks = { imageShown: () => {}, geometryChanged: () => {}, loadFailed: () => {}, voiChanged: () => {}, measurementsChanged: () => {} };

/** An Authoring controller over a fake 64×48 image stack of 10 images, showing `index`, with the authoring tools active. */
function setUp(layer: 'truth' | 'ai' | '' = 'truth', opts: { index?: number; active?: boolean } = {}) {
  const stack = new FakeStack(noCallbacks);
  let index = opts.index ?? 0;
  stack.currentIndex = index;
  let active = opts.active ?? true;
  const fired: { name: string; detail: Record<string, unknown> }[] = [];
  const hints: string[] = [];
  const said: string[] = [];
  const ports: AuthoringPorts = {
    stack: () => stack, index: () => index, count: () => 10, mprOn: () => false,
    active: () => active, activate: () => { active = true; },
    hint: (t) => hints.push(t), announce: (t) => said.push(t),
    fire: (name, detail) => fired.push({ name, detail: detail as Record<string, unknown> }),
    changed: vi.fn(),
  };
  const a = new Authoring(ports);
  const props = { authoring: layer, truthShapes: '', aiShapes: '' };
  const set = (p: Partial<typeof props>) => {
    Object.assign(props, p);
    a.propertiesChanged(new Map(Object.keys(p).map((k) => [k, ''])), props);
    a.relayout(index, project);
  };
  set({ authoring: layer });
  const viewport = new FakeElement({ left: 10, top: 20 });
  const drags = a.dragHandlers(viewport);
  const relayout = () => a.relayout(index, project);
  /** client px of image point (x, y) */
  const client = (x: number, y: number): Pt => { const c = project(x, y); return [c[0] + 10, c[1] + 20]; };
  const click = (x: number, y: number) => { const r = a.click(project(x, y), 0); relayout(); return r; };
  /** a left-button drag in image px through the given points */
  const drag = (...points: Pt[]) => {
    const [x0, y0] = client(...points[0]);
    if (!drags.accept(x0, y0)) return false;
    for (const p of points.slice(1)) { drags.move(x0, y0, ...client(...p)); relayout(); }
    drags.end(x0, y0, ...client(...points[points.length - 1]));
    relayout();
    return true;
  };
  const events = (name?: string) => fired.filter((e) => !name || e.name === name);
  const shape = (e: { detail: Record<string, unknown> }) => e.detail.shape as ReturnType<typeof shapeJson>;
  const show = (i: number) => { index = i; stack.currentIndex = i; relayout(); };
  return { a, stack, fired, hints, set, click, drag, events, shape, show, relayout, setActive: (v: boolean) => { active = v; } };
}

const box = (id: string, x: number, y: number, w = 10, h = 10, index = 0): Shape => ({ ...newShape(id, index, { kind: 'box', x, y, width: w, height: h }), label: id });

describe('drawing a polygon by clicks', () => {
  it('adds points, closes on the first point and emits the new lesion with its full JSON', () => {
    const v = setUp();
    v.a.selectTool('polygon');
    for (const [x, y] of [[10, 10], [30, 10], [30, 30], [10, 30]] as Pt[]) v.click(x, y);
    expect(v.a.pendingCanvas).toHaveLength(4);
    v.click(10.5, 10.5); // near the first point: closes
    const [created] = v.events('shape-created');
    expect(created.detail).toMatchObject({ layer: 'truth', id: 'truth-1' });
    expect(v.shape(created)).toMatchObject({ shape: 'polygon', imageIndex: 0, firstImage: 0, lastImage: 0, x: 20, y: 20,
      width: 20, height: 20, points: [[10, 10], [30, 10], [30, 30], [10, 30]], contours: {}, probability: null });
    expect(JSON.parse(created.detail.json as string)).toEqual(v.shape(created));
    expect(v.a.pending).toBeNull();
    expect(v.a.selectedId).toBe('truth-1');
    expect(v.events('shape-selected').at(-1)?.detail).toEqual({ layer: 'truth', id: 'truth-1' });
  });

  it('closes with Enter (finish) once there are three points, and says why not before', () => {
    const v = setUp();
    v.a.selectTool('polygon');
    v.click(10, 10);
    v.click(30, 10);
    v.a.finish();
    expect(v.hints.at(-1)).toBe('A contour needs at least 3 points');
    v.click(20, 30);
    v.a.finish();
    expect(v.events('shape-created')).toHaveLength(1);
  });

  it('refuses a point whose line would cross the contour, and one outside the image', () => {
    const v = setUp();
    v.a.selectTool('polygon');
    for (const [x, y] of [[10, 10], [30, 10], [30, 30], [20, 5]] as Pt[]) v.click(x, y);
    expect(v.hints.at(-1)).toBe('That line would cross the contour: click somewhere else');
    expect(v.a.pending?.points).toHaveLength(3);
    v.click(70, 10);
    expect(v.hints.at(-1)).toBe('Click inside the image');
  });

  it('takes back the last point with Delete/Backspace and drops the polygon with Esc', () => {
    const v = setUp();
    v.a.selectTool('polygon');
    v.click(10, 10);
    v.click(30, 10);
    v.a.deleteKey();
    expect(v.a.pending?.points).toEqual([[10, 10]]);
    v.a.cancel();
    expect(v.a.pending).toBeNull();
    expect(v.events('shape-created')).toEqual([]);
  });

  it('keeps the polygon on the image where it was started', () => {
    const v = setUp();
    v.a.selectTool('polygon');
    v.click(10, 10);
    v.show(1);
    v.click(20, 20);
    expect(v.hints.at(-1)).toMatch(/^Finish the contour on image 1 first/);
    expect(v.a.pendingCanvas).toBeNull(); // not drawn on another image
  });
});

describe('drawing with drags', () => {
  it('draws ellipses and boxes corner to corner, in image pixels', () => {
    const v = setUp();
    v.a.selectTool('ellipse');
    expect(v.drag([10, 10], [20, 15], [30, 20])).toBe(true);
    expect(v.shape(v.events('shape-created')[0])).toMatchObject({ shape: 'ellipse', x: 20, y: 15, width: 20, height: 10, radius: 10 });
  });

  it('draws a point with a radius from its centre, or with a default radius on a click', () => {
    const v = setUp();
    v.a.selectTool('point');
    v.drag([20, 20], [23, 24]);
    v.click(40, 30);
    expect(v.events('shape-created').map((e) => [v.shape(e).x, v.shape(e).radius])).toEqual([[20, 5], [40, 3]]);
  });

  it('shows a drag that would be refused in red with the reason, and emits nothing for it', () => {
    const v = setUp();
    v.a.selectTool('box');
    const [x0, y0] = [10 + 100 + 20, 20 + 50 + 20];
    const drags = v.a.dragHandlers(new FakeElement({ left: 10, top: 20 }));
    expect(drags.accept(x0, y0)).toBe(true);
    drags.move(x0, y0, x0 + 1, y0 + 1); // half a pixel: too small
    v.relayout();
    expect(v.a.placed.find((p) => p.draft)?.invalid).toBe(true);
    expect(v.hints.at(-1)).toMatch(/^Too small/);
    drags.end(x0, y0, x0 + 1, y0 + 1);
    v.relayout();
    expect(v.events('shape-created')).toEqual([]);
    expect(v.a.placed).toEqual([]);
  });

  it('turns a freehand drag around a lesion into a closed polygon', () => {
    const v = setUp();
    v.a.selectTool('freehand');
    const ring: Pt[] = Array.from({ length: 40 }, (_, i) => [32 + 10 * Math.cos((i / 38) * 2 * Math.PI), 24 + 10 * Math.sin((i / 38) * 2 * Math.PI)]);
    v.drag(...ring);
    const s = v.shape(v.events('shape-created')[0]);
    expect(s.shape).toBe('polygon');
    expect((s.points as Pt[]).length).toBeGreaterThan(6);
    expect(s.x).toBeCloseTo(32, 0);
    expect(s.y).toBeCloseTo(24, 0);
  });

  it('starts no drawing outside the image, and explains drags on a plain click', () => {
    const v = setUp();
    v.a.selectTool('box');
    expect(v.drag([-5, 10], [10, 10])).toBe(false);
    v.click(10, 10);
    expect(v.hints.at(-1)).toBe('Drag from one corner to the opposite corner');
  });
});

describe('selecting and editing', () => {
  it('selects the shape under a click (select tool), the smallest first, and deselects on empty image', () => {
    const v = setUp();
    v.set({ truthShapes: JSON.stringify([box('big', 20, 20, 30, 30), box('small', 20, 20, 4, 4)].map(shapeJson)) });
    v.a.selectTool('select');
    v.click(20, 20);
    expect(v.a.selectedId).toBe('small');
    v.click(60, 45);
    expect(v.a.selectedId).toBeNull();
  });

  it('selects with a click under other tools (W/L) but leaves empty clicks to the findings', () => {
    const v = setUp('truth', { active: false });
    v.set({ truthShapes: JSON.stringify([shapeJson(box('b', 20, 20))]) });
    expect(v.click(20, 20)).toBe(true);
    expect(v.a.selectedId).toBe('b');
    expect(v.click(50, 40)).toBe(false);
  });

  it('moves a shape by dragging it, and emits the change', () => {
    const v = setUp();
    v.set({ truthShapes: JSON.stringify([shapeJson(box('b', 20, 20))]) });
    v.a.selectTool('select');
    v.drag([20, 20], [25, 22]);
    expect(v.shape(v.events('shape-changed')[0])).toMatchObject({ id: 'b', x: 25, y: 22, width: 10 });
  });

  it('refuses a move that leaves the image, keeping the shape where it was', () => {
    const v = setUp();
    v.set({ truthShapes: JSON.stringify([shapeJson(box('b', 20, 20))]) });
    v.a.selectTool('select');
    v.drag([20, 20], [0, 20]);
    expect(v.events('shape-changed')).toEqual([]);
    expect(v.hints.at(-1)).toBe('The outline must stay inside the image');
    expect(v.a.shapes.truth[0].x).toBe(20);
  });

  it('resizes by a corner handle and reshapes a polygon by its vertices', () => {
    const v = setUp();
    const tri = newShape('t', 0, { kind: 'polygon', points: [[10, 10], [30, 10], [10, 30]] });
    v.set({ truthShapes: JSON.stringify([box('b', 40, 20), tri].map(shapeJson)) });
    v.a.selectTool('select');
    v.click(40, 20);
    v.drag([45, 25], [50, 30]); // bottom-right corner; top-left (35, 15) stays
    expect(v.shape(v.events('shape-changed')[0])).toMatchObject({ x: 42.5, y: 22.5, width: 15, height: 15 });
    v.click(12, 12);
    v.drag([30, 10], [35, 8]);
    expect(v.shape(v.events('shape-changed')[1]).points).toEqual([[10, 10], [35, 8], [10, 30]]);
  });

  it('refuses a vertex drag that makes the contour cross itself', () => {
    const v = setUp();
    v.set({ truthShapes: JSON.stringify([shapeJson(newShape('q', 0, { kind: 'polygon', points: [[10, 10], [30, 10], [30, 30], [10, 30]] }))]) });
    v.a.selectTool('select');
    v.click(20, 20);
    v.drag([30, 30], [20, 5]);
    expect(v.events('shape-changed')).toEqual([]);
    expect(v.hints).toContain('The contour crosses itself: draw it again without crossing lines');
  });

  it('deletes a selected vertex with Delete, then the shape', () => {
    const v = setUp();
    v.set({ truthShapes: JSON.stringify([shapeJson(newShape('q', 0, { kind: 'polygon', points: [[10, 10], [30, 10], [30, 30], [10, 30]] }))]) });
    v.a.selectTool('select');
    v.click(20, 20);
    v.click(30, 30); // on a vertex: selects it
    expect(v.a.selectedVertex).toBe(2);
    v.a.deleteKey();
    expect(v.shape(v.events('shape-changed')[0]).points).toEqual([[10, 10], [30, 10], [10, 30]]);
    v.relayout();
    v.a.deleteKey();
    expect(v.events('shape-deleted').map((e) => e.detail.id)).toEqual(['q']);
    expect(v.a.selectedId).toBeNull();
  });

  it('nudges the selected shape by whole pixels, and selects shapes in turn with n', () => {
    const v = setUp();
    v.set({ truthShapes: JSON.stringify([box('a', 10, 10), box('b', 40, 30)].map(shapeJson)) });
    v.a.selectNext(1);
    expect(v.a.selectedId).toBe('a');
    v.a.selectNext(1);
    expect(v.a.selectedId).toBe('b');
    expect(v.a.nudge(1, 0)).toBe(true);
    expect(v.shape(v.events('shape-changed')[0])).toMatchObject({ id: 'b', x: 41 });
  });

  it('labels a shape; an AI mark takes a probability in percent and refuses nonsense', () => {
    const v = setUp('ai');
    v.a.selectTool('box');
    v.drag([10, 10], [20, 20]);
    expect(v.a.selectedId).toBe('ai-1');
    v.a.setLabel(' nodule ');
    v.a.setProbability('85');
    v.a.setProbability('150');
    expect(v.hints.at(-1)).toMatch(/from 0 to 100/);
    expect(v.events('shape-changed').map((e) => [v.shape(e).label, v.shape(e).probability])).toEqual([['nodule', null], ['nodule', 0.85]]);
    expect(v.events('shape-changed')[0].detail.layer).toBe('ai');
  });
});

describe('lesions over several images', () => {
  it('sets the first and last image from the shown one, and explains what it cannot do', () => {
    const v = setUp('truth', { index: 4 });
    v.set({ truthShapes: JSON.stringify([shapeJson(box('n', 20, 20, 10, 10, 4))]) });
    v.a.select('n');
    v.show(2);
    v.a.setRangeHere('first');
    v.show(7);
    v.a.setRangeHere('last');
    v.a.setRangeHere('first');
    expect(v.hints.at(-1)).toBe('The first image must be at or before the key image (5)');
    expect(v.events('shape-changed').map((e) => [v.shape(e).firstImage, v.shape(e).lastImage])).toEqual([[2, 4], [2, 7]]);
  });

  it('draws a contour of the selected lesion on another image, and removes it again', () => {
    const v = setUp('truth', { index: 4 });
    v.set({ truthShapes: JSON.stringify([shapeJson(box('n', 20, 20, 10, 10, 4))]) });
    v.a.select('n');
    v.show(6);
    v.a.contourHere();
    expect(v.a.tool).toBe('polygon');
    for (const [x, y] of [[15, 15], [25, 15], [20, 25]] as Pt[]) v.click(x, y);
    v.a.finish();
    const changed = v.shape(v.events('shape-changed')[0]);
    expect(changed).toMatchObject({ shape: 'box', imageIndex: 4, firstImage: 4, lastImage: 6, contours: { 6: [[15, 15], [25, 15], [20, 25]] } });
    expect(v.events('shape-created')).toEqual([]);
    expect(v.a.contourFor).toBeNull();
    v.relayout();
    expect(v.a.placed[0].role).toBe('contour');
    v.a.removeContourHere();
    expect(v.shape(v.events('shape-changed')[1]).contours).toEqual({});
  });

  it('needs a selected lesion and another image for a contour', () => {
    const v = setUp();
    v.a.contourHere();
    expect(v.hints.at(-1)).toBe('Select a lesion first');
    v.set({ truthShapes: JSON.stringify([shapeJson(box('n', 20, 20))]) });
    v.a.select('n');
    v.a.contourHere();
    expect(v.hints.at(-1)).toMatch(/key image/);
  });
});

describe('undo and redo', () => {
  it('undoes and redoes creations, changes and deletions, telling Java each time', () => {
    const v = setUp();
    v.a.selectTool('box');
    v.drag([10, 10], [20, 20]);
    v.a.selectTool('select');
    v.drag([15, 15], [25, 25]);
    v.a.deleteSelected();
    v.fired.length = 0;
    v.a.undo(); // the deletion
    v.a.undo(); // the move
    v.a.undo(); // the creation
    expect(v.events().filter((e) => e.name !== 'shape-selected').map((e) => [e.name, v.shape(e).x]))
      .toEqual([['shape-created', 25], ['shape-changed', 15], ['shape-deleted', 15]]);
    expect(v.a.shapes.truth).toEqual([]);
    v.a.redo();
    v.a.redo();
    expect(v.a.shapes.truth[0].x).toBe(25);
    expect(v.a.history.canRedo).toBe(true);
  });

  it('keeps the history when Java echoes the list back, and starts again when Java sends another list', () => {
    const v = setUp();
    v.a.selectTool('box');
    v.drag([10, 10], [20, 20]);
    v.set({ truthShapes: JSON.stringify([v.shape(v.events('shape-created')[0])]) });
    expect(v.a.history.canUndo).toBe(true);
    v.set({ truthShapes: JSON.stringify([shapeJson(box('other', 30, 30))]) });
    expect(v.a.history.canUndo).toBe(false);
    expect(v.a.shapes.truth.map((s) => s.id)).toEqual(['other']);
    expect(v.a.selectedId).toBeNull();
  });
});

describe('layers and modes', () => {
  it('shows both layers, the one not authored underneath and not editable', () => {
    const v = setUp('ai');
    v.set({ truthShapes: JSON.stringify([shapeJson(box('t', 20, 20))]), aiShapes: JSON.stringify([shapeJson(box('x', 20, 20, 4, 4))]) });
    expect(v.a.placed.map((p) => [p.layer, p.editable])).toEqual([['truth', false], ['ai', true]]);
    v.a.selectTool('select');
    v.click(20, 20);
    expect(v.a.selectedId).toBe('x');
  });

  it('leaves clicks alone and only shows shapes when no layer is authored', () => {
    const v = setUp('');
    v.set({ truthShapes: JSON.stringify([shapeJson(box('t', 20, 20))]) });
    expect(v.click(20, 20)).toBe(false);
    expect(v.a.placed.map((p) => p.editable)).toEqual([false]);
    expect(v.a.deleteKey()).toBe(false);
  });

  it('starts afresh when the layer changes: select tool, no selection, no history', () => {
    const v = setUp();
    v.a.selectTool('box');
    v.drag([10, 10], [20, 20]);
    v.set({ authoring: 'ai' });
    expect([v.a.tool, v.a.selectedId, v.a.history.canUndo]).toEqual(['select', null, false]);
  });

  it('gives new shapes ids that are not taken', () => {
    const v = setUp();
    v.set({ truthShapes: JSON.stringify([shapeJson(box('truth-7', 20, 20))]) });
    v.a.selectTool('point');
    v.click(40, 30);
    expect(v.events('shape-created')[0].detail.id).toBe('truth-8');
  });
});

describe('selecting from outside (a list beside the viewer)', () => {
  it('selects the shape by its id, says so, and answers its key image; an unknown id changes nothing', () => {
    const v = setUp();
    v.set({ truthShapes: JSON.stringify([shapeJson(box('L1', 20, 20)), shapeJson(box('L2', 30, 30, 10, 10, 4))]) });

    expect(v.a.selectById('L2')).toBe(4);
    expect(v.a.selectedId).toBe('L2');
    expect(v.events('shape-selected').at(-1)?.detail).toEqual({ layer: 'truth', id: 'L2' });
    expect(v.a.selectById('nope')).toBeNull();
    expect(v.a.selectedId).toBe('L2');
  });
});

