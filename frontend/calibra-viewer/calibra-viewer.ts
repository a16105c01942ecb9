// <calibra-viewer>: a DICOM stack viewer for the Vaadin Flow component of the
// same tag. This file only holds properties, events, toolbar and overlay
// drawing; Cornerstone lives in internal/cornerstone-*.ts, pure logic in the
// other internal modules.

import { LitElement, html, nothing, svg } from 'lit';
import type { PropertyValues } from 'lit';
import { CornerstoneStack } from './internal/cornerstone-stack.js';
import type { Measurement, PrimaryTool } from './internal/cornerstone-stack.js';
import { CornerstoneMpr, MPR_PLANES, releaseVolume } from './internal/cornerstone-mpr.js';
import type { MprPlane, MprTool } from './internal/cornerstone-mpr.js';
import { detectClicks } from './internal/click-detector.js';
import { detectDrags } from './internal/drag-detector.js';
import { drawAi, drawDraft, drawHeatmap, drawMark, drawTruth } from './internal/draw.js';
import { describeError } from './internal/errors.js';
import { colouredHeatmap, rampGradient } from './internal/heatmap.js';
import type { ColouredHeatmap, HeatmapRef } from './internal/heatmap.js';
import { stackImageIds } from './internal/cornerstone-dicomweb.js';
import { MARK_SHAPES, parseAiMarks, parseHeatmaps, parseImages, parseMarks, parseTruth } from './internal/model.js';
import type { AiMark, ImageRef, Mark, MarkShape, TruthLesion } from './internal/model.js';
import { hitTestMarks, layoutOverlay } from './internal/overlay.js';
import type { OverlayLayout } from './internal/overlay.js';
import { presetForKey, presetsFor, toRange } from './internal/presets.js';
import type { VoiRange, WindowPreset } from './internal/presets.js';
import { actionForKey } from './internal/shortcuts.js';
import type { Action } from './internal/shortcuts.js';
import { viewerStyles } from './internal/styles.js';
import { renderHelp, renderMprPanes, renderToolbar } from './internal/toolbar.js';
import type { ToolbarActions, ToolbarModel } from './internal/toolbar.js';
import { nearestSlice, volumeGeometry } from './internal/volume-geometry.js';
import type { VolumeGeometry } from './internal/volume-geometry.js';

type ViewState = 'loading' | 'ready' | 'error';
type MprState = 'off' | 'loading' | 'ready' | 'error';
const PUBLIC_PROPERTIES = ['images', 'marks', 'aiMarks', 'truth', 'aiVisible', 'markingEnabled', 'modality', 'heatmaps'] as const;
type PublicProperty = typeof PUBLIC_PROPERTIES[number];
let viewerCounter = 0;

/**
 * Reactive properties are declared with `static properties` and `declare`
 * fields instead of decorators, so the element behaves the same whatever the
 * tsconfig says about experimentalDecorators / useDefineForClassFields.
 */
export class CalibraViewer extends LitElement {
  static override properties = {
    images: { attribute: false },
    marks: { attribute: false },
    aiMarks: { attribute: false },
    truth: { attribute: false },
    aiVisible: { type: Boolean },
    markingEnabled: { type: Boolean },
    modality: { type: String },
    heatmaps: { attribute: false },
    tool: { state: true },
    markShape: { state: true },
    index: { state: true },
    message: { state: true },
    geometryTick: { state: true },
    presetId: { state: true },
    inverted: { state: true },
    cinePlaying: { state: true },
    fps: { state: true },
    measurementCount: { state: true },
    heatmapOn: { state: true },
    heatmapOpacity: { state: true },
    helpOpen: { state: true },
    volume: { state: true },
    mprState: { state: true },
    mprTool: { state: true },
    draft: { state: true },
    hint: { state: true },
    mprSlice: { state: true },
  };

