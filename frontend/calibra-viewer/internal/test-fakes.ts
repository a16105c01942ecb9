// Test doubles for the viewer's unit tests (*.test.ts): an element (ViewerHost), a Cornerstone stack
// (StackPort) and MPR session whose image <-> canvas mapping is a plain scale and offset. Only the tests
// import this file; the production bundle never does.

import type { KeyImage } from './key-image.js';
import type { MprPlane, MprTool } from './mpr-planes.js';
import type { MprSessionCallbacks, MprSessionPort } from './mpr-session.js';
import type { Measurement, StackCallbacks, StackPort, ViewerDeps, ViewerHost } from './ports.js';
import type { VoiRange } from './presets.js';
import type { PrimaryTool } from './tools.js';
import type { PlaneInfo } from './volume-geometry.js';

/** image px -> canvas px: canvas = image * scale + offset */
export const SCALE = 2;
export const OFFSET: [number, number] = [100, 50];
export const project = (x: number, y: number): [number, number] => [x * SCALE + OFFSET[0], y * SCALE + OFFSET[1]];

/** An element with a bounding rectangle that counts its listeners. */
export class FakeElement extends EventTarget {
  listeners = 0;
  constructor(readonly rect = { left: 10, top: 20 }) { super(); }
  getBoundingClientRect() { return this.rect; }
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.listeners++;
    super.addEventListener(...args);
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.listeners--;
    super.removeEventListener(...args);
  }
}

export class FakeStack implements StackPort {
  imageIds: string[] = [];
  currentIndex = -1;
  cinePlaying = false;
  cineFps = 0;
  tool: PrimaryTool | null = null;
  voiRange: VoiRange | undefined = { lower: 0, upper: 100 };
  inverted = false;
  destroyed = false;
  resets = 0;
  resizes = 0;
  headerModality = '';
  measured: Measurement[] = [];
  readonly voiCalls: (VoiRange | null)[] = [];
  /** image size (columns, rows) */
  size: [number, number] = [64, 48];

  /** @param volume whether the images' headers describe an axial volume (else they carry no geometry) */
  constructor(readonly callbacks: StackCallbacks, private readonly volume = false) {}

  get stackImageIds(): readonly string[] { return this.imageIds; }

  async setStack(imageIds: string[], index = 0): Promise<void> {
    this.imageIds = imageIds;
    this.cinePlaying = false;
    this.currentIndex = imageIds.length ? index : -1;
    if (imageIds.length) this.callbacks.imageShown(this.currentIndex);
  }

  async showImage(index: number): Promise<void> {
    this.currentIndex = index;
    this.callbacks.imageShown(index);
  }

  setPrimaryTool(tool: PrimaryTool): void { this.tool = tool; }
  playCine(fps: number): void { this.cinePlaying = true; this.cineFps = fps; }
  stopCine(): void { this.cinePlaying = false; }
  modality(): string { return this.headerModality; }
  measurements(): Measurement[] { return this.measured; }
  clearMeasurements(): void { this.measured = []; this.callbacks.measurementsChanged(); }
  setVoiRange(range: VoiRange | null): void { this.voiCalls.push(range); this.voiRange = range ?? { lower: 0, upper: 100 }; }
  fullRange(): VoiRange | null { return { lower: -1024, upper: 3071 }; }
  setInverted(invert: boolean): void { this.inverted = invert; }
  reset(): void { this.resets++; this.inverted = false; }
  imageSize(): [number, number] | null { return this.currentIndex >= 0 ? this.size : null; }
  imageToCanvas(x: number, y: number): [number, number] | null { return this.currentIndex >= 0 ? project(x, y) : null; }

  canvasToImage(cx: number, cy: number, clamp = false): [number, number] | null {
    if (this.currentIndex < 0) return null;
    const p: [number, number] = [(cx - OFFSET[0]) / SCALE, (cy - OFFSET[1]) / SCALE];
    const [cols, rows] = this.size;
    if (clamp) return [Math.min(cols, Math.max(0, p[0])), Math.min(rows, Math.max(0, p[1]))];
    return p[0] < 0 || p[1] < 0 || p[0] > cols || p[1] > rows ? null : p;
  }

  async prefetch(): Promise<number> { return this.imageIds.length; }
  async planes(): Promise<(PlaneInfo | null)[]> {
    return this.volume ? axialPlanes(this.imageIds.length) : this.imageIds.map(() => null);
  }
  resize(): void { this.resizes++; }
  destroy(): void { this.destroyed = true; }
}

