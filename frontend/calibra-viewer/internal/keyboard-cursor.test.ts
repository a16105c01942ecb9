// Keyboard-only marking and drawing through the whole controller, as the element drives it: the keyboard cursor,
// Enter at it, the same events a pointer gives, and what the live region says.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeHost, fakeDeps, imageList, project, settle } from './test-fakes.js';
import { ViewerController } from './viewer-controller.js';

type Mods = Partial<{ ctrlKey: boolean; shiftKey: boolean }>;

function viewer(props: Partial<FakeHost> = {}) {
  const host = Object.assign(new FakeHost(), props);
  const cs = fakeDeps();
  const controller = new ViewerController(host, cs.deps);
  const update = (...names: string[]) => {
    const changed = new Map<PropertyKey, unknown>(names.map((n) => [n, undefined]));
    controller.willUpdate(changed);
    controller.updated(changed);
    host.hasUpdated = true;
  };
  const key = (k: string, mods: Mods = {}) => {
    const e = Object.assign(new Event('keydown', { cancelable: true }),
      { key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
    host.dispatchEvent(e);
    update();
    return e.defaultPrevented;
  };
  const keys = (k: string, times: number, mods: Mods = { shiftKey: true }) => { for (let i = 0; i < times; i++) key(k, mods); };
  /** the cursor, image px, as the element reflects it */
  const cursor = () => controller.attributes()['data-keyboard-cursor'];
  /** Java's answer to the events: the marks list it sends back */
  const sendMarks = (marks: object[]) => { host.marks = JSON.stringify(marks); update('marks'); };
  const attach = async () => {
    host.isConnected = true;
    controller.connected();
    update('images', 'marks', 'aiMarks', 'truth', 'heatmaps', 'aiVisible', 'markingEnabled', 'modality', 'authoring',
      'truthShapes', 'aiShapes', 'flaggedImages');
    controller.firstUpdated();
    await settle();
    update();
  };
  return { host, controller, cs, update, key, keys, cursor, sendMarks, attach };
}

const mark = (id: string, imageIndex: number, x: number, y: number, selected = false) =>
  ({ id, imageIndex, x, y, shape: 'point', width: 0, height: 0, label: 'nodule', confidence: 3, selected, status: null });

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('window', new EventTarget());
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('placing a finding with the keyboard only', () => {
  it('m shows the cursor at the centre, Shift+arrows move it, Enter places exactly what a click there would', async () => {
    const v = viewer({ images: imageList(40) });
    await v.attach();
    expect(v.cursor()).toBe(''); // W/L: nothing to place, no cursor
    v.key('m');
    expect(v.cursor()).toBe('32.0,24.0'); // the fake viewport has no size: the image centre
    expect(v.controller.announcement).toContain('Keyboard cursor shown');
    v.keys('ArrowRight', 3); // 2 canvas px = 1 image px at the fake's zoom
    v.keys('ArrowDown', 1, { shiftKey: true, ctrlKey: true }); // 20 canvas px
    expect(v.cursor()).toBe('35.0,34.0');
    expect(v.key('Enter')).toBe(true);
    const byKey = v.host.fired('mark-placed');
    expect(byKey).toEqual([{ imageIndex: 0, x: 35, y: 34, shape: 'point', width: 0, height: 0 }]);

    // a pointer click on the same point gives the same event
    v.controller.findings.click(project(35, 34), 0);
    expect(v.host.fired('mark-placed')[1]).toEqual(byKey[0]);
  });

  it('stops the cursor at the image\'s edge', async () => {
    const v = viewer({ images: imageList(2) });
    await v.attach();
    v.key('m');
    v.keys('ArrowLeft', 5, { shiftKey: true, ctrlKey: true });
    v.keys('ArrowUp', 5, { shiftKey: true, ctrlKey: true });
    expect(v.cursor()).toBe('0.0,0.0');
  });

  it('draws an ellipse with Enter at one corner, Shift+arrows, Enter at the other; Esc drops it unplaced', async () => {
    const v = viewer({ images: imageList(3) });
    await v.attach();
    v.key('m');
    v.key('m'); // ellipse
    expect(v.controller.tools.markShape).toBe('ellipse');
    v.key('Enter');
    expect(v.controller.announcement).toContain('Started here');
    v.keys('ArrowRight', 1, { shiftKey: true, ctrlKey: true });
    v.keys('ArrowDown', 5);
    expect(v.controller.findings.draft).not.toBeNull(); // drawn while it is dragged out, as with a pointer
    v.key('Escape');
    expect(v.controller.findings.draft).toBeNull();
    expect(v.host.fired('mark-placed')).toEqual([]);
    expect(v.cursor()).toBe('42.0,29.0'); // Esc dropped the shape only; the cursor stays

    v.key('Enter');
    v.keys('ArrowLeft', 1, { shiftKey: true, ctrlKey: true });
    v.keys('ArrowUp', 5);
    v.key('Enter');
    expect(v.host.fired('mark-placed')).toEqual([{ imageIndex: 0, x: 37, y: 26.5, shape: 'ellipse', width: 10, height: 5 }]);
  });

  it('hides the cursor with Esc and on a pointer press; Shift+arrows then step images again', async () => {
    const v = viewer({ images: imageList(5) });
    await v.attach();
    v.key('m');
    expect(v.cursor()).not.toBe('');
    v.key('Escape');
    expect(v.cursor()).toBe('');
    v.key('ArrowRight', { shiftKey: true }); // the keyboard again: the cursor comes back where it was
    expect(v.cursor()).toBe('33.0,24.0');
    v.host.dispatchEvent(new Event('pointerdown'));
    v.update();
    expect(v.cursor()).toBe('');
    v.key('w');
    v.key('ArrowDown', { shiftKey: true });
    expect(v.controller.stack.index).toBe(1);
    expect(v.host.fired('mark-placed')).toEqual([]);
  });

  it('shows the cursor when the keyboard brings the focus (focus-visible) and hides it when the focus leaves', async () => {
    const v = viewer({ images: imageList(3) });
    await v.attach();
    v.controller.toolbarActions.selectTool('mark');
    v.host.dispatchEvent(new Event('pointerdown'));
    v.update();
    expect(v.cursor()).toBe('');
    Object.assign(v.host, { matches: (selector: string) => selector === ':focus-visible' });
    v.host.dispatchEvent(new Event('focusin'));
    v.update();
    expect(v.cursor()).toBe('32.0,24.0');
    expect(v.controller.announcement).toContain('Keyboard cursor shown');
    v.host.dispatchEvent(Object.assign(new Event('focusout'), { relatedTarget: v.host })); // into its own toolbar
    v.update();
    expect(v.cursor()).toBe('32.0,24.0');
    v.host.dispatchEvent(Object.assign(new Event('focusout'), { relatedTarget: null })); // out of the viewer
    v.update();
    expect(v.cursor()).toBe('');
  });

  it('shows the cursor on Enter rather than placing where the user cannot see it', async () => {
    const v = viewer({ images: imageList(3) });
    await v.attach();
    v.controller.toolbarActions.selectTool('mark'); // chosen with the pointer
    v.host.dispatchEvent(new Event('pointerdown'));
    v.key('Enter');
    expect(v.host.fired('mark-placed')).toEqual([]);
    expect(v.cursor()).toBe('32.0,24.0');
    v.key('Enter');
    expect(v.host.fired('mark-placed')).toHaveLength(1);
  });

  it('says how to mark when Enter is pressed with another tool', async () => {
    const v = viewer({ images: imageList(3) });
    await v.attach();
    v.key('Enter');
    expect(v.controller.hint).toContain('Press m');
    expect(v.host.fired('mark-placed')).toEqual([]);
  });

  it('hides the cursor where nothing can be marked (marking off, MPR)', async () => {
    const v = viewer({ images: imageList(3), markingEnabled: false });
    await v.attach();
    v.key('m');
    v.key('Enter');
    expect(v.cursor()).toBe('');
    expect(v.host.fired('mark-placed')).toEqual([]);
  });
});

describe('selecting and deleting findings with the keyboard', () => {
  it('n and Shift+n cycle through the findings on any image, showing each one\'s image with the cursor on it', async () => {
    const v = viewer({ images: imageList(40) });
    await v.attach();
    v.sendMarks([mark('M1', 0, 10, 10), mark('M2', 13, 20, 30)]);
    v.key('n');
    expect(v.host.fired('mark-selected')).toEqual([{ id: 'M1' }]);
    v.sendMarks([mark('M1', 0, 10, 10, true), mark('M2', 13, 20, 30)]);
    expect(v.controller.announcement).toBe('Finding 1 of 2 selected, on image 1 of 40');
    v.key('n');
    expect(v.host.fired('mark-selected').at(-1)).toEqual({ id: 'M2' });
    await settle();
    v.update();
    expect(v.controller.stack.index).toBe(13);
    v.key('m');
    expect(v.cursor()).toBe('20.0,30.0');
    v.sendMarks([mark('M1', 0, 10, 10), mark('M2', 13, 20, 30, true)]);
    expect(v.controller.announcement).toBe('Finding 2 of 2 selected, on image 14 of 40');
    v.key('N', { shiftKey: true });
    expect(v.host.fired('mark-selected').at(-1)).toEqual({ id: 'M1' });
    v.key('Delete');
    expect(v.host.fired('mark-delete-requested')).toEqual([{ id: 'M2' }]);
    v.sendMarks([mark('M1', 0, 10, 10)]);
    expect(v.controller.announcement).toBe('Finding 2 deleted; 1 finding left');
  });

  it('says a placed finding in words once Java has it, and says nothing about the list a read starts with', async () => {
    const v = viewer({ images: imageList(40), marks: JSON.stringify([mark('M1', 0, 10, 10)]) });
    await v.attach();
    expect(v.controller.announcement).toBe('');
    v.sendMarks([mark('M1', 0, 10, 10), mark('M2', 13, 20, 30, true)]);
    expect(v.controller.announcement).toBe('Finding 2 placed on image 14 of 40');
  });

  it('says how to begin when there is no finding to select', async () => {
    const v = viewer({ images: imageList(3) });
    await v.attach();
    v.key('n');
    expect(v.host.fired('mark-selected')).toEqual([]);
    expect(v.controller.hint).toContain('No findings yet');
  });
});

describe('drawing lesions with the keyboard only (authoring)', () => {
  it('draws a polygon: Enter at each point, Shift+Enter closes it, and says so', async () => {
    const v = viewer({ images: imageList(3), authoring: 'truth' });
    await v.attach();
    for (let i = 0; i < 4; i++) v.key('a'); // point, ellipse, box, polygon
    expect(v.controller.attributes()['data-author-tool']).toBe('polygon');
    expect(v.cursor()).toBe('32.0,24.0');
    v.key('Enter');
    v.keys('ArrowRight', 1, { shiftKey: true, ctrlKey: true });
    v.key('Enter');
    expect(v.controller.announcement).toBe('Contour point 2');
    v.keys('ArrowDown', 1, { shiftKey: true, ctrlKey: true });
    v.key('Enter');
    expect(v.controller.authorBarModel()?.pending).toBe(3);
    v.key('Enter', { shiftKey: true });
    expect(v.host.fired('shape-created').map((d) => d.shape)).toEqual([expect.objectContaining({
      shape: 'polygon', imageIndex: 0, points: [[32, 24], [42, 24], [42, 34]] })]);
    expect(v.controller.announcement).toBe('Lesion 1 drawn on image 1 of 3');
  });

  it('draws a box by keys, selects the tool with s and nudges the shape with Shift+arrows, deletes it with Delete', async () => {
    const v = viewer({ images: imageList(3), authoring: 'truth' });
    await v.attach();
    v.key('a');
    v.key('a');
    v.key('a'); // box
    v.key('Enter');
    v.keys('ArrowRight', 1, { shiftKey: true, ctrlKey: true });
    v.keys('ArrowDown', 1, { shiftKey: true, ctrlKey: true });
    v.key('Enter');
    expect(v.host.fired('shape-created').map((d) => d.shape)).toEqual([expect.objectContaining({ shape: 'box', x: 37, y: 29, width: 10, height: 10 })]);
    v.key('s');
    expect(v.cursor()).toBe(''); // the select tool: Shift+arrows move the shape
    v.key('ArrowLeft', { shiftKey: true });
    expect(v.host.fired('shape-changed').at(-1)?.shape).toMatchObject({ x: 36 });
    expect(v.controller.announcement).toBe('Lesion 1 changed');
    v.key('Delete');
    expect(v.controller.announcement).toBe('Lesion 1 deleted; 0 lesions left');
  });

  it('traces a freehand outline: Enter, Shift+arrows around the lesion, Enter', async () => {
    const v = viewer({ images: imageList(3), authoring: 'truth' });
    await v.attach();
    for (let i = 0; i < 5; i++) v.key('a'); // … freehand
    expect(v.controller.attributes()['data-author-tool']).toBe('freehand');
    v.key('Enter');
    v.keys('ArrowRight', 1, { shiftKey: true, ctrlKey: true });
    v.keys('ArrowDown', 1, { shiftKey: true, ctrlKey: true });
    v.keys('ArrowLeft', 1, { shiftKey: true, ctrlKey: true });
    v.key('Enter');
    const created = v.host.fired('shape-created').map((d) => d.shape as { shape: string; points: number[][] });
    expect(created).toHaveLength(1);
    expect(created[0].shape).toBe('polygon');
    expect(created[0].points).toEqual(expect.arrayContaining([[32, 24], [42, 24], [42, 34]]));
  });
});
