// <calibra-viewer>: a DICOM stack viewer for the Vaadin Flow component of the
// same tag. This file only holds properties, events, toolbar and overlay
// drawing; Cornerstone lives in internal/cornerstone-stack.ts.

import { LitElement, css, html, nothing, svg, unsafeCSS } from 'lit';
import type { PropertyValues } from 'lit';
import { CornerstoneStack } from './internal/cornerstone-stack.js';
import type { PrimaryTool } from './internal/cornerstone-stack.js';
import { detectClicks } from './internal/click-detector.js';
import { describeError } from './internal/errors.js';
import { toImageId } from './internal/image-ids.js';
import { parseAiMarks, parseImages, parseMarks, parseTruth } from './internal/model.js';
import type { AiMark, ImageRef, Mark, TruthLesion } from './internal/model.js';
import { hitTestMarks, layoutOverlay } from './internal/overlay.js';
import type { OverlayLayout } from './internal/overlay.js';

// Okabe–Ito colours, distinguishable with the common colour-vision deficiencies
const BLUE = '#0072B2';
const ORANGE = '#E69F00';
const GREEN = '#009E73';
const VERMILLION = '#D55E00';
const cssBlue = unsafeCSS(BLUE);
const cssVermillion = unsafeCSS(VERMILLION);

