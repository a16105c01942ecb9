import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeHost, fakeDeps, imageList, project, settle } from './test-fakes.js';
import { toRange } from './presets.js';
import { ViewerController } from './viewer-controller.js';

/** An element with its controller, driven the way Lit and Vaadin drive <calibra-viewer>. */
function viewer(props: Partial<FakeHost> = {}, volume = false) {
  const host = Object.assign(new FakeHost(), props);
  const cs = fakeDeps({ volume });
  const controller = new ViewerController(host, cs.deps);
  /** one Lit update: willUpdate, (render), updated */
  const update = (...names: string[]) => {
    const changed = new Map<PropertyKey, unknown>(names.map((n) => [n, undefined]));
    controller.willUpdate(changed);
    controller.updated(changed);
    host.hasUpdated = true;
  };
  const connect = () => { host.isConnected = true; controller.connected(); };
  const disconnect = () => { host.isConnected = false; controller.disconnected(); };
  const key = (k: string) => {
    const e = Object.assign(new Event('keydown', { cancelable: true }), { key: k, ctrlKey: false, metaKey: false, altKey: false });
    host.dispatchEvent(e);
    return e.defaultPrevented;
  };
  /** first connect and render, as Vaadin attaches the element (connect, disconnect, connect) */
  const attach = async () => {
    connect();
    update('images', 'marks', 'aiMarks', 'truth', 'heatmaps', 'aiVisible', 'markingEnabled', 'modality');
    disconnect();
    connect();
    controller.firstUpdated();
    await settle();
  };
  return { host, controller, cs, update, connect, disconnect, key, attach };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('window', new EventTarget()); // the drag detector listens on the window while dragging
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('set-up and tear-down', () => {
  it('survives Vaadin\'s detach and re-attach during the first render: one stack, set up once', async () => {
    const v = viewer({ images: imageList(3) });
    await v.attach();
    vi.runAllTimers();
    expect(v.cs.stacks).toHaveLength(1);
    expect(v.cs.stacks[0].destroyed).toBe(false);
    expect(v.host.data.state).toBe('ready');
    expect(v.host.fired('image-changed')).toEqual([{ imageIndex: 0, count: 3 }]);
  });

  it('tears everything down once the element has really left, and sets up again when it comes back', async () => {
    const v = viewer({ images: imageList(3) });
    await v.attach();
    const [first] = v.cs.stacks;
    expect(v.host.viewportElement.listeners).toBeGreaterThan(0);
    expect(v.cs.resizeObservers()).toBe(1);
    v.disconnect();
    expect(first.destroyed).toBe(false); // deferred: Vaadin may only be moving it
    vi.runAllTimers();
    expect(first.destroyed).toBe(true);
    expect(v.cs.released).toHaveLength(2); // on load and on tear-down
    expect(v.cs.resizeObservers()).toBe(0);
    expect(v.host.viewportElement.listeners).toBe(0);
    expect(v.key('m')).toBe(false); // no keys while away
    v.connect();
    await settle();
    expect(v.cs.stacks).toHaveLength(2);
    expect(v.controller.stack.index).toBe(0);
    expect(v.cs.resizeObservers()).toBe(1);
    expect(v.key('m')).toBe(true);
  });

  it('drops a stack that finishes initialising after the element left', async () => {
    const v = viewer({ images: imageList(2) });
    v.connect();
    v.update('images');
    v.controller.firstUpdated();
    v.host.isConnected = false;
    await settle();
    expect(v.cs.stacks[0].destroyed).toBe(true);
    expect(v.controller.stack.cornerstone).toBeNull();
  });
});

describe('loading', () => {
  it('reports the transport, the first image and what loaded, then finds a volume for MPR', async () => {
    const v = viewer({ images: imageList(4) }, true);
    await v.attach();
    expect(v.host.data).toMatchObject({ state: 'ready', transport: 'mixed', imageIndex: '0', allLoaded: '4' });
    expect(v.controller.attributes()['data-volume']).toBe('true');
  });

  it('offers no MPR for images without plane geometry', async () => {
    const v = viewer({ images: imageList(4) });
    await v.attach();
    expect(v.controller.attributes()['data-volume']).toBe('false');
    v.key('v');
    await settle();
    expect(v.controller.attributes()['data-mpr']).toBe('off');
  });

  it('says so when Java sends no images, and stays loading', async () => {
    const v = viewer({ images: '[]' });
    await v.attach();
    expect(v.host.data.state).toBe('loading');
    expect(v.controller.stack.message).toBe('No images');
  });

  it('reloads when the image list changes, back to the image\'s own window', async () => {
    const v = viewer({ images: imageList(2), modality: 'CT' });
    await v.attach();
    v.key('1');
    expect(v.controller.attributes()['data-preset']).toBe('lung');
    v.host.images = imageList(5);
    v.update('images');
    await settle();
    expect(v.host.fired('image-changed').at(-1)).toEqual({ imageIndex: 0, count: 5 });
    expect(v.controller.attributes()['data-preset']).toBe('default');
  });

  it('reports a failed image once, and a good one ends the error', async () => {
    const v = viewer({ images: imageList(3) });
    await v.attach();
    const stack = v.cs.stacks[0];
    stack.callbacks.loadFailed(1, 'HTTP 404');
    stack.callbacks.loadFailed(1, 'HTTP 404');
    expect(v.host.fired('viewer-error')).toEqual([{ message: 'Could not load image 2 of 3: HTTP 404' }]);
    expect(v.host.data.state).toBe('error');
    await v.controller.showImage(2);
    expect(v.host.data.state).toBe('ready');
    expect(v.controller.stack.message).toBe('');
  });
});

describe('the public API', () => {
  it('shows an image by index and refuses indexes outside the stack', async () => {
    const v = viewer({ images: imageList(3) });
    await expect(v.controller.showImage(0)).rejects.toThrow('viewer not ready');
    await v.attach();
    await v.controller.showImage(2);
    expect(v.host.data.imageIndex).toBe('2');
    await expect(v.controller.showImage(3)).rejects.toThrow(RangeError);
    await expect(v.controller.showImage(1.5)).rejects.toThrow(RangeError);
  });

  it('maps image points of the shown image to client px of the page', async () => {
    const v = viewer({ images: imageList(3) });
    await v.attach();
    const c = project(5, 6);
    expect(v.controller.imageToClient(0, 5, 6)).toEqual({ x: c[0] + 10, y: c[1] + 20 });
    expect(v.controller.imageToClient(1, 5, 6)).toBeNull();
  });
});

describe('keys and toolbar', () => {
  it('step through the stack and stop at its ends', async () => {
    const v = viewer({ images: imageList(3) });
    await v.attach();
    v.key('ArrowDown');
    v.key('ArrowDown');
    v.key('ArrowDown');
    await settle();
    expect(v.controller.stack.index).toBe(2);
    v.controller.toolbarActions.step(-1);
    await settle();
    expect(v.host.fired('image-changed').map((e) => e.imageIndex)).toEqual([0, 1, 2, 1]);
  });

  it('choose window presets by digit in CT and go Custom on a W/L drag', async () => {
    const v = viewer({ images: imageList(2), modality: 'CT' });
    await v.attach();
    v.key('2');
    expect(v.cs.stacks[0].voiCalls.at(-1)).toEqual(toRange(350, 50));
    v.controller.pointerDown = true;
    v.cs.stacks[0].callbacks.voiChanged({ lower: 1, upper: 2 });
    expect(v.controller.attributes()['data-preset']).toBe('custom');
    v.key('r');
    expect(v.controller.attributes()).toMatchObject({ 'data-preset': 'default', 'data-inverted': 'false' });
  });

  it('switch tools, cycle the finding\'s shape and ask to delete the selected finding', async () => {
    const v = viewer({ images: imageList(2) });
    await v.attach();
    v.key('m');
    v.key('m');
    expect(v.controller.attributes()).toMatchObject({ 'data-tool': 'mark', 'data-mark-shape': 'ellipse' });
    expect(v.cs.stacks[0].tool).toBe('mark');
    v.host.marks = JSON.stringify([{ id: 'm1', imageIndex: 0, x: 1, y: 1, selected: true }]);
    v.update('marks');
    v.key('Delete');
    expect(v.host.fired('mark-delete-requested')).toEqual([{ id: 'm1' }]);
    v.host.markingEnabled = false;
    v.update('markingEnabled');
    expect(v.controller.attributes()['data-tool']).toBe('wl');
  });

  it('play cine, and not in MPR', async () => {
    const v = viewer({ images: imageList(4) }, true);
    await v.attach();
    v.key(' ');
    expect(v.controller.attributes()['data-cine']).toBe('true');
    v.key('v');
    await settle();
    expect(v.controller.attributes()).toMatchObject({ 'data-cine': 'false', 'data-mpr': 'ready', 'data-tool': 'crosshair' });
    v.key(' ');
    expect(v.controller.attributes()['data-cine']).toBe('false');
    v.key('m');
    expect(v.controller.hint).toMatch(/leave MPR/);
    vi.advanceTimersByTime(4000);
    expect(v.controller.hint).toBe('');
    v.key('v');
    await settle();
    expect(v.controller.attributes()['data-mpr']).toBe('off');
    expect(v.cs.sessions[0].destroyed).toBe(true);
  });

  it('open the help as a modal dialog and close it with Escape', async () => {
    const v = viewer({ images: imageList(2) });
    await v.attach();
    v.key('?');
    await settle();
    expect([v.controller.helpOpen, v.host.focused]).toEqual([true, 'help-close']);
    v.key('m');
    expect(v.controller.tools.tool).toBe('wl');
    v.key('Escape');
    expect([v.controller.helpOpen, v.host.focused]).toEqual([false, 'viewer']);
  });
});