  /** JSON `[{url, frame}]`; frame is 0-based within a multi-frame file. */
  declare images: string;
  /** JSON `[{id, imageIndex, x, y, shape, width, height, label, confidence, selected, status}]` */
  declare marks: string;
  declare aiMarks: string;
  declare truth: string;
  declare aiVisible: boolean;
  declare markingEnabled: boolean;
  /** DICOM modality ("CT", "MR", …) choosing the window presets; empty = read it from the images */
  declare modality: string;
  /** JSON `[{imageIndex, url}]`: 8-bit grayscale PNGs covering each image, drawn while the AI is visible */
  declare heatmaps: string;
  declare private tool: PrimaryTool;
  declare private markShape: MarkShape;
  declare private index: number;
  declare private message: string;
  /** bumped whenever overlay positions may have moved */
  declare private geometryTick: number;
  declare private presetId: string;
  declare private inverted: boolean;
  declare private cinePlaying: boolean;
  declare private fps: number;
  declare private measurementCount: number;
  declare private heatmapOn: boolean;
  declare private heatmapOpacity: number;
  declare private helpOpen: boolean;
  /** the stack's volume geometry when it is one (MPR possible), else null */
  declare private volume: VolumeGeometry | null;
  declare private mprState: MprState;
  declare private mprTool: MprTool;
  /** shape being dragged out, canvas px */
  declare private draft: { x0: number; y0: number; x1: number; y1: number } | null;
  declare private hint: string;
  /** in MPR: the stack image nearest to the crosshair, where leaving MPR returns to */
  declare private mprSlice: number;

  private readonly instance = ++viewerCounter;
  private stack: CornerstoneStack | null = null;
  private mpr: CornerstoneMpr | null = null;
  private settingUp = false;
  private teardownTimer: ReturnType<typeof setTimeout> | undefined;
  private hintTimer: ReturnType<typeof setTimeout> | undefined;
  private resizeObserver: ResizeObserver | null = null;
  private stopClicks: (() => void) | null = null;
  private drags: { stop: () => void; cancel: () => void } | null = null;
  /** guards against an older images value finishing after a newer one */
  private stackGeneration = 0;
  private lastAnnouncedIndex = -1;
  private imageList: ImageRef[] = [];
  private markList: Mark[] = [];
  private aiList: AiMark[] = [];
  private truthList: TruthLesion[] = [];
  private heatmapList: HeatmapRef[] = [];
  private readonly colouredHeatmaps = new Map<string, ColouredHeatmap>();
  private layout: OverlayLayout = layoutOverlay(-1, null, [], [], false, []);
  /** a pointer is down on the image: VOI changes now come from the user's W/L drag */
  private pointerDown = false;

