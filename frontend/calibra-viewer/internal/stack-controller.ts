// The Cornerstone stack of one viewer: set up when the element is first rendered (and again after a
// reconnect), torn down after it leaves the page; loading a new image list, following the shown image,
// the loading/ready/error state and its message. Every set-up step has its tear-down step in tearDown().

import { detectClicks } from './click-detector.js';
import type { DragHandlers } from './drag-detector.js';
import { detectDrags } from './drag-detector.js';
import { describeError, failureMessage } from './errors.js';
import { transportOf } from './image-ids.js';
import type { ImageRef } from './model.js';
import type { StackPort, ViewerDeps, ViewerHost } from './ports.js';
import type { PrimaryTool } from './tools.js';
import { mightBeVolume, volumeGeometry } from './volume-geometry.js';
import type { VolumeGeometry } from './volume-geometry.js';

export type ViewState = 'loading' | 'ready' | 'error';

/** What the other controllers do when the stack changes. */
export interface StackPorts {
  /** the left-button tool to start with */
  tool(): PrimaryTool;
  /** the window changed (a W/L drag, a preset, a reset) */
  windowChanged(): void;
  /** a plain click at viewport px */
  clicked(canvas: [number, number], button: number): void;
  dragHandlers(viewport: HTMLDivElement): DragHandlers;
  resized(): void;
  /** the stack goes away or gets new images: close MPR (its volume is built from the stack's images), stop cine */
  closing(): void;
  /** a new image list: not known to be a volume yet, the images' own window */
  newStack(): void;
  volumeFound(geometry: VolumeGeometry): void;
}

let viewerCounter = 0;

export class StackController {
  /** the Cornerstone stack while set up */
  cornerstone: StackPort | null = null;
  images: ImageRef[] = [];
  /** the shown image, -1 while none */
  index = -1;
  viewState: ViewState = 'loading';
  message = '';
  /** bumped whenever overlay positions may have moved */
  geometryTick = 0;
  measurementCount = 0;

  private readonly instance = ++viewerCounter;
  private settingUp = false;
  private stopResize: (() => void) | null = null;
  private stopClicks: (() => void) | null = null;
  private drags: { stop: () => void; cancel: () => void } | null = null;
  /** guards against an older images value finishing after a newer one */
  private generation = 0;
  private lastAnnouncedIndex = -1;

  constructor(private readonly host: ViewerHost, private readonly deps: ViewerDeps, private readonly p: StackPorts) {}

  /** Names the volume an MPR session builds from this stack; changes with every new stack. */
  get volumeKey(): string { return `calibra-${this.instance}-${this.generation}`; }

  /** Changes whenever the stack is replaced or torn down. */
  get stackGeneration(): number { return this.generation; }

  async setUp(): Promise<void> {
    const viewport = this.host.viewport();
    if (this.cornerstone || this.settingUp || !viewport) return;
    this.settingUp = true;
    try {
      const stack = await this.deps.createStack(viewport, {
        imageShown: (i) => this.onImageShown(i),
        geometryChanged: () => { this.geometryTick++; this.host.requestUpdate(); },
        loadFailed: (i, message) => this.fail(i, message),
        voiChanged: () => this.p.windowChanged(),
        measurementsChanged: () => { this.measurementCount = this.cornerstone?.measurements().length ?? 0; this.host.requestUpdate(); },
      });
      if (!this.host.isConnected) { stack.destroy(); return; } // went away while initialising
      this.cornerstone = stack;
      stack.setPrimaryTool(this.p.tool());
      this.stopResize = this.deps.observeResize(viewport, () => { this.cornerstone?.resize(); this.p.resized(); });
      this.stopClicks = detectClicks(viewport, (x, y, button) => {
        const r = viewport.getBoundingClientRect();
        this.p.clicked([x - r.left, y - r.top], button);
      });
      this.drags = detectDrags(viewport, this.p.dragHandlers(viewport));
      await this.load();
    } catch (e) {
      this.fail(-1, e);
    } finally {
      this.settingUp = false;
    }
  }

  tearDown(): void {
    this.stopResize?.();
    this.stopResize = null;
    this.stopClicks?.();
    this.stopClicks = null;
    this.drags?.stop();
    this.drags = null;
    this.p.closing();
    this.deps.releaseVolume(this.volumeKey);
    this.cornerstone?.destroy();
    this.cornerstone = null;
    this.index = -1;
    this.generation++;
  }

  /** Ends a shape being dragged out (Escape, another tool, MPR). */
  cancelDrag(): void {
    this.drags?.cancel();
  }

  /** Java set a new image list. */
  imagesChanged(images: ImageRef[]): void {
    this.images = images;
  }