export class FakeMpr implements MprSessionPort {
  tool: MprTool = 'crosshair';
  display: { range: VoiRange | null; invert: boolean } | null = null;
  centrePoint = [0, 0, 0];
  destroyed = false;
  constructor(readonly callbacks: MprSessionCallbacks) {}
  setPrimaryTool(tool: MprTool): void { this.tool = tool; }
  setDisplay(range: VoiRange | null, invert: boolean): void { this.display = { range, invert }; }
  reset(range: VoiRange | null, invert: boolean): void { this.display = { range, invert }; }
  centre(): number[] { return this.centrePoint; }
  resize(): void { /* nothing to lay out */ }
  destroy(): void { this.destroyed = true; }
}

/** The element as the controller sees it, recording what the controller does to it. */
export class FakeHost extends EventTarget implements ViewerHost {
  images = '';
  marks = '';
  aiMarks = '';
  truth = '';
  heatmaps = '';
  aiVisible = false;
  markingEnabled = true;
  modality = '';
  authoring = '';
  truthShapes = '';
  aiShapes = '';
  flaggedImages = '';
  /** what captureView gives (null: nothing drawn), and how often it was asked */
  capture: KeyImage | null | Error = { png: 'data:image/png;base64,AAAA', width: 200, height: 100 };
  captures = 0;
  isConnected = false;
  hasUpdated = false;
  updateComplete: Promise<unknown> = Promise.resolve(true);
  baseURI = 'http://calibra.test/reading/1';
  updates = 0;
  focused = '';
  readonly events: { name: string; detail: Record<string, unknown> }[] = [];
  readonly data: Record<string, string> = {};
  readonly viewportElement = new FakeElement();
  readonly panes = { axial: {}, coronal: {}, sagittal: {} } as Record<MprPlane, HTMLDivElement>;

  requestUpdate(): void { this.updates++; }
  fire(name: string, detail: object): void { this.events.push({ name, detail: detail as Record<string, unknown> }); }
  setData(name: string, value: string | undefined): void {
    if (value === undefined) delete this.data[name];
    else this.data[name] = value;
  }
  viewport(): HTMLDivElement | null { return this.viewportElement as unknown as HTMLDivElement; }
  mprPanes(): Record<MprPlane, HTMLDivElement> { return this.panes; }
  focusViewer(): void { this.focused = 'viewer'; }
  focusHelpClose(): void { this.focused = 'help-close'; }
  async captureView(): Promise<KeyImage | null> {
    this.captures++;
    if (this.capture instanceof Error) throw this.capture;
    return this.capture;
  }

  /** Events of one name, in order. */
  fired(name: string): Record<string, unknown>[] {
    return this.events.filter((e) => e.name === name).map((e) => e.detail);
  }
}

/** Cornerstone replaced by the fakes above; the created stacks and sessions are kept for assertions. */
export function fakeDeps(opts: { volume?: boolean } = {}) {
  const stacks: FakeStack[] = [];
  const sessions: FakeMpr[] = [];
  const released: string[] = [];
  const frames: (() => void)[] = [];
  let resizeObservers = 0;
  const deps: ViewerDeps = {
    createStack: async (_viewport, callbacks) => { const s = new FakeStack(callbacks, opts.volume); stacks.push(s); return s; },
    createMpr: async (_key, _ids, _panes, callbacks) => { const m = new FakeMpr(callbacks); sessions.push(m); return m; },
    releaseVolume: (key) => { released.push(key); },
    stackImageIds: async (images) => images.map((im, i) => (i % 2 ? `wadouri:${im.url}` : `wadors:${im.url}`)),
    observeResize: () => { resizeObservers++; return () => { resizeObservers--; }; },
    colourHeatmap: async (url) => ({ href: `data:image/png;coloured,${url}`, width: 8, height: 8 }),
    nextFrame: (callback) => { frames.push(callback); },
  };
  return { deps, stacks, sessions, released, frames, resizeObservers: () => resizeObservers };
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** JSON image list of n single-frame files. */
export function imageList(n: number): string {
  return JSON.stringify(Array.from({ length: n }, (_, i) => ({ url: `/files/dicom/${i}`, frame: 0 })));
}

/** Planes of an axial volume of n slices, `spacing` mm apart. */
export function axialPlanes(n: number, spacing = 2.5): PlaneInfo[] {
  return Array.from({ length: n }, (_, i) => ({
    seriesUid: '1.2.3', rows: 48, columns: 64, orientation: [1, 0, 0, 0, 1, 0], position: [0, 0, i * spacing], frames: 1,
  }));
}