type ViewState = 'loading' | 'ready' | 'error';
const PUBLIC_PROPERTIES = ['images', 'marks', 'aiMarks', 'truth', 'aiVisible', 'markingEnabled'] as const;
type PublicProperty = typeof PUBLIC_PROPERTIES[number];

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
    tool: { state: true },
    index: { state: true },
    message: { state: true },
    geometryTick: { state: true },
  };

  /** JSON `[{url, frame}]`; frame is 0-based within a multi-frame file. */
  declare images: string;
  declare marks: string;
  declare aiMarks: string;
  declare truth: string;
  declare aiVisible: boolean;
  declare markingEnabled: boolean;
  declare private tool: PrimaryTool;
  declare private index: number;
  declare private message: string;
  /** bumped whenever overlay positions may have moved */
  declare private geometryTick: number;

  private stack: CornerstoneStack | null = null;
  private settingUp = false;
  private teardownTimer: ReturnType<typeof setTimeout> | undefined;
  private resizeObserver: ResizeObserver | null = null;
  private stopClicks: (() => void) | null = null;
  /** guards against an older images value finishing after a newer one */
  private stackGeneration = 0;
  private lastAnnouncedIndex = -1;
  private imageList: ImageRef[] = [];
  private markList: Mark[] = [];
  private aiList: AiMark[] = [];
  private truthList: TruthLesion[] = [];
  private layout: OverlayLayout = layoutOverlay(-1, null, [], [], false, []);

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
    this.tool = 'wl';
    this.index = -1;
    this.message = '';
    this.geometryTick = 0;
    Object.assign(this, early);
  }

  private get viewportEl(): HTMLDivElement | null {
    return this.renderRoot.querySelector<HTMLDivElement>('.viewport');
  }

  static override styles = css`
    :host { display: block; width: 100%; height: 100%; position: relative; background: #000;
      color: #eee; font: 13px/1.3 system-ui, sans-serif; outline: none; }
    :host(:focus-visible) { box-shadow: inset 0 0 0 2px ${cssBlue}; }
    .frame { position: absolute; inset: 0; display: flex; flex-direction: column; }
    .toolbar { display: flex; align-items: center; gap: 2px; padding: 3px 4px; background: #1b1d21;
      flex: none; flex-wrap: wrap; }
    .toolbar button { background: #2b2e34; color: #eee; border: 1px solid #3c4048; border-radius: 3px;
      padding: 2px 8px; font: inherit; cursor: pointer; min-height: 26px; }
    .toolbar button[aria-pressed='true'] { background: ${cssBlue}; border-color: ${cssBlue}; color: #fff; }
    .toolbar button:disabled { opacity: .4; cursor: default; }
    .toolbar .sep { width: 8px; }
    .counter { min-width: 4.5em; text-align: center; font-variant-numeric: tabular-nums; }
    .stage { position: relative; flex: 1; min-height: 0; overflow: hidden; }
    .viewport { position: absolute; inset: 0; }
    .stage.empty .viewport { visibility: hidden; } /* Cornerstone keeps the last image otherwise */
    .stage.marking .viewport { cursor: crosshair; }
    svg.overlay { position: absolute; inset: 0; width: 100%; height: 100%; pointer-events: none;
      overflow: visible; }
    svg text { font: 600 12px system-ui, sans-serif; paint-order: stroke; stroke: #000;
      stroke-width: 3px; stroke-linejoin: round; }
    .hint { position: absolute; left: 6px; bottom: 6px; padding: 1px 6px; border-radius: 3px;
      background: rgba(0, 0, 0, .6); pointer-events: none; }
    .message { position: absolute; left: 50%; top: 40%; transform: translate(-50%, -50%);
      max-width: 80%; padding: 8px 12px; border-radius: 4px; background: rgba(0, 0, 0, .8);
      border: 1px solid ${cssVermillion}; pointer-events: none; text-align: center; }
    .message.info { border-color: #555; }
  `;

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
    if (changed.has('markingEnabled') && !this.markingEnabled && this.tool === 'mark') this.selectTool('wl');
    this.layout = layoutOverlay(this.index, this.stack ? (x, y) => this.stack!.imageToCanvas(x, y) : null,
      this.markList, this.aiList, this.aiVisible, this.truthList);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('images') && this.stack) queueMicrotask(() => void this.loadStack());
  }

  // ---- public API (called from Java with callJsFunction and from tests) ----

  /** Camera and window/level back to the image's defaults. */
  reset(): void {
    this.stack?.reset();
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
    if (!this.stack || imageIndex !== this.stack.currentIndex) return null;
    const c = this.stack.imageToCanvas(x, y);
    if (!c) return null;
    const rect = this.viewportEl!.getBoundingClientRect();
    return { x: rect.left + c[0], y: rect.top + c[1] };
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
      });
      if (!this.isConnected) { stack.destroy(); return; } // went away while initialising
      this.stack = stack;
      stack.setPrimaryTool(this.tool);
      this.resizeObserver = new ResizeObserver(() => this.stack?.resize());
      this.resizeObserver.observe(viewportEl);
      this.stopClicks = detectClicks(viewportEl, (x, y, button) => {
        const r = viewportEl.getBoundingClientRect();
        this.onCanvasClick([x - r.left, y - r.top], button);
      });
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
    this.stack?.destroy();
    this.stack = null;
    this.index = -1;
    this.stackGeneration++;
  }

  private async loadStack(): Promise<void> {
    const stack = this.stack;
    if (!stack) return;
    const generation = ++this.stackGeneration;
    const ids = this.imageList.map((im) => toImageId(im.url, im.frame, document.baseURI));
    this.setViewState('loading');
    this.message = '';
    this.lastAnnouncedIndex = -1;
    this.index = -1;
    if (!ids.length) {
      await stack.setStack([]);
      this.message = 'No images';
      return; // stays "loading": Java may still be sending the list
    }
    try {
      await stack.setStack(ids, 0);
      if (generation !== this.stackGeneration) return;
      this.setViewState('ready');
      this.onImageShown(stack.currentIndex);
    } catch (e) {
      if (generation === this.stackGeneration) this.fail(0, e);
    }
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
    if (!this.stack || this.index < 0) return;
    const mark = hitTestMarks(this.layout, canvas[0], canvas[1]);
    if (mark) {
      this.fire('mark-selected', { id: mark.id });
      return;
    }
    if (this.tool !== 'mark' || !this.markingEnabled || button !== 0) return;
    const p = this.stack.canvasToImage(canvas[0], canvas[1]);
    if (p) this.fire('mark-placed', { imageIndex: this.index, x: p[0], y: p[1] });
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

  // ---- UI ----

  private selectTool(tool: PrimaryTool): void {
    if (tool === 'mark' && !this.markingEnabled) return;
    this.tool = tool;
    this.stack?.setPrimaryTool(tool);
  }

  private step(delta: number): void {
    const count = this.imageList.length;
    if (!this.stack || !count || this.index < 0) return;
    const next = Math.min(count - 1, Math.max(0, this.index + delta));
    if (next !== this.index) this.showImage(next).catch(() => { /* shown in the element */ });
  }

  private onKeyDown = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const actions: Record<string, () => void> = {
      ArrowUp: () => this.step(-1), ArrowDown: () => this.step(1),
      r: () => this.reset(), m: () => this.selectTool('mark'), w: () => this.selectTool('wl'),
    };
    const action = actions[e.key.length === 1 ? e.key.toLowerCase() : e.key];
    if (!action) return;
    e.preventDefault(); // arrows would scroll the page
    action();
  };

  private setViewState(s: ViewState): void {
    this.setAttribute('data-state', s);
  }

  private fire(name: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private toolButton(tool: PrimaryTool, label: string, text: string, key: string) {
    return html`<button data-testid="tool-${tool}" aria-label="${label}" title="${label} (${key})"
      aria-pressed="${this.tool === tool}" @click=${() => this.selectTool(tool)}>${text}</button>`;
  }

  protected override render() {
    const count = this.imageList.length;
    const shown = this.index >= 0 ? this.index + 1 : 0;
    const elsewhere = this.layout.marksElsewhere;
    return html`
      <div class="frame">
        <div class="toolbar" role="toolbar" aria-label="Viewer tools">
          ${this.toolButton('wl', 'Window/Level', 'W/L', 'w')}
          ${this.toolButton('pan', 'Pan', 'Pan', 'middle drag')}
          ${this.toolButton('zoom', 'Zoom', 'Zoom', 'right drag')}
          ${this.markingEnabled ? this.toolButton('mark', 'Mark a finding', 'Mark', 'm') : nothing}
          <button data-testid="reset" aria-label="Reset view" title="Reset view (r)" @click=${() => this.reset()}>Reset</button>
          <span class="sep"></span>
          <button data-testid="prev-image" aria-label="Previous image" ?disabled=${this.index <= 0}
            @click=${() => this.step(-1)}>‹</button>
          <span class="counter" data-testid="image-counter" aria-live="polite">${shown} / ${count}</span>
          <button data-testid="next-image" aria-label="Next image" ?disabled=${this.index < 0 || this.index >= count - 1}
            @click=${() => this.step(1)}>›</button>
        </div>
        <div class="stage ${this.tool === 'mark' ? 'marking' : ''} ${count ? '' : 'empty'}" @contextmenu=${(e: Event) => e.preventDefault()}
          @pointerdown=${() => this.focus({ preventScroll: true })}>
          <div class="viewport" data-testid="viewport"></div>
          <svg class="overlay" data-testid="overlay" data-tick=${this.geometryTick} aria-hidden="true">
            ${this.layout.truth.map((p) => this.drawTruth(p.item, p.cx, p.cy, p.r))}
            ${this.layout.ai.map((p) => this.drawAi(p.item, p.cx, p.cy))}
            ${this.layout.marks.map((p) => this.drawMark(p.item, p.cx, p.cy, p.number ?? 0))}
          </svg>
          ${elsewhere ? html`<div class="hint" data-testid="marks-elsewhere">${elsewhere} mark${elsewhere > 1 ? 's' : ''} on other images</div>` : nothing}
          ${this.message ? html`<div class="message ${this.dataset.state === 'error' ? '' : 'info'}" role="alert"
            data-testid="viewer-message">${this.message}</div>` : nothing}
        </div>
      </div>`;
  }

  private drawMark(m: Mark, x: number, y: number, n: number) {
    const w = m.selected ? 4 : 2;
    return svg`<g data-testid="mark-${m.id}" data-status=${m.status ?? 'none'} data-selected=${m.selected}>
      <circle cx=${x} cy=${y} r="9" fill="none" stroke="#000" stroke-width=${w + 2} opacity=".6"/>
      <circle cx=${x} cy=${y} r="9" fill="none" stroke=${BLUE} stroke-width=${w}/>
      <circle cx=${x} cy=${y} r="1.5" fill=${BLUE}/>
      <text x=${x + 11} y=${y - 8} fill=${BLUE}>${n}</text>
      ${this.drawStatus(m.status, x, y)}
    </g>`;
  }

  private drawAi(a: AiMark, x: number, y: number) {
    const pct = a.probability === null ? '' : `${Math.round(a.probability * 100)}%`;
    return svg`<g data-testid="ai-${a.id}" data-status=${a.status ?? 'none'}>
      <rect x=${x - 10} y=${y - 10} width="20" height="20" fill="none" stroke=${ORANGE} stroke-width="2"
        stroke-dasharray="4 3" transform="rotate(45 ${x} ${y})"/>
      <text x=${x + 15} y=${y + 4} fill=${ORANGE}>AI ${pct}</text>
      ${this.drawStatus(a.status, x, y)}
    </g>`;
  }

  private drawTruth(t: TruthLesion, x: number, y: number, r: number) {
    const colour = t.detected ? GREEN : VERMILLION;
    const radius = Math.max(r, 4);
    return svg`<g data-testid="truth-${t.id}" data-detected=${t.detected}>
      <circle cx=${x} cy=${y} r=${radius} fill="none" stroke=${colour} stroke-width="2"
        stroke-dasharray=${t.detected ? 'none' : '6 4'}/>
      <text x=${x - radius} y=${y + radius + 14} fill=${colour}>${t.detected ? t.label : `missed${t.label ? ': ' + t.label : ''}`}</text>
    </g>`;
  }

  /** hit = check, duplicate = "dup", false positive = cross + "FP", drawn to the lower right of the item. */
  private drawStatus(status: Mark['status'], x: number, y: number) {
    if (status === 'hit') {
      return svg`<path d="M ${x + 11} ${y + 12} l 4 4 l 8 -9" fill="none" stroke="#000" stroke-width="5" opacity=".6"/>
        <path d="M ${x + 11} ${y + 12} l 4 4 l 8 -9" fill="none" stroke=${GREEN} stroke-width="3"/>`;
    }
    if (status === 'duplicate') {
      return svg`<text x=${x + 12} y=${y + 18} fill=${GREEN}>dup</text>`;
    }
    if (status === 'false-positive') {
      return svg`<path d="M ${x + 11} ${y + 9} l 8 8 M ${x + 19} ${y + 9} l -8 8" stroke="#000" stroke-width="5" opacity=".6"/>
        <path d="M ${x + 11} ${y + 9} l 8 8 M ${x + 19} ${y + 9} l -8 8" stroke=${VERMILLION} stroke-width="3"/>
        <text x=${x + 22} y=${y + 18} fill=${VERMILLION}>FP</text>`;
    }
    return nothing;
  }
}

customElements.get('calibra-viewer') ?? customElements.define('calibra-viewer', CalibraViewer);

declare global {
  interface HTMLElementTagNameMap { 'calibra-viewer': CalibraViewer }
}