  /** Loads the image list into the stack and shows its first image. */
  async load(): Promise<void> {
    const stack = this.cornerstone;
    if (!stack) return;
    this.p.closing();
    this.deps.releaseVolume(this.volumeKey);
    const generation = ++this.generation;
    perfMark('calibra-stack-start');
    this.setViewState('loading');
    this.message = '';
    this.lastAnnouncedIndex = -1;
    this.index = -1;
    this.measurementCount = 0;
    this.p.newStack();
    if (!this.images.length) {
      await stack.setStack([]);
      this.message = 'No images';
      this.host.requestUpdate();
      return; // stays "loading": Java may still be sending the list
    }
    try {
      const ids = await this.deps.stackImageIds(this.images, this.host.baseURI);
      if (generation !== this.generation) return;
      this.host.setData('transport', transportOf(ids));
      this.host.setData('allLoaded', undefined);
      await stack.setStack(ids, 0);
      if (generation !== this.generation) return;
      perfMark('calibra-first-image');
      this.setViewState('ready');
      this.onImageShown(stack.currentIndex);
      void this.prefetchThenDetectVolume(stack, generation);
    } catch (e) {
      if (generation === this.generation) this.fail(0, e);
    }
  }

  /** Loads the rest of the stack nearest-first (scrolling is then instant), then checks whether it is a volume. */
  private async prefetchThenDetectVolume(stack: StackPort, generation: number): Promise<void> {
    const isCurrent = () => generation === this.generation;
    const loaded = await stack.prefetch(isCurrent);
    if (!isCurrent()) return;
    perfMark('calibra-all-loaded');
    this.host.setData('allLoaded', String(loaded));
    // MPR needs a volume: several single-frame images of one series with regular geometry
    if (!mightBeVolume(this.images)) return;
    const planes = await stack.planes(isCurrent);
    if (!isCurrent()) return;
    const geometry = volumeGeometry(planes);
    if (typeof geometry === 'string') {
      console.info('[calibra-viewer] no MPR:', geometry);
      return;
    }
    this.p.volumeFound(geometry);
  }

  /** Shows image `index` (0-based); resolves when it is drawn. */
  async showImage(index: number): Promise<void> {
    if (!this.cornerstone) throw new Error('viewer not ready');
    if (!Number.isInteger(index) || index < 0 || index >= this.images.length) {
      throw new RangeError(`no image ${index} (0-based) in a stack of ${this.images.length}`);
    }
    try {
      await this.cornerstone.showImage(index);
      if (this.message) this.clearError();
    } catch (e) {
      this.fail(index, e);
      throw e;
    }
  }

  /** The next or previous image (↑/↓, the toolbar's arrows). */
  step(delta: number): void {
    const count = this.images.length;
    if (!this.cornerstone || !count || this.index < 0) return;
    const next = Math.min(count - 1, Math.max(0, this.index + delta));
    if (next !== this.index) this.showImage(next).catch(() => { /* shown in the element */ });
  }

  /** Client (viewport CSS) coordinates of image point (x, y), or null if that image is not shown. */
  imageToClient(imageIndex: number, x: number, y: number): { x: number; y: number } | null {
    if (!this.cornerstone || imageIndex !== this.cornerstone.currentIndex) return null;
    const c = this.cornerstone.imageToCanvas(x, y);
    const viewport = this.host.viewport();
    if (!c || !viewport) return null;
    const rect = viewport.getBoundingClientRect();
    return { x: rect.left + c[0], y: rect.top + c[1] };
  }

  private onImageShown(index: number): void {
    if (index < 0) return;
    this.index = index;
    this.host.setData('imageIndex', String(index));
    // a good image after a failed one (e.g. wheel scroll) ends the error state
    if (this.viewState === 'error') this.clearError();
    // announce only once the stack is ready, so Java never hears about a half-loaded stack
    if (this.viewState !== 'loading' && index !== this.lastAnnouncedIndex) {
      this.lastAnnouncedIndex = index;
      this.host.fire('image-changed', { imageIndex: index, count: this.images.length });
    }
    this.host.requestUpdate();
  }

  private fail(index: number, error: unknown): void {
    const message = failureMessage(index, this.images.length, describeError(error));
    if (message === this.message) return; // same failure seen via event and promise
    this.message = message;
    this.setViewState('error');
    this.host.fire('viewer-error', { message });
  }

  private clearError(): void {
    this.message = '';
    this.setViewState('ready');
  }

  private setViewState(state: ViewState): void {
    this.viewState = state;
    this.host.setData('state', state);
    this.host.requestUpdate();
  }
}

/** Performance marks for benchmarks and tests (bench/dicomweb.sh reads them through Selenium). */
function perfMark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // marks are optional
  }
}