  constructor() {
    super();
    // Java may set properties before this module has loaded (lazy chunk); those values sit
    // as own properties that would hide Lit's accessors, so take them over
    const early: Partial<Record<PublicProperty, unknown>> = {};
    for (const name of PUBLIC_PROPERTIES) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        early[name] = this[name];
        delete (this as Partial<Record<PublicProperty, unknown>>)[name];
      }
    }
    this.images = '';
    this.marks = '';
    this.aiMarks = '';
    this.truth = '';
    this.aiVisible = false;
    this.markingEnabled = true;
    this.modality = '';
    this.heatmaps = '';
    this.tool = 'wl';
    this.markShape = 'point';
    this.index = -1;
    this.message = '';
    this.geometryTick = 0;
    this.presetId = 'default';
    this.inverted = false;
    this.cinePlaying = false;
    this.fps = 10;
    this.measurementCount = 0;
    this.heatmapOn = true;
    this.heatmapOpacity = 40;
    this.helpOpen = false;
    this.volume = null;
    this.mprState = 'off';
    this.mprTool = 'crosshair';
    this.draft = null;
    this.hint = '';
    this.mprSlice = -1;
    Object.assign(this, early);
  }

  static override styles = viewerStyles;

  private get viewportEl(): HTMLDivElement | null {
    return this.renderRoot.querySelector<HTMLDivElement>('.viewport');
  }

  private get mprOn(): boolean { return this.mprState !== 'off'; }

  /** Modality from the property, else from the shown image's header. */
  private get effectiveModality(): string {
    return this.modality?.trim() || this.stack?.modality() || '';
  }

  private get presets(): WindowPreset[] { return presetsFor(this.effectiveModality); }

  override connectedCallback(): void {
    super.connectedCallback();
    // Vaadin detaches and re-attaches during first render: keep what we have
    clearTimeout(this.teardownTimer);
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    if (!this.hasAttribute('data-state')) this.setViewState('loading');
    this.addEventListener('keydown', this.onKeyDown);
    // Lit runs firstUpdated only once: a later reconnect must set up again here
    if (this.hasUpdated) void this.setUp();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeyDown);
    // tearing down synchronously kills the viewport when Vaadin just moves the element
    clearTimeout(this.teardownTimer);
    this.teardownTimer = setTimeout(() => { if (!this.isConnected) this.tearDown(); }, 0);
  }

  protected override firstUpdated(): void {
    // after this update cycle: setting up changes reactive state
    queueMicrotask(() => void this.setUp());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('images')) this.imageList = parseImages(this.images);
    if (changed.has('marks')) this.markList = parseMarks(this.marks);
    if (changed.has('aiMarks')) this.aiList = parseAiMarks(this.aiMarks);
    if (changed.has('truth')) this.truthList = parseTruth(this.truth);
    if (changed.has('heatmaps')) this.heatmapList = parseHeatmaps(this.heatmaps);
    if (changed.has('markingEnabled') && !this.markingEnabled && this.tool === 'mark') this.selectTool('wl');
    if (changed.has('modality') && changed.get('modality') !== undefined) this.applyPreset('default');
    this.layout = layoutOverlay(this.index, this.stack ? (x, y) => this.stack!.imageToCanvas(x, y) : null,
      this.markList, this.aiList, this.aiVisible, this.truthList);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('images') && this.stack) queueMicrotask(() => void this.loadStack());
    this.setAttribute('data-heatmap-shown', String(!!this.renderRoot.querySelector('[data-testid=heatmap]')));
    this.setAttribute('data-preset', this.presetId);
    this.setAttribute('data-inverted', String(this.inverted));
    this.setAttribute('data-cine', String(this.cinePlaying));
    this.setAttribute('data-measurements', String(this.measurementCount));
    this.setAttribute('data-volume', String(!!this.volume));
    this.setAttribute('data-mpr', this.mprState);
    this.setAttribute('data-mpr-slice', String(this.mprOn ? this.mprSlice : -1));
    this.setAttribute('data-tool', this.mprOn ? this.mprTool : this.tool);
    this.setAttribute('data-mark-shape', this.markShape);
  }

  // ---- public API (called from Java with callJsFunction and from tests) ----

  /** Camera, window/level and invert back to the image's defaults. */
  reset(): void {
    this.stack?.reset();
    this.presetId = 'default';
    this.inverted = false;
    this.mpr?.reset(null, false);
  }

  /** Shows image `index` (0-based); resolves when it is drawn. */
  async showImage(index: number): Promise<void> {
    if (!this.stack) throw new Error('viewer not ready');
    if (!Number.isInteger(index) || index < 0 || index >= this.imageList.length) {
      throw new RangeError(`no image ${index} (0-based) in a stack of ${this.imageList.length}`);
    }
    try {
      await this.stack.showImage(index);
      if (this.message) this.clearError();
    } catch (e) {
      this.fail(index, e);
      throw e;
    }
  }

  /** Client (viewport CSS) coordinates of image point (x, y), or null if that image is not shown. */
  imageToClient(imageIndex: number, x: number, y: number): { x: number; y: number } | null {
    if (!this.stack || this.mprOn || imageIndex !== this.stack.currentIndex) return null;
    const c = this.stack.imageToCanvas(x, y);
    if (!c) return null;
    const rect = this.viewportEl!.getBoundingClientRect();
    return { x: rect.left + c[0], y: rect.top + c[1] };
  }

  /** The measurements drawn (length, elliptical ROI), with the figures shown beside each. */
  measurements(): Measurement[] {
    return this.stack?.measurements() ?? [];
  }

  clearMeasurements(): void {
    this.stack?.clearMeasurements();
  }

  // ---- lifecycle ----

  private async setUp(): Promise<void> {
    const viewportEl = this.viewportEl;
    if (this.stack || this.settingUp || !viewportEl) return;
    this.settingUp = true;
    try {
      const stack = await CornerstoneStack.create(viewportEl, {
        imageShown: (i) => this.onImageShown(i),
        geometryChanged: () => { this.geometryTick++; },
        loadFailed: (i, message) => this.fail(i, message),
        voiChanged: () => { if (this.pointerDown) this.presetId = 'custom'; },
        measurementsChanged: () => { this.measurementCount = this.stack?.measurements().length ?? 0; },
      });
      if (!this.isConnected) { stack.destroy(); return; } // went away while initialising
      this.stack = stack;
      stack.setPrimaryTool(this.tool);
      this.resizeObserver = new ResizeObserver(() => { this.stack?.resize(); this.mpr?.resize(); });
      this.resizeObserver.observe(viewportEl);
      this.stopClicks = detectClicks(viewportEl, (x, y, button) => {
        const r = viewportEl.getBoundingClientRect();
        this.onCanvasClick([x - r.left, y - r.top], button);
      });
      this.drags = detectDrags(viewportEl, this.dragHandlers(viewportEl));
      await this.loadStack();
    } catch (e) {
      this.fail(-1, e);
    } finally {
      this.settingUp = false;
    }
  }

  private tearDown(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.stopClicks?.();
    this.stopClicks = null;
    this.drags?.stop();
    this.drags = null;
    this.closeMpr();
    releaseVolume(this.volumeKey);
    this.stack?.destroy();
    this.stack = null;
    this.index = -1;
    this.cinePlaying = false;
    this.stackGeneration++;
  }

  private get volumeKey(): string { return `calibra-${this.instance}-${this.stackGeneration}`; }

  private async loadStack(): Promise<void> {
    const stack = this.stack;
    if (!stack) return;
    this.closeMpr();
    releaseVolume(this.volumeKey);
    const generation = ++this.stackGeneration;
    mark('calibra-stack-start');
    this.setViewState('loading');
    this.message = '';
    this.lastAnnouncedIndex = -1;
    this.index = -1;
    this.volume = null;
    this.cinePlaying = false;
    this.measurementCount = 0;
    this.presetId = 'default';
    this.inverted = false;
    if (!this.imageList.length) {
      await stack.setStack([]);
      this.message = 'No images';
      return; // stays "loading": Java may still be sending the list
    }
    try {
      const ids = await stackImageIds(this.imageList, document.baseURI);
      if (generation !== this.stackGeneration) return;
      this.dataset.transport = ids.every((id) => id.startsWith('wadors:')) ? 'wadors'
        : ids.some((id) => id.startsWith('wadors:')) ? 'mixed' : 'wadouri';
      delete this.dataset.allLoaded;
      await stack.setStack(ids, 0);
      if (generation !== this.stackGeneration) return;
      mark('calibra-first-image');
      this.setViewState('ready');
      this.onImageShown(stack.currentIndex);
      void this.prefetchThenDetectVolume(generation);
    } catch (e) {
      if (generation === this.stackGeneration) this.fail(0, e);
    }
  }

  /** Loads the rest of the stack in order (scrolling is then instant), then checks whether it is a volume. */
  private async prefetchThenDetectVolume(generation: number): Promise<void> {
    const loaded = await this.stack!.prefetch(() => generation === this.stackGeneration);
    if (generation !== this.stackGeneration) return;
    mark('calibra-all-loaded');
    this.dataset.allLoaded = String(loaded);
    await this.detectVolume(generation);
  }

  /** MPR needs a volume: several single-frame images of one series with regular geometry. */
  private async detectVolume(generation: number): Promise<void> {
    const list = this.imageList;
    if (list.length < 3 || list.some((im) => im.frame !== 0) || new Set(list.map((im) => im.url)).size !== list.length) return;
    const planes = await this.stack!.planes(() => generation === this.stackGeneration);
    if (generation !== this.stackGeneration) return;
    const geometry = volumeGeometry(planes);
    if (typeof geometry === 'string') {
      console.info('[calibra-viewer] no MPR:', geometry);
      return;
    }
    this.volume = geometry;
  }

  // ---- Cornerstone callbacks ----

  private onImageShown(index: number): void {
    if (index < 0) return;
    this.index = index;
    this.setAttribute('data-image-index', String(index));
    // a good image after a failed one (e.g. wheel scroll) ends the error state
    if (this.dataset.state === 'error') this.clearError();
    // announce only once the stack is ready, so Java never hears about a half-loaded stack
    if (this.dataset.state !== 'loading' && index !== this.lastAnnouncedIndex) {
      this.lastAnnouncedIndex = index;
      this.fire('image-changed', { imageIndex: index, count: this.imageList.length });
    }
  }

  private onCanvasClick(canvas: [number, number], button: number): void {
    if (!this.stack || this.index < 0 || this.mprOn) return;
    const mark = hitTestMarks(this.layout, canvas[0], canvas[1]);
    if (mark) {
      this.fire('mark-selected', { id: mark.id });
      return;
    }
    if (this.tool !== 'mark' || !this.markingEnabled || button !== 0) return;
    if (this.markShape !== 'point') {
      this.showHint(`Drag to draw ${this.markShape === 'ellipse' ? 'an ellipse' : 'a box'} around the finding`);
      return;
    }
    const p = this.stack.canvasToImage(canvas[0], canvas[1]);
    if (p) this.fire('mark-placed', { imageIndex: this.index, x: p[0], y: p[1], shape: 'point', width: 0, height: 0 });
  }

  /** Drags draw ellipse/box findings; the result is the shape's centre and full extents in image pixels. */
  private dragHandlers(viewportEl: HTMLDivElement) {
    const local = (x: number, y: number): [number, number] => {
      const r = viewportEl.getBoundingClientRect();
      return [x - r.left, y - r.top];
    };
    return {
      accept: (x: number, y: number) => this.tool === 'mark' && this.markingEnabled && this.markShape !== 'point'
        && !this.mprOn && this.index >= 0 && !!this.stack?.canvasToImage(...local(x, y)),
      move: (x0: number, y0: number, x1: number, y1: number) => {
        const [a, b] = [local(x0, y0), local(x1, y1)];
        this.draft = { x0: a[0], y0: a[1], x1: b[0], y1: b[1] };
      },
      end: (x0: number, y0: number, x1: number, y1: number) => {
        this.draft = null;
        const stack = this.stack;
        if (!stack || this.tool !== 'mark') return;
        const p0 = stack.canvasToImage(...local(x0, y0), true);
        const p1 = stack.canvasToImage(...local(x1, y1), true);
        if (!p0 || !p1) return;
        const width = Math.abs(p1[0] - p0[0]);
        const height = Math.abs(p1[1] - p0[1]);
        if (width < 1 || height < 1) {
          this.showHint('Too small: drag a larger shape');
          return;
        }
        this.fire('mark-placed', { imageIndex: this.index, x: (p0[0] + p1[0]) / 2, y: (p0[1] + p1[1]) / 2,
          shape: this.markShape, width, height });
      },
      cancel: () => { this.draft = null; },
    };
  }

  private fail(index: number, error: unknown): void {
    const reason = describeError(error);
    const which = index >= 0 && this.imageList.length ? `image ${index + 1} of ${this.imageList.length}` : 'the viewer';
    const message = `Could not load ${which}: ${reason}`;
    if (message === this.message) return; // same failure seen via event and promise
    this.message = message;
    this.setViewState('error');
    this.fire('viewer-error', { message });
  }

  private clearError(): void {
    this.message = '';
    this.setViewState('ready');
  }

  // ---- actions ----

  private selectTool(tool: PrimaryTool): void {
    if (tool === 'mark' && (!this.markingEnabled || this.mprOn)) {
      if (this.mprOn) this.showHint('Findings are marked on the acquired slices: leave MPR (v) to mark');
      return;
    }
    if (this.mprOn && (tool === 'length' || tool === 'roi')) {
      this.showHint('Measurements work on the acquired slices: leave MPR (v) to measure');
      return;
    }
    if (this.mprOn && (tool === 'wl' || tool === 'pan' || tool === 'zoom')) {
      this.selectMprTool(tool);
      return;
    }
    this.drags?.cancel();
    this.tool = tool;
    this.stack?.setPrimaryTool(tool);
  }

  private selectMprTool(tool: MprTool): void {
    this.mprTool = tool;
    this.mpr?.setPrimaryTool(tool);
  }

  private selectShape(shape: MarkShape): void {
    this.markShape = shape;
    this.selectTool('mark');
  }

  private applyPreset(id: string): void {
    const preset = this.presets.find((p) => p.id === id);
    if (!preset || !this.stack) return;
    let range: VoiRange | null = null;
    if (preset.width !== undefined && preset.level !== undefined) range = toRange(preset.width, preset.level);
    else if (preset.id === 'auto') range = this.stack.fullRange();
    this.stack.setVoiRange(range);
    this.mpr?.setDisplay(range, this.inverted);
    this.presetId = preset.id;
  }

  private toggleInvert(): void {
    if (!this.stack || this.index < 0) return;
    this.inverted = !this.inverted;
    this.stack.setInverted(this.inverted);
    if (this.mpr) this.mpr.setDisplay(this.currentRange(), this.inverted);
  }

  /** The window the stack shows now, null for the image's own. */
  private currentRange(): VoiRange | null {
    return this.presetId === 'default' ? null : this.stack?.voiRange ?? null;
  }

  private toggleCine(): void {
    if (!this.stack || this.imageList.length < 2 || this.mprOn) return;
    if (this.stack.cinePlaying) this.stack.stopCine();
    else this.stack.playCine(this.fps);
    this.cinePlaying = this.stack.cinePlaying;
  }

  private setFps(fps: number): void {
    this.fps = Math.min(30, Math.max(1, Math.round(fps)));
    if (this.stack?.cinePlaying) this.stack.playCine(this.fps);
  }

  private step(delta: number): void {
    const count = this.imageList.length;
    if (!this.stack || !count || this.index < 0 || this.mprOn) return;
    const next = Math.min(count - 1, Math.max(0, this.index + delta));
    if (next !== this.index) this.showImage(next).catch(() => { /* shown in the element */ });
  }

  private requestDelete(): void {
    const selected = this.markList.find((m) => m.selected);
    if (!selected || !this.markingEnabled) return;
    this.fire('mark-delete-requested', { id: selected.id });
  }

  private async toggleMpr(): Promise<void> {
    if (this.mprOn) {
      this.updateMprSlice();
      const slice = this.mpr ? this.mprSlice : -1;
      this.closeMpr();
      await this.updateComplete;
      this.stack?.resize();
      if (slice >= 0) await this.showImage(slice).catch(() => { /* shown in the element */ });
      return;
    }
    if (!this.volume || !this.stack) return;
    this.stack.stopCine();
    this.cinePlaying = false;
    this.drags?.cancel();
    this.mprState = 'loading';
    this.mprTool = 'crosshair';
    await this.updateComplete;
    const elements = Object.fromEntries(MPR_PLANES.map((p) => [p,
      this.renderRoot.querySelector<HTMLDivElement>(`[data-testid=mpr-${p}] .vp`)!])) as Record<MprPlane, HTMLDivElement>;
    const generation = this.stackGeneration;
    try {
      let pending = false;
      const mpr = await CornerstoneMpr.create(this.volumeKey, [...this.stack.stackImageIds], elements, {
        // the crosshair tool recomputes its centre after moving the cameras: read it a frame later
        cameraChanged: () => {
          if (pending) return;
          pending = true;
          requestAnimationFrame(() => { pending = false; this.updateMprSlice(); });
        },
        // a W/L drag in MPR: the stack takes the window too, so leaving MPR keeps it
        voiChanged: (range) => {
          this.presetId = 'custom';
          this.stack?.setVoiRange(range);
        },
      });
      if (generation !== this.stackGeneration || this.mprState !== 'loading') { mpr.destroy(); return; }
      this.mpr = mpr;
      mpr.setDisplay(this.currentRange(), this.inverted);
      this.mprState = 'ready';
      this.updateMprSlice();
    } catch (e) {
      console.warn('[calibra-viewer] MPR failed', e);
      this.mprState = 'error';
      this.showHint(`MPR could not be shown: ${describeError(e)}`);
    }
  }

  private updateMprSlice(): void {
    if (this.mpr && this.volume) this.mprSlice = nearestSlice(this.volume, this.mpr.centre());
  }

  private closeMpr(): void {
    this.mpr?.destroy();
    this.mpr = null;
    this.mprState = 'off';
  }

  private showHint(text: string): void {
    this.hint = text;
    clearTimeout(this.hintTimer);
    this.hintTimer = setTimeout(() => { this.hint = ''; }, 4000);
  }

  private openHelp(): void {
    this.helpOpen = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('[data-testid=help-close]')?.focus());
  }

  private closeHelp(): void {
    this.helpOpen = false;
    this.focus({ preventScroll: true });
  }

  private run(action: Action, key: string): boolean {
    const act: Partial<Record<Action, () => void>> = {
      prev: () => this.step(-1), next: () => this.step(1),
      wl: () => this.selectTool('wl'), pan: () => this.selectTool('pan'), zoom: () => this.selectTool('zoom'),
      // m again cycles the shape of the next finding
      mark: () => (this.tool === 'mark' && !this.mprOn
        ? this.selectShape(MARK_SHAPES[(MARK_SHAPES.indexOf(this.markShape) + 1) % MARK_SHAPES.length])
        : this.selectTool('mark')),
      length: () => this.selectTool('length'), roi: () => this.selectTool('roi'),
      'clear-measurements': () => this.clearMeasurements(),
      reset: () => this.reset(), invert: () => this.toggleInvert(), cine: () => this.toggleCine(),
      preset: () => { const p = presetForKey(this.presets, key); if (p) this.applyPreset(p.id); },
      heatmap: () => { this.heatmapOn = !this.heatmapOn; },
      mpr: () => void this.toggleMpr(),
      crosshair: () => { if (this.mprOn) this.selectMprTool('crosshair'); },
      help: () => this.openHelp(),
      'delete-mark': () => this.requestDelete(),
      close: () => { if (this.helpOpen) this.closeHelp(); else this.drags?.cancel(); },
    };
    const fn = act[action];
    if (!fn) return false;
    fn();
    return true;
  }

  private onKeyDown = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    // form controls in the toolbar keep their own keys (digits in a select, arrows on a slider)
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const tag = target?.tagName;
    if ((tag === 'SELECT' || tag === 'INPUT') && e.key !== 'Escape') return;
    if (e.key === ' ' && tag === 'BUTTON') return; // space presses the focused button
    const action = actionForKey(e.key);
    if (!action) return;
    if (this.helpOpen && action !== 'close' && action !== 'help') return; // the dialog is modal
    if (this.run(action, e.key)) e.preventDefault(); // arrows and space would scroll the page
  };

  private setViewState(s: ViewState): void {
    this.setAttribute('data-state', s);
  }

  private fire(name: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  // ---- rendering ----

  /** The toolbar's view of the element's state and what its controls do. */
  private readonly toolbarActions: ToolbarActions = {
    selectTool: (t) => this.selectTool(t), selectMprTool: (t) => this.selectMprTool(t), selectShape: (s) => this.selectShape(s),
    clearMeasurements: () => this.clearMeasurements(), applyPreset: (id) => this.applyPreset(id),
    toggleInvert: () => this.toggleInvert(), reset: () => this.reset(), step: (d) => this.step(d),
    toggleCine: () => this.toggleCine(), setFps: (fps) => this.setFps(fps),
    toggleHeatmap: () => { this.heatmapOn = !this.heatmapOn; },
    setHeatmapOpacity: (percent) => { this.heatmapOpacity = percent; },
    toggleMpr: () => void this.toggleMpr(), openHelp: () => this.openHelp(), closeHelp: () => this.closeHelp(),
  };

  private toolbarModel(): ToolbarModel {
    return {
      tool: this.tool, mprTool: this.mprTool, mpr: this.mprOn, mprSlice: this.mprSlice,
      markingEnabled: this.markingEnabled, markShape: this.markShape, measurementCount: this.measurementCount,
      presets: this.presets, presetId: this.presetId, inverted: this.inverted,
      index: this.index, count: this.imageList.length, cinePlaying: this.cinePlaying, fps: this.fps,
      heatmapAvailable: this.heatmapList.length > 0 && this.aiVisible, heatmapOn: this.heatmapOn,
      heatmapOpacity: this.heatmapOpacity, volume: !!this.volume,
    };
  }

  /** The heatmap of the shown image, stretched over the image's extent (image space -> canvas). */
  private renderHeatmap() {
    if (!this.aiVisible || !this.heatmapOn || this.mprOn || this.index < 0 || !this.stack) return nothing;
    const ref = this.heatmapList.find((h) => h.imageIndex === this.index);
    if (!ref) return nothing;
    const url = new URL(ref.url, document.baseURI).href;
    const coloured = this.colouredHeatmaps.get(url);
    if (!coloured) {
      colouredHeatmap(url).then((c) => { this.colouredHeatmaps.set(url, c); this.requestUpdate(); })
        .catch((e) => console.warn('[calibra-viewer] heatmap not shown:', describeError(e)));
      return nothing;
    }
    const size = this.stack.imageSize();
    const o = this.stack.imageToCanvas(0, 0);
    const ex = size && this.stack.imageToCanvas(size[0], 0);
    const ey = size && this.stack.imageToCanvas(0, size[1]);
    if (!size || !o || !ex || !ey) return nothing;
    const [cols, rows] = size;
    const matrix = [(ex[0] - o[0]) / cols, (ex[1] - o[1]) / cols, (ey[0] - o[0]) / rows, (ey[1] - o[1]) / rows, o[0], o[1]];
    return drawHeatmap(coloured.href, cols, rows, matrix, this.heatmapOpacity / 100);
  }

  protected override render() {
    const count = this.imageList.length;
    const elsewhere = this.layout.marksElsewhere;
    const d = this.draft;
    const heat = this.renderHeatmap();
    return html`
      <div class="frame">
        ${renderToolbar(this.toolbarModel(), this.toolbarActions)}
        <div class="stage ${this.tool === 'mark' ? 'marking' : ''} ${count ? '' : 'empty'} ${this.mprOn ? 'mpr' : ''}"
          @contextmenu=${(e: Event) => e.preventDefault()}
          @pointerdown=${() => { this.pointerDown = true; this.focus({ preventScroll: true }); }}
          @pointerup=${() => { this.pointerDown = false; }} @pointercancel=${() => { this.pointerDown = false; }}
          @pointerleave=${() => { this.pointerDown = false; }}>
          <div class="viewport" data-testid="viewport"></div>
          <svg class="overlay" data-testid="overlay" data-tick=${this.geometryTick} aria-hidden="true">
            ${heat}
            ${this.layout.truth.map((p) => drawTruth(p.item, p.cx, p.cy, p.r))}
            ${this.layout.ai.map((p) => drawAi(p.item, p.cx, p.cy))}
            ${this.layout.marks.map((p) => drawMark(p))}
            ${d ? drawDraft(this.markShape, d.x0, d.y0, d.x1, d.y1) : svg``}
          </svg>
          ${this.mprOn ? renderMprPanes(this.mprState === 'loading') : nothing}
          ${heat !== nothing ? html`<div class="legend" data-testid="heatmap-legend">AI heatmap
            <span class="ramp" style="background:${rampGradient()}"></span></div>` : nothing}
          ${elsewhere && !this.mprOn ? html`<div class="hint" data-testid="marks-elsewhere">${elsewhere} mark${elsewhere > 1 ? 's' : ''} on other images</div>` : nothing}
          ${this.hint ? html`<div class="hint top" role="status" data-testid="viewer-hint">${this.hint}</div>` : nothing}
          ${this.message ? html`<div class="message ${this.dataset.state === 'error' ? '' : 'info'}" role="alert"
            data-testid="viewer-message">${this.message}</div>` : nothing}
          ${this.helpOpen ? renderHelp(this.toolbarActions) : nothing}
        </div>
      </div>`;
  }
}

customElements.get('calibra-viewer') ?? customElements.define('calibra-viewer', CalibraViewer);

declare global {
  interface HTMLElementTagNameMap { 'calibra-viewer': CalibraViewer }
}

/** Performance marks for benchmarks and tests (bench/dicomweb.sh reads them through Selenium). */
function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // marks are optional
  }
}
