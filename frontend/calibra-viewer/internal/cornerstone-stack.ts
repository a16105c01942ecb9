// The only module that imports Cornerstone3D. It owns one RenderingEngine,
// one StackViewport and one tool group per <calibra-viewer>, and reports back
// through plain callbacks so the Lit element stays framework-thin.

import {
  Enums as csEnums, RenderingEngine, eventTarget, init as csInit, utilities as csUtils,
} from '@cornerstonejs/core';
import type { Types } from '@cornerstonejs/core';
import {
  Enums as toolsEnums, PanTool, StackScrollTool, ToolGroupManager, WindowLevelTool, ZoomTool,
  addTool, init as toolsInit,
} from '@cornerstonejs/tools';
import { init as dicomLoaderInit } from '@cornerstonejs/dicom-image-loader';
import { describeError } from './errors.js';

export type PrimaryTool = 'wl' | 'pan' | 'zoom' | 'mark';

export interface StackCallbacks {
  /** a new image of the stack is on the viewport (after load, before paint) */
  imageShown(index: number): void;
  /** something that moves overlay positions happened (render, camera, resize) */
  geometryChanged(): void;
  loadFailed(index: number, message: string): void;
}

let initPromise: Promise<void> | null = null;

/** Cornerstone, its tools and the DICOM loader are initialised once per page. */
function ensureInitialised(): Promise<void> {
  initPromise ??= (async () => {
    csInit();
    toolsInit();
    // 1 worker keeps memory low on 2-core machines; decoding one slice at a time is enough here
    dicomLoaderInit({ maxWebWorkers: 1 });
    [WindowLevelTool, PanTool, ZoomTool, StackScrollTool].forEach((t) => addTool(t));
  })();
  return initPromise;
}

let instanceCounter = 0;
const { MouseBindings } = toolsEnums;
const LEFT_TOOLS: Record<Exclude<PrimaryTool, 'mark'>, string> = {
  wl: WindowLevelTool.toolName, pan: PanTool.toolName, zoom: ZoomTool.toolName,
};

export class CornerstoneStack {
  private readonly engine: RenderingEngine;
  private readonly viewportId: string;
  private readonly toolGroupId: string;
  private imageIds: string[] = [];
  /** imageId -> last load error, so awaiting callers can fail instead of hanging */
  private readonly failures = new Map<string, string>();
  private destroyed = false;

  static async create(element: HTMLDivElement, callbacks: StackCallbacks): Promise<CornerstoneStack> {
    await ensureInitialised();
    return new CornerstoneStack(element, callbacks);
  }

  private constructor(private readonly element: HTMLDivElement, private readonly cb: StackCallbacks) {
    const n = ++instanceCounter;
    this.viewportId = `calibra-vp-${n}`;
    this.toolGroupId = `calibra-tg-${n}`;
    this.engine = new RenderingEngine(`calibra-re-${n}`);
    this.engine.enableElement({
      viewportId: this.viewportId,
      type: csEnums.ViewportType.STACK,
      element,
      defaultOptions: { background: [0, 0, 0] as Types.Point3 },
    });
    this.setUpTools();
    element.addEventListener(csEnums.Events.STACK_NEW_IMAGE, this.onNewImage);
    element.addEventListener(csEnums.Events.IMAGE_RENDERED, this.onGeometry);
    element.addEventListener(csEnums.Events.CAMERA_MODIFIED, this.onGeometry);
    eventTarget.addEventListener(csEnums.Events.IMAGE_LOAD_ERROR, this.onLoadError);
  }

  private setUpTools(): void {
    const group = ToolGroupManager.createToolGroup(this.toolGroupId);
    if (!group) throw new Error(`tool group ${this.toolGroupId} exists already`);
    Object.values(LEFT_TOOLS).forEach((name) => group.addTool(name));
    group.addTool(StackScrollTool.toolName);
    // always-on bindings; the left button is assigned in setPrimaryTool
    group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
    group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
    group.addViewport(this.viewportId, this.engine.id);
    this.setPrimaryTool('wl');
  }

  private get viewport(): Types.IStackViewport {
    return this.engine.getViewport(this.viewportId) as Types.IStackViewport;
  }

  /** Left button: one of W/L, Pan, Zoom, or none for Mark (the element handles those clicks). */
  setPrimaryTool(tool: PrimaryTool): void {
    const group = ToolGroupManager.getToolGroup(this.toolGroupId);
    if (!group) return;
    for (const [key, name] of Object.entries(LEFT_TOOLS)) {
      // passive only drops the primary binding: pan keeps middle, zoom keeps right
      if (key === tool) group.setToolActive(name, { bindings: [{ mouseButton: MouseBindings.Primary }] });
      else group.setToolPassive(name);
    }
  }

  get count(): number { return this.imageIds.length; }
  get currentIndex(): number { return this.imageIds.length ? this.viewport.getCurrentImageIdIndex() : -1; }

