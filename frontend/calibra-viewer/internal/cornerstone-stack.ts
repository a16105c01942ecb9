// Cornerstone3D for the stack view (with cornerstone-mpr.ts and cornerstone-dicomweb.ts the only
// modules that import it). It owns one RenderingEngine, one StackViewport and one tool group per
// <calibra-viewer>, and reports back through plain callbacks (ports.ts: StackCallbacks), so the
// controllers stay framework-free.

import {
  Enums as csEnums, RenderingEngine, eventTarget, imageLoader, init as csInit, metaData, utilities as csUtils,
} from '@cornerstonejs/core';
import type { Types } from '@cornerstonejs/core';
import {
  CrosshairsTool, EllipticalROITool, Enums as toolsEnums, LengthTool, PanTool, StackScrollTool, ToolGroupManager,
  WindowLevelTool, ZoomTool, addTool, annotation, init as toolsInit, utilities as toolsUtils,
} from '@cornerstonejs/tools';
import { init as dicomLoaderInit } from '@cornerstonejs/dicom-image-loader';
import { describeError } from './errors.js';
import type { Measurement, StackCallbacks } from './ports.js';
import type { VoiRange } from './presets.js';
import type { PrimaryTool } from './tools.js';
import type { PlaneInfo } from './volume-geometry.js';

const MEASUREMENT_TOOLS: Record<string, Measurement['kind']> = {
  [LengthTool.toolName]: 'length', [EllipticalROITool.toolName]: 'roi',
};

let initPromise: Promise<void> | null = null;

/** Cornerstone, its tools and the DICOM loader are initialised once per page. */
function ensureInitialised(): Promise<void> {
  initPromise ??= (async () => {
    // each RenderingEngine opens webGlContextCount WebGL contexts (default 7) and browsers allow ~16:
    // the stack and an MPR session need only a few viewports, so 2 each leaves plenty of room
    csInit({ rendering: { webGlContextCount: 2 } } as Parameters<typeof csInit>[0]);
    toolsInit();
    // 1 worker keeps memory low on 2-core machines; decoding one slice at a time is enough here
    dicomLoaderInit({ maxWebWorkers: 1 });
    [WindowLevelTool, PanTool, ZoomTool, StackScrollTool, LengthTool, EllipticalROITool, CrosshairsTool]
      .forEach((t) => addTool(t));
  })();
  return initPromise;
}

