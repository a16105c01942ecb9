// The authoring mode, key images and flagged images through the whole controller, as the element drives it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newShape, shapeJson } from './shapes.js';
import { FakeHost, fakeDeps, imageList, project, settle } from './test-fakes.js';
import { ViewerController } from './viewer-controller.js';

function viewer(props: Partial<FakeHost> = {}, volume = false) {
  const host = Object.assign(new FakeHost(), props);
  const cs = fakeDeps({ volume });
  const controller = new ViewerController(host, cs.deps);
  const update = (...names: string[]) => {
    const changed = new Map<PropertyKey, unknown>(names.map((n) => [n, undefined]));
    controller.willUpdate(changed);
    controller.updated(changed);
    host.hasUpdated = true;
  };
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => {
    const e = Object.assign(new Event('keydown', { cancelable: true }),
      { key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
    host.dispatchEvent(e);
    update();
    return e.defaultPrevented;
  };
  /** a pointer event on the viewport at image point (x, y) of the shown image */
  const pointer = (type: string, x: number, y: number) => {
    if (type === 'pointerdown') host.dispatchEvent(new Event('pointerdown')); // the host sees it first (capture, composed)
    const c = project(x, y);
    const rect = host.viewportElement.rect;
    const e = Object.assign(new Event(type), { isPrimary: true, button: 0, pointerId: 1, clientX: c[0] + rect.left, clientY: c[1] + rect.top });
    (type === 'pointerdown' ? host.viewportElement : globalThis.window as unknown as EventTarget).dispatchEvent(e);
    if (type === 'pointerup') host.viewportElement.dispatchEvent(e);
    update();
  };
  const click = (x: number, y: number) => { pointer('pointerdown', x, y); pointer('pointerup', x, y); };
  const attach = async () => {
    host.isConnected = true;
    controller.connected();
    update('images', 'marks', 'aiMarks', 'truth', 'heatmaps', 'aiVisible', 'markingEnabled', 'modality', 'authoring',
      'truthShapes', 'aiShapes', 'flaggedImages');
    controller.firstUpdated();
    await settle();
    update();
  };
  return { host, controller, cs, update, key, pointer, click, attach };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('window', new EventTarget());
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('authoring through the viewer', () => {
  it('draws a box with the authoring bar\'s tool and a real drag on the viewport, and reports it', async () => {
    const v = viewer({ images: imageList(3), authoring: 'truth' });
    await v.attach();
    v.controller.authorBarActions.selectTool('box');
    expect(v.controller.attributes()).toMatchObject({ 'data-tool': 'author', 'data-author-tool': 'box', 'data-authoring': 'truth' });
    expect(v.cs.stacks[0].tool).toBe('author'); // Cornerstone's left button is off
    v.pointer('pointerdown', 10, 10);
    v.pointer('pointermove', 20, 14);
    v.pointer('pointermove', 30, 20);
    v.pointer('pointerup', 30, 20);
    expect(v.host.fired('shape-created').map((d) => d.shape)).toEqual([expect.objectContaining({ shape: 'box', x: 20, y: 15, width: 20 })]);
    expect(v.controller.attributes()['data-selected-shape']).toBe('truth-1');
  });

  it('draws a polygon with clicks and Enter, undoes it with Ctrl+Z and redoes it with Ctrl+Y', async () => {
    const v = viewer({ images: imageList(3), authoring: 'truth' });
    await v.attach();
    v.key('a'); // point
    v.key('a'); // ellipse
    v.key('a'); // box
    v.key('a'); // polygon
    expect(v.controller.attributes()['data-author-tool']).toBe('polygon');
    v.click(10, 10);
    v.click(30, 10);
    v.click(20, 30);
    expect(v.controller.authorBarModel()?.pending).toBe(3);
    expect(v.key('Enter')).toBe(true);
    expect(v.host.fired('shape-created')).toHaveLength(1);
    v.key('z', { ctrlKey: true });
    expect(v.host.fired('shape-deleted')).toHaveLength(1);
    v.key('y', { ctrlKey: true });
    expect(v.host.fired('shape-created')).toHaveLength(2);
    v.key('Delete');
    expect(v.host.fired('shape-deleted')).toHaveLength(2);
  });

  it('keeps the authoring keys to authoring pages: elsewhere a, Shift+Enter and Ctrl+Z do nothing', async () => {
    const v = viewer({ images: imageList(3) });
    await v.attach();
    expect(v.key('a')).toBe(false);
    expect(v.key('Enter', { shiftKey: true })).toBe(false);
    expect(v.key('z', { ctrlKey: true })).toBe(false);
    expect(v.controller.authorBarModel()).toBeNull();
    v.controller.tools.select('author');
    expect(v.controller.tools.tool).toBe('wl');
  });

  it('sets a lesion\'s images with [ and ], nudges it with Shift+arrows, and steps images when nothing is selected', async () => {
    const v = viewer({ images: imageList(6), authoring: 'truth',
      truthShapes: JSON.stringify([shapeJson(newShape('n', 0, { kind: 'point', x: 20, y: 20, radius: 4 }))]) });
    await v.attach();
    v.key('n');
    expect(v.controller.authoring.selectedId).toBe('n');
    v.key('ArrowRight', { shiftKey: true });
    expect(v.host.fired('shape-changed').at(-1)?.shape).toMatchObject({ x: 21 });
    await v.controller.showImage(3);
    v.update();
    v.key(']');
    expect(v.host.fired('shape-changed').at(-1)?.shape).toMatchObject({ firstImage: 0, lastImage: 3 });
    v.controller.authoring.select(null);
    v.key('ArrowUp', { shiftKey: true });
    await settle();
    expect(v.controller.stack.index).toBe(2);
  });

  it('leaves the authoring tools when Java ends authoring, and refuses them in MPR', async () => {
    const v = viewer({ images: imageList(4), authoring: 'ai' }, true);
    await v.attach();
    v.key('s');
    expect(v.controller.attributes()['data-tool']).toBe('author');
    v.key('v');
    await settle();
    v.key('a');
    expect(v.controller.hint).toMatch(/leave MPR/);
    v.key('v');
    await settle();
    v.host.authoring = '';
    v.update('authoring');
    expect(v.controller.attributes()).toMatchObject({ 'data-tool': 'wl', 'data-authoring': '' });
  });

  it('draws truth and AI shapes on a review page without authoring, and lets nobody edit them', async () => {
    const v = viewer({ images: imageList(2), truthShapes: JSON.stringify([shapeJson(newShape('t', 0, { kind: 'point', x: 5, y: 5, radius: 2 }))]),
      aiShapes: JSON.stringify([{ ...shapeJson(newShape('x', 0, { kind: 'point', x: 9, y: 9, radius: 2 })), probability: 0.4 }]) });
    await v.attach();
    expect(v.controller.authoring.placed.map((p) => [p.layer, p.shape.id, p.editable])).toEqual([['ai', 'x', false], ['truth', 't', false]]);
    v.click(5, 5);
    expect(v.host.fired('shape-selected')).toEqual([]);
  });
});

describe('key images', () => {
  it('captures the shown view with its image index', async () => {
    const v = viewer({ images: imageList(3), authoring: 'truth' });
    await v.attach();
    await v.controller.showImage(1);
    v.key('k');
    await settle();
    expect(v.host.fired('key-image-captured')).toEqual([{ imageIndex: 1, png: 'data:image/png;base64,AAAA', width: 200, height: 100 }]);
    expect(v.controller.hint).toBe('Key image of image 2 captured');
  });

  it('says why when there is nothing to capture or the browser refuses', async () => {
    const v = viewer({ images: imageList(3) });
    await v.controller.captureKeyImage();
    expect(v.controller.hint).toBe('No image to capture yet');
    await v.attach();
    v.host.capture = new Error('SecurityError: tainted canvas');
    await v.controller.captureKeyImage();
    expect(v.controller.hint).toBe('The key image could not be captured: SecurityError: tainted canvas');
    v.host.capture = null;
    await v.controller.captureKeyImage();
    expect(v.controller.hint).toMatch(/not drawn yet/);
    expect(v.host.fired('key-image-captured')).toEqual([]);
  });
});

describe('images flagged for burned-in text', () => {
  it('flags exactly the listed images, as the shown image changes', async () => {
    const v = viewer({ images: imageList(4), flaggedImages: '[1, 3, "x"]' });
    await v.attach();
    expect(v.controller.attributes()['data-flagged']).toBe('false');
    await v.controller.showImage(1);
    expect(v.controller.flaggedShown).toBe(true);
    await v.controller.showImage(2);
    expect(v.controller.flaggedShown).toBe(false);
    v.host.flaggedImages = '[2]';
    v.update('flaggedImages');
    expect(v.controller.attributes()['data-flagged']).toBe('true');
  });
});