  /** Replaces the stack and resolves once the first image is really painted. */
  async setStack(imageIds: string[], index = 0): Promise<void> {
    this.imageIds = imageIds;
    this.failures.clear();
    if (!imageIds.length) return;
    const start = Math.min(Math.max(0, index), imageIds.length - 1);
    await this.viewport.setStack(imageIds, start);
    await this.paint(imageIds[start]);
  }

  /** Shows image `index` and resolves after it is painted; rejects with the load error. */
  async showImage(index: number): Promise<void> {
    if (index < 0 || index >= this.imageIds.length) throw new Error(`no image ${index + 1} of ${this.count}`);
    const imageId = this.imageIds[index];
    this.failures.delete(imageId);
    await this.viewport.setImageIdIndex(index);
    await this.paint(imageId);
  }

  /**
   * The first IMAGE_RENDERED can come before pixels are on screen, so render
   * explicitly and wait for the next one. The GPU path resolves setStack even
   * when the load failed (the error goes to IMAGE_LOAD_ERROR), so check that too.
   */
  private async paint(imageId: string): Promise<void> {
    const failure = () => this.failures.get(imageId);
    if (failure()) throw new Error(failure());
    await new Promise<void>((resolve, reject) => {
      const done = () => { clearTimeout(timer); this.element.removeEventListener(csEnums.Events.IMAGE_RENDERED, done); resolve(); };
      const timer = setTimeout(() => {
        this.element.removeEventListener(csEnums.Events.IMAGE_RENDERED, done);
        reject(new Error(failure() ?? 'timed out waiting for the image to render'));
      }, 30000);
      this.element.addEventListener(csEnums.Events.IMAGE_RENDERED, done);
      this.viewport.render();
    });
    if (failure()) throw new Error(failure());
  }

  reset(): void {
    if (!this.imageIds.length) return;
    this.viewport.resetCamera();
    this.viewport.resetProperties(); // VOI back to the image's own window
    this.viewport.render();
  }

  resize(): void {
    if (this.destroyed) return;
    this.engine.resize(true, true);
    this.cb.geometryChanged();
  }

  /** Image pixel [col,row] of the shown image -> viewport canvas CSS px. */
  imageToCanvas(x: number, y: number): [number, number] | null {
    const imageId = this.shownImageId();
    if (!imageId) return null;
    try {
      const world = csUtils.imageToWorldCoords(imageId, [x, y]);
      if (!world) return null;
      const c = this.viewport.worldToCanvas(world);
      return [c[0], c[1]];
    } catch {
      return null; // metadata not there yet
    }
  }

  /** Canvas CSS px -> image pixel [col,row], null outside the image. */
  canvasToImage(cx: number, cy: number): [number, number] | null {
    const imageId = this.shownImageId();
    const image = this.viewport.getCornerstoneImage?.();
    if (!imageId || !image) return null;
    try {
      const p = csUtils.worldToImageCoords(imageId, this.viewport.canvasToWorld([cx, cy]));
      if (!p || p[0] < 0 || p[1] < 0 || p[0] > image.columns || p[1] > image.rows) return null;
      return [p[0], p[1]];
    } catch {
      return null;
    }
  }

  /** The imageId whose pixels are on the viewport (null while nothing is shown). */
  private shownImageId(): string | null {
    if (!this.imageIds.length || !this.viewport.getCornerstoneImage?.()) return null;
    return this.viewport.getCurrentImageId() ?? null;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.element.removeEventListener(csEnums.Events.STACK_NEW_IMAGE, this.onNewImage);
    this.element.removeEventListener(csEnums.Events.IMAGE_RENDERED, this.onGeometry);
    this.element.removeEventListener(csEnums.Events.CAMERA_MODIFIED, this.onGeometry);
    eventTarget.removeEventListener(csEnums.Events.IMAGE_LOAD_ERROR, this.onLoadError);
    ToolGroupManager.destroyToolGroup(this.toolGroupId);
    this.engine.destroy();
  }

  private onNewImage = (e: Event): void => {
    const { imageIdIndex } = (e as CustomEvent<{ imageIdIndex: number }>).detail;
    this.cb.imageShown(imageIdIndex);
  };

  private onGeometry = (): void => this.cb.geometryChanged();

  // IMAGE_LOAD_ERROR is global; keep only failures of our own stack
  private onLoadError = (e: Event): void => {
    const detail = (e as CustomEvent).detail as unknown;
    const items = Array.isArray(detail) ? detail.map((r) => (r as { reason?: unknown }).reason ?? r) : [detail];
    for (const item of items) {
      const d = item as { imageId?: string; error?: unknown } | undefined;
      const index = d?.imageId ? this.imageIds.indexOf(d.imageId) : -1;
      if (index < 0 || !d?.imageId) continue;
      const message = describeError(d.error);
      this.failures.set(d.imageId, message);
      this.cb.loadFailed(index, message);
    }
  };
}