let instanceCounter = 0;
const { MouseBindings } = toolsEnums;
const LEFT_TOOLS: Record<Exclude<PrimaryTool, 'mark' | 'author'>, string> = {
  wl: WindowLevelTool.toolName, pan: PanTool.toolName, zoom: ZoomTool.toolName,
  length: LengthTool.toolName, roi: EllipticalROITool.toolName,
};
const ANNOTATION_EVENTS = [
  toolsEnums.Events.ANNOTATION_COMPLETED, toolsEnums.Events.ANNOTATION_MODIFIED, toolsEnums.Events.ANNOTATION_REMOVED,
];

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
    element.addEventListener(csEnums.Events.VOI_MODIFIED, this.onVoi);
    eventTarget.addEventListener(csEnums.Events.IMAGE_LOAD_ERROR, this.onLoadError);
    ANNOTATION_EVENTS.forEach((name) => eventTarget.addEventListener(name, this.onAnnotation));
    eventTarget.addEventListener(toolsEnums.Events.ANNOTATION_ADDED, this.onAnnotationAdded);
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

  get renderingEngineId(): string { return this.engine.id; }

  private get viewport(): Types.IStackViewport {
    return this.engine.getViewport(this.viewportId) as Types.IStackViewport;
  }

  /**
   * Left button: one of W/L, Pan, Zoom, a measurement, or none for Mark and the authoring tools (the element handles those).
   * Measurement tools that are not active stay passive, so their annotations keep being drawn.
   */
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
    this.stopCine();
    this.clearMeasurementsSilently(); // they belong to the old images
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
    this.viewport.resetProperties(); // VOI back to the image's own window, invert off
    this.viewport.render();
    this.cb.voiChanged(this.voiRange);
  }

  // ---- window, invert, cine ----

  get voiRange(): VoiRange | undefined {
    return this.imageIds.length ? this.viewport.getProperties().voiRange : undefined;
  }

  /** A window in modality units (HU for CT), or null for the image's own window. */
  setVoiRange(range: VoiRange | null): void {
    if (!this.imageIds.length) return;
    if (range) {
      this.viewport.setProperties({ voiRange: range });
    } else {
      const invert = this.inverted;
      this.viewport.resetProperties();
      this.viewport.setProperties({ invert });
      this.cb.voiChanged(this.voiRange);
    }
    this.viewport.render();
  }

  /** The full range of values of the shown image, in modality units. */
  fullRange(): VoiRange | null {
    const image = this.viewport.getCornerstoneImage?.();
    if (!image) return null;
    const scaled = image.preScale?.scaled === true;
    const slope = scaled ? 1 : image.slope ?? 1;
    const intercept = scaled ? 0 : image.intercept ?? 0;
    const a = image.minPixelValue * slope + intercept;
    const b = image.maxPixelValue * slope + intercept;
    return a < b ? { lower: Math.min(a, b), upper: Math.max(a, b) } : null;
  }

  get inverted(): boolean {
    return this.imageIds.length ? this.viewport.getProperties().invert === true : false;
  }

  setInverted(invert: boolean): void {
    if (!this.imageIds.length) return;
    this.viewport.setProperties({ invert });
    this.viewport.render();
  }

  private cine = false;
  get cinePlaying(): boolean { return this.cine; }

  /** Loops through the stack at `fps` images per second; again with another rate changes the rate. */
  playCine(fps: number): void {
    if (this.imageIds.length < 2) return;
    if (this.cine) toolsUtils.cine.stopClip(this.element);
    toolsUtils.cine.playClip(this.element, { framesPerSecond: fps, loop: true });
    this.cine = true;
  }

  stopCine(): void {
    if (!this.cine) return;
    toolsUtils.cine.stopClip(this.element);
    this.cine = false;
  }

  // ---- measurements ----

  /** Measurements drawn in this viewer (annotation state is global per frame of reference: keep to our own). */
  measurements(): Measurement[] {
    return [...this.ownAnnotations].flatMap((uid) => {
      const a = annotation.state.getAnnotation(uid);
      const kind = a && MEASUREMENT_TOOLS[a.metadata?.toolName ?? ''];
      if (!a || !kind) return [];
      const imageIndex = this.imageIds.indexOf(a.metadata?.referencedImageId ?? '');
      const stats = Object.values((a.data as { cachedStats?: Record<string, Record<string, unknown>> }).cachedStats ?? {})[0];
      return [{ kind, imageIndex, lines: stats ? measurementLines(kind, stats) : [] }];
    });
  }

  clearMeasurements(): void {
    this.clearMeasurementsSilently();
    if (this.imageIds.length) this.viewport.render();
    this.cb.measurementsChanged();
  }

  // ---- metadata ----

  /** Modality of the shown image from its header ('' while unknown). */
  modality(): string {
    const imageId = this.shownImageId();
    const series = imageId ? metaData.get('generalSeriesModule', imageId) as { modality?: string } | undefined : undefined;
    return series?.modality ?? '';
  }

  /** Columns × rows of the shown image. */
  imageSize(): [number, number] | null {
    const image = this.viewport.getCornerstoneImage?.();
    return image ? [image.columns, image.rows] : null;
  }

  get stackImageIds(): readonly string[] { return this.imageIds; }

  /**
   * Loads every image of the stack into the cache, nearest to the shown one first, six at a time (the
   * browser's connections per host); resolves with how many loaded. Failures are left to showImage.
   */
  async prefetch(isCurrent: () => boolean): Promise<number> {
    const ids = this.imageIds;
    const start = Math.max(0, this.currentIndex);
    const order = ids.map((_, i) => i).sort((a, b) => Math.abs(a - start) - Math.abs(b - start) || a - b);
    let next = 0;
    let loaded = 0;
    const worker = async () => {
      while (next < order.length && isCurrent() && !this.destroyed) {
        const id = ids[order[next++]];
        try {
          await imageLoader.loadAndCacheImage(id, { priority: 0, requestType: csEnums.RequestType.Prefetch } as never);
          loaded++;
        } catch {
          // reported through IMAGE_LOAD_ERROR when the image is shown
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    return loaded;
  }

  /**
   * Plane geometry of every image of the stack, loading (and caching) the images not loaded yet,
   * two at a time. Null entries: images that failed or carry no geometry.
   */
  async planes(isCurrent: () => boolean): Promise<(PlaneInfo | null)[]> {
    const ids = this.imageIds;
    const result: (PlaneInfo | null)[] = new Array(ids.length).fill(null);
    let next = 0;
    const worker = async () => {
      while (next < ids.length && isCurrent() && !this.destroyed) {
        const i = next++;
        try {
          await imageLoader.loadAndCacheImage(ids[i]);
          result[i] = planeOf(ids[i]);
        } catch {
          result[i] = null;
        }
      }
    };
    await Promise.all([worker(), worker()]);
    return result;
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

  /** Canvas CSS px -> image pixel [col,row]; outside the image null, or with `clamp` the nearest edge point. */
  canvasToImage(cx: number, cy: number, clamp = false): [number, number] | null {
    const imageId = this.shownImageId();
    const image = this.viewport.getCornerstoneImage?.();
    if (!imageId || !image) return null;
    try {
      const p = csUtils.worldToImageCoords(imageId, this.viewport.canvasToWorld([cx, cy]));
      if (!p) return null;
      if (clamp) return [Math.min(image.columns, Math.max(0, p[0])), Math.min(image.rows, Math.max(0, p[1]))];
      if (p[0] < 0 || p[1] < 0 || p[0] > image.columns || p[1] > image.rows) return null;
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

  private onVoi = (e: Event): void => {
    const range = (e as CustomEvent<{ range?: VoiRange }>).detail?.range;
    this.cb.voiChanged(range);
  };

  /** UIDs of the measurement annotations drawn in this viewer's viewport */
  private readonly ownAnnotations = new Set<string>();

  // annotation events are global: react to ours only
  private onAnnotationAdded = (e: Event): void => {
    const d = (e as CustomEvent<{ annotation?: { annotationUID?: string; metadata?: { toolName?: string } }; renderingEngineId?: string }>).detail;
    const uid = d?.annotation?.annotationUID;
    if (uid && d.renderingEngineId === this.engine.id && MEASUREMENT_TOOLS[d.annotation?.metadata?.toolName ?? '']) {
      this.ownAnnotations.add(uid);
      this.cb.measurementsChanged();
    }
  };

  private onAnnotation = (e: Event): void => {
    const uid = (e as CustomEvent<{ annotation?: { annotationUID?: string } }>).detail?.annotation?.annotationUID;
    if (!uid || !this.ownAnnotations.has(uid)) return;
    if (e.type === toolsEnums.Events.ANNOTATION_REMOVED) this.ownAnnotations.delete(uid);
    this.cb.measurementsChanged();
  };

  private clearMeasurementsSilently(): void {
    const uids = [...this.ownAnnotations];
    this.ownAnnotations.clear();
    uids.forEach((uid) => { if (annotation.state.getAnnotation(uid)) annotation.state.removeAnnotation(uid); });
  }

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

function round(v: unknown, digits = 1): string {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '';
}

/** The same figures Cornerstone draws next to the annotation, as plain lines. */
function measurementLines(kind: Measurement['kind'], s: Record<string, unknown>): string[] {
  if (kind === 'length') return s.length === undefined ? [] : [`${round(s.length)} ${s.unit ?? ''}`.trim()];
  const unit = String(s.modalityUnit ?? '');
  return [
    `Area: ${round(s.area)} ${s.areaUnit ?? ''}`.trim(),
    `Mean: ${round(s.mean)} ${unit}`.trim(),
    `SD: ${round(s.stdDev)} ${unit}`.trim(),
  ];
}

function planeOf(imageId: string): PlaneInfo | null {
  const plane = metaData.get('imagePlaneModule', imageId) as {
    rows?: number; columns?: number; imageOrientationPatient?: number[]; imagePositionPatient?: number[];
  } | undefined;
  const series = metaData.get('generalSeriesModule', imageId) as { seriesInstanceUID?: string } | undefined;
  const multiframe = metaData.get('multiframeModule', imageId) as { NumberOfFrames?: number } | undefined;
  if (!plane?.imageOrientationPatient || !plane.imagePositionPatient || !plane.rows || !plane.columns) return null;
  return {
    seriesUid: series?.seriesInstanceUID ?? '',
    rows: plane.rows,
    columns: plane.columns,
    orientation: [...plane.imageOrientationPatient],
    position: [...plane.imagePositionPatient],
    frames: Number(multiframe?.NumberOfFrames ?? 1) || 1,
  };
}
