// <calibra-viewer>: a DICOM stack viewer for the Vaadin Flow component of the same tag
// (viewer/CalibraViewer.java). This element only holds the properties Java sets, the events it
// fires, its public functions and the rendering; what the viewer does lives in a framework-free
// ViewerController (internal/viewer-controller.ts) and the controllers it joins, Cornerstone in
// internal/cornerstone-*.ts, and the unit tests beside them (internal/*.test.ts).

import { LitElement, html, nothing, svg } from 'lit';
import type { PropertyValues } from 'lit';
import { CornerstoneMpr, releaseVolume } from './internal/cornerstone-mpr.js';
import { CornerstoneStack } from './internal/cornerstone-stack.js';
import { stackImageIds } from './internal/cornerstone-dicomweb.js';
import { drawPending, drawShape, drawStroke } from './internal/author-draw.js';
import { renderAuthorBar, renderFlagBanner } from './internal/author-toolbar.js';
import { drawAi, drawCursor, drawDraft, drawHeatmap, drawMark, drawTruth } from './internal/draw.js';
import { colouredHeatmap, rampGradient } from './internal/heatmap.js';
import { composeKeyImage } from './internal/key-image.js';
import type { KeyImage } from './internal/key-image.js';
import { MPR_PLANES } from './internal/mpr-planes.js';
import type { MprPlane } from './internal/mpr-planes.js';
import type { Measurement, ViewerDeps, ViewerHost } from './internal/ports.js';
import { viewerStyles } from './internal/styles.js';
import { renderHelp, renderMprPanes, renderToolbar } from './internal/toolbar.js';
import { ViewerController } from './internal/viewer-controller.js';

const PUBLIC_PROPERTIES = ['images', 'marks', 'aiMarks', 'truth', 'aiVisible', 'markingEnabled', 'modality', 'heatmaps',
  'authoring', 'truthShapes', 'aiShapes', 'flaggedImages'] as const;
type PublicProperty = typeof PUBLIC_PROPERTIES[number];
const DEFAULTS: Record<PublicProperty, string | boolean> = {
  images: '', marks: '', aiMarks: '', truth: '', aiVisible: false, markingEnabled: true, modality: '', heatmaps: '',
  authoring: '', truthShapes: '', aiShapes: '', flaggedImages: '',
};

/** Cornerstone and the browser as the controllers see them. */
const DEPS: ViewerDeps = {
  createStack: (viewport, callbacks) => CornerstoneStack.create(viewport, callbacks),
  createMpr: (volumeKey, imageIds, panes, callbacks) => CornerstoneMpr.create(volumeKey, imageIds, panes, callbacks),
  releaseVolume,
  stackImageIds,
  observeResize: (element, onResize) => {
    const observer = new ResizeObserver(onResize);
    observer.observe(element);
    return () => observer.disconnect();
  },
  colourHeatmap: colouredHeatmap,
  nextFrame: (callback) => requestAnimationFrame(callback),
};

/**
 * Reactive properties are declared with `static properties` and `declare` fields instead of decorators,
 * so the element behaves the same whatever the tsconfig says about experimentalDecorators /
 * useDefineForClassFields. The viewer's own state lives in the controller, which asks for an update
 * whenever it changes.
 */
export class CalibraViewer extends LitElement implements ViewerHost {
  static override properties = {
    images: { attribute: false },
    marks: { attribute: false },
    aiMarks: { attribute: false },
    truth: { attribute: false },
    aiVisible: { type: Boolean },
    markingEnabled: { type: Boolean },
    modality: { type: String },
    heatmaps: { attribute: false },
    authoring: { type: String },
    truthShapes: { attribute: false },
    aiShapes: { attribute: false },
    flaggedImages: { attribute: false },
  };

  static override styles = viewerStyles;

  /** JSON `[{url, frame, wadoRs?, metadata?}]`; frame is 0-based within a multi-frame file. */
  declare images: string;
  /** JSON `[{id, imageIndex, x, y, shape, width, height, label, confidence, selected, status}]` */
  declare marks: string;
  /** JSON `[{id, imageIndex, x, y, label, probability, status}]` */
  declare aiMarks: string;
  /** JSON `[{id, imageIndex, x, y, radius, label, detected, firstImage, lastImage}]`; set only after submission */
  declare truth: string;
  declare aiVisible: boolean;
  declare markingEnabled: boolean;
  /** DICOM modality ("CT", "MR", …) choosing the window presets; empty = read it from the images */
  declare modality: string;
  /** JSON `[{imageIndex, url}]`: 8-bit grayscale PNGs covering each image, drawn while the AI is visible */
  declare heatmaps: string;
  /** the layer the educator draws: "truth", "ai", or "" (both layers only shown) */
  declare authoring: string;
  /** JSON `[{id, label, shape, imageIndex, firstImage, lastImage, x, y, radius, width, height, points, contours, probability}]` */
  declare truthShapes: string;
  declare aiShapes: string;
  /** JSON `[imageIndex, …]`: images that may show burned-in patient text (a banner over them) */
  declare flaggedImages: string;

  private readonly controller: ViewerController;

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
    Object.assign(this, DEFAULTS, early);
    this.controller = new ViewerController(this, DEPS);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.controller.connected();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller.disconnected();
  }

  protected override firstUpdated(): void {
    // after this update cycle: setting up changes state
    queueMicrotask(() => this.controller.firstUpdated());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.controller.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.controller.updated(changed);
    this.setAttribute('data-heatmap-shown', String(!!this.renderRoot.querySelector('[data-testid=heatmap]')));
    for (const [name, value] of Object.entries(this.controller.attributes())) this.setAttribute(name, value);
  }

  // ---- public API (called from Java with callJsFunction and from tests) ----

  /** Camera, window/level and invert back to the image's defaults. */
  reset(): void {
    this.controller.reset();
  }

  /** Shows image `index` (0-based); resolves when it is drawn. */
  showImage(index: number): Promise<void> {
    return this.controller.showImage(index);
  }

  /** Selects shape `id` of the layer being drawn, as a click on it would, and shows its key image. */
  selectShape(id: string): Promise<void> {
    return this.controller.selectShape(id);
  }

  /** Client (viewport CSS) coordinates of image point (x, y), or null if that image is not shown. */
  imageToClient(imageIndex: number, x: number, y: number): { x: number; y: number } | null {
    return this.controller.imageToClient(imageIndex, x, y);
  }

  /** The measurements drawn (length, elliptical ROI), with the figures shown beside each. */
  measurements(): Measurement[] {
    return this.controller.measurements();
  }

  clearMeasurements(): void {
    this.controller.clearMeasurements();
  }

  /** Fires `key-image-captured {imageIndex, png, width, height}` with the view as shown (image and overlay). */
  captureKeyImage(): Promise<void> {
    return this.controller.captureKeyImage();
  }

  // ---- ViewerHost: what the controller asks of the element ----

  fire(name: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  setData(name: 'state' | 'imageIndex' | 'transport' | 'allLoaded', value: string | undefined): void {
    if (value === undefined) delete this.dataset[name];
    else this.dataset[name] = value;
  }

  viewport(): HTMLDivElement | null {
    return this.renderRoot.querySelector<HTMLDivElement>('.viewport');
  }

  mprPanes(): Record<MprPlane, HTMLDivElement> {
    return Object.fromEntries(MPR_PLANES.map((p) => [p,
      this.renderRoot.querySelector<HTMLDivElement>(`[data-testid=mpr-${p}] .vp`)!])) as Record<MprPlane, HTMLDivElement>;
  }

  focusViewer(): void {
    this.focus({ preventScroll: true });
  }

  focusHelpClose(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('[data-testid=help-close]')?.focus();
  }

  captureView(): Promise<KeyImage | null> {
    return composeKeyImage(this.viewport(), [this.renderRoot.querySelector<SVGSVGElement>('svg.overlay')]);
  }

  // ---- rendering ----

  private renderHeatmap() {
    const h = this.controller.findings.heatmap(this.aiVisible, this.controller.mpr.on, this.baseURI);
    return h ? drawHeatmap(h.href, h.columns, h.rows, h.matrix, h.opacity) : nothing;
  }

  protected override render() {
    const c = this.controller;
    const { layout, draft: d } = c.findings;
    const mpr = c.mpr.on;
    const count = c.stack.images.length;
    const elsewhere = layout.marksElsewhere;
    const heat = this.renderHeatmap();
    const pointer = (down: boolean) => () => { c.pointerDown = down; };
    const a = c.authoring;
    const bar = c.authorBarModel();
    const cursor = c.cursor.shown();
    return html`
      <div class="frame">
        ${renderToolbar(c.toolbarModel(), c.toolbarActions)}
        ${bar ? renderAuthorBar(bar, c.authorBarActions) : nothing}
        <div class="stage ${c.tools.tool === 'mark' || (c.tools.tool === 'author' && a.tool !== 'select') ? 'marking' : ''} ${count ? '' : 'empty'} ${mpr ? 'mpr' : ''}"
          @contextmenu=${(e: Event) => e.preventDefault()}
          @pointerdown=${() => { c.pointerDown = true; this.focusViewer(); }}
          @pointerup=${pointer(false)} @pointercancel=${pointer(false)} @pointerleave=${pointer(false)}>
          <div class="viewport" data-testid="viewport"></div>
          <svg class="overlay" data-testid="overlay" data-tick=${c.stack.geometryTick} aria-hidden="true">
            ${heat}
            ${layout.truth.map((p) => drawTruth(p.item, p.cx, p.cy, p.r, p.outline))}
            ${layout.ai.map((p) => drawAi(p.item, p.cx, p.cy))}
            ${layout.marks.map((p) => drawMark(p))}
            ${d ? drawDraft(c.tools.markShape, d.x0, d.y0, d.x1, d.y1) : svg``}
            ${a.placed.map((p) => drawShape(p))}
            ${drawPending(a.pendingCanvas, a.layer)}
            ${drawStroke(a.stroke, a.layer)}
            ${cursor ? drawCursor(cursor.at[0], cursor.at[1], cursor.anchor) : nothing}
          </svg>
          ${mpr ? renderMprPanes(c.mpr.state === 'loading') : nothing}
          ${heat !== nothing ? html`<div class="legend" data-testid="heatmap-legend">AI heatmap
            <span class="ramp" style="background:${rampGradient()}"></span></div>` : nothing}
          ${elsewhere && !mpr ? html`<div class="hint" data-testid="marks-elsewhere">${elsewhere} mark${elsewhere > 1 ? 's' : ''} on other images</div>` : nothing}
          ${c.flaggedShown ? renderFlagBanner() : nothing}
          ${c.hint ? html`<div class="hint top" role="status" data-testid="viewer-hint">${c.hint}</div>` : nothing}
          ${c.stack.message ? html`<div class="message ${c.stack.viewState === 'error' ? '' : 'info'}" role="alert"
            data-testid="viewer-message">${c.stack.message}</div>` : nothing}
          ${c.helpOpen ? renderHelp(c.toolbarActions, !!a.layer) : nothing}
        </div>
        <div class="sr-only" role="status" aria-live="polite" data-testid="viewer-announcement">${c.announcement}</div>
      </div>`;
  }
}

customElements.get('calibra-viewer') ?? customElements.define('calibra-viewer', CalibraViewer);

declare global {
  interface HTMLElementTagNameMap { 'calibra-viewer': CalibraViewer }
}
