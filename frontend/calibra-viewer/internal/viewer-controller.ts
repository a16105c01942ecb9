// The viewer's behaviour behind <calibra-viewer>, framework-free: the element is a ViewerHost and
// Cornerstone comes in as factories (ViewerDeps), so the unit tests drive it with fakes. It joins the
// smaller controllers — stack, tools, display, cine, MPR, findings, authoring, keyboard — and runs the
// toolbar's, the authoring bar's and the keyboard's actions through them.

import { Authoring } from './authoring.js';
import type { AuthorBarActions, AuthorBarModel } from './author-toolbar.js';
import { Cine } from './cine.js';
import { Display } from './display.js';
import { firstAccepting } from './drag-detector.js';
import { describeError } from './errors.js';
import { Findings } from './findings.js';
import { Keyboard } from './keyboard.js';
import { BIG_STEP_PX, KeyboardCursor, SMALL_STEP_PX } from './keyboard-cursor.js';
import type { PressKind } from './keyboard-cursor.js';
import { DeferredTeardown } from './lifecycle.js';
import { parseImageIndices, parseImages } from './model.js';
import { MprSession } from './mpr-session.js';
import type { Measurement, ViewerDeps, ViewerHost } from './ports.js';
import { presetForKey, presetsFor } from './presets.js';
import type { WindowPreset } from './presets.js';
import type { Action } from './shortcuts.js';
import { StackController } from './stack-controller.js';
import { ToolState } from './tools.js';
import type { ToolbarActions, ToolbarModel } from './toolbar.js';

const HINT_MS = 4000;
/** The drag handlers the keyboard cursor drives take canvas px: a viewport at the origin. */
const CANVAS_ORIGIN = { getBoundingClientRect: () => ({ left: 0, top: 0 }) };
/** Keys that change the tool or the image: a shape being dragged out by keys is dropped first. */
const DROPS_HELD_SHAPE: ReadonlySet<Action> = new Set<Action>(['prev', 'next', 'wl', 'pan', 'zoom', 'mark', 'length', 'roi',
  'mpr', 'author-draw', 'author-select']);
const CURSOR_SHOWN = 'Keyboard cursor shown: Shift+arrows move it, Ctrl+Shift+arrows in bigger steps, Enter places, Esc hides it';
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export class ViewerController {
  readonly stack: StackController;
  readonly tools: ToolState;
  readonly display: Display;
  readonly cine: Cine;
  readonly mpr: MprSession;
  readonly findings: Findings;
  readonly authoring: Authoring;
  readonly cursor: KeyboardCursor;
  /** the last sentence for screen readers (the live region) */
  announcement = '';
  /** images flagged for possible burned-in patient text (`flaggedImages`) */
  flagged: ReadonlySet<number> = new Set();
  /** a short note over the image (why a tool is not available here, what to do instead) */
  hint = '';
  helpOpen = false;
  /** a pointer is down on the image: window changes now come from the user's W/L drag */
  pointerDown = false;

  private readonly keyboard: Keyboard;
  private readonly teardown: DeferredTeardown;
  private hintTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ViewerHost, deps: ViewerDeps) {
    const changed = () => host.requestUpdate();
    const hint = (text: string) => this.showHint(text);
    const cornerstone = () => this.stack.cornerstone;
    this.stack = new StackController(host, deps, {
      tool: () => this.tools.tool,
      windowChanged: () => this.display.stackWindowChanged(this.pointerDown),
      clicked: (canvas, button) => this.click(canvas, button),
      dragHandlers: (viewport) => firstAccepting(this.authoring.dragHandlers(viewport), this.findings.dragHandlers(viewport)),
      resized: () => this.mpr.resize(),
      closing: () => { this.mpr.close(); this.cine.stopped(); },
      newStack: () => { this.mpr.volume = null; this.display.newStack(); this.cursor.reset(); },
      volumeFound: (geometry) => { this.mpr.volume = geometry; changed(); },
    });
    this.tools = new ToolState({
      markingEnabled: () => host.markingEnabled, mprOn: () => this.mpr.on, hint, changed,
      authoring: () => !!this.authoring.layer,
      applyStackTool: (tool) => { this.stack.cancelDrag(); this.cursor.release(); cornerstone()?.setPrimaryTool(tool); },
      applyMprTool: (tool) => this.mpr.session?.setPrimaryTool(tool),
    });
    this.display = new Display({
      stack: cornerstone, mpr: () => this.mpr.session, presets: () => this.presets,
      imageShown: () => this.stack.index >= 0, changed,
    });
    this.cine = new Cine(changed);
    this.mpr = new MprSession({
      create: (ids, panes, cb) => deps.createMpr(this.stack.volumeKey, ids, panes, cb),
      imageIds: () => cornerstone()?.stackImageIds ?? null,
      generation: () => this.stack.stackGeneration,
      entering: () => { this.cine.stop(cornerstone()); this.stack.cancelDrag(); this.tools.enteringMpr(); },
      display: () => ({ range: this.display.currentRange(), inverted: this.display.inverted }),
      voiChanged: (range) => this.display.mprWindowChanged(range),
      rendered: () => host.updateComplete,
      panes: () => host.mprPanes(),
      leave: async (slice) => {
        cornerstone()?.resize();
        if (slice >= 0) await this.stack.showImage(slice).catch(() => { /* shown in the element */ });
      },
      hint, nextFrame: (cb) => deps.nextFrame(cb), changed,
    });
    this.findings = new Findings({
      stack: cornerstone, index: () => this.stack.index, mprOn: () => this.mpr.on,
      tool: () => this.tools.tool, markShape: () => this.tools.markShape, markingEnabled: () => host.markingEnabled,
      hint, announce: (text) => this.announce(text), count: () => this.stack.images.length,
      fire: (name, detail) => host.fire(name, detail), changed, colour: (url) => deps.colourHeatmap(url),
    });
    this.authoring = new Authoring({
      stack: cornerstone, index: () => this.stack.index, count: () => this.stack.images.length, mprOn: () => this.mpr.on,
      active: () => this.tools.tool === 'author', activate: () => { if (this.tools.tool !== 'author') this.tools.select('author'); },
      hint, announce: (text) => this.announce(text), fire: (name, detail) => host.fire(name, detail), changed,
    });
    this.cursor = new KeyboardCursor({
      stack: cornerstone, index: () => this.stack.index, pressKind: () => this.pressKind(),
      viewportSize: () => {
        const r = host.viewport()?.getBoundingClientRect();
        return r?.width && r.height ? [r.width, r.height] : null;
      },
      click: (canvas) => this.click(canvas, 0),
      dragHandlers: () => firstAccepting(this.authoring.dragHandlers(CANVAS_ORIGIN), this.findings.dragHandlers(CANVAS_ORIGIN)),
      announce: (text) => this.announce(text), changed,
    });
    this.keyboard = new Keyboard((action, key, big) => this.run(action, key, big), () => this.helpOpen, () => !!this.authoring.layer);
    this.teardown = new DeferredTeardown(() => host.isConnected, () => this.tearDown());
  }

  /** Window presets of the modality from the property, else from the shown image's header. */
  get presets(): WindowPreset[] {
    return presetsFor(this.host.modality?.trim() || this.stack.cornerstone?.modality() || '');
  }

  // ---- the element's lifecycle ----

  connected(): void {
    this.teardown.cancel(); // Vaadin detaches and re-attaches during first render: keep what we have
    this.host.setData('state', this.stack.viewState);
    this.keyboard.connect(this.host);
    this.host.addEventListener('pointerdown', this.onPointerDown, true);
    this.host.addEventListener('focusin', this.onFocusIn);
    this.host.addEventListener('focusout', this.onFocusOut);
    // Lit runs firstUpdated only once: a later reconnect must set up again here
    if (this.host.hasUpdated) void this.stack.setUp();
  }

  disconnected(): void {
    this.keyboard.disconnect();
    this.host.removeEventListener('pointerdown', this.onPointerDown, true);
    this.host.removeEventListener('focusin', this.onFocusIn);
    this.host.removeEventListener('focusout', this.onFocusOut);
    this.teardown.schedule(); // tearing down synchronously kills the viewport when Vaadin just moves the element
  }

  /** After the first render, once the viewport exists. */
  firstUpdated(): void {
    void this.stack.setUp();
  }

  private tearDown(): void {
    this.stack.tearDown();
    clearTimeout(this.hintTimer);
    this.hint = '';
  }

  /** Before each render: parse what Java changed and place the overlay for the shown image. */
  willUpdate(changed: ReadonlyMap<PropertyKey, unknown>): void {
    const host = this.host;
    if (changed.has('images')) this.stack.imagesChanged(parseImages(host.images));
    this.findings.propertiesChanged(changed, host);
    this.authoring.propertiesChanged(changed, host);
    if (changed.has('flaggedImages')) this.flagged = new Set(parseImageIndices(host.flaggedImages));
    if (changed.has('markingEnabled') && !host.markingEnabled) this.tools.markingDisabled();
    if (changed.has('authoring') && !this.authoring.layer) this.tools.authoringOff();
    if (changed.has('modality') && changed.get('modality') !== undefined) this.display.apply('default');
    const stack = this.stack.cornerstone;
    const project = stack ? (x: number, y: number) => stack.imageToCanvas(x, y) : null;
    this.findings.relayout(this.stack.index, project, host.aiVisible);
    this.authoring.relayout(this.stack.index, project);
  }

  /** Whether the shown image is flagged for burned-in text (the element shows a banner). */
  get flaggedShown(): boolean {
    return !this.mpr.on && this.flagged.has(this.stack.index);
  }

  updated(changed: ReadonlyMap<PropertyKey, unknown>): void {
    if (changed.has('images') && this.stack.cornerstone) queueMicrotask(() => void this.stack.load());
  }

  // ---- the element's public API ----

  /** Camera, window/level and invert back to the image's defaults. */
  reset(): void {
    this.display.reset();
  }

  showImage(index: number): Promise<void> {
    return this.stack.showImage(index);
  }

  /** Selects shape `id` of the layer being drawn and shows its key image (nothing if there is no such shape). */
  async selectShape(id: string): Promise<void> {
    const index = this.authoring.selectById(id);
    if (index !== null && index !== this.stack.index) await this.showImage(index);
  }

  measurements(): Measurement[] {
    return this.stack.cornerstone?.measurements() ?? [];
  }

  clearMeasurements(): void {
    this.stack.cornerstone?.clearMeasurements();
  }

  imageToClient(imageIndex: number, x: number, y: number): { x: number; y: number } | null {
    return this.mpr.on ? null : this.stack.imageToClient(imageIndex, x, y);
  }

  /** Fires `key-image-captured` with the shown view as a PNG (data URL), or says why it cannot. */
  async captureKeyImage(): Promise<void> {
    const index = this.stack.index;
    if (index < 0 || this.mpr.on) {
      this.showHint(this.mpr.on ? 'Key images show the acquired slices: leave MPR (v) first' : 'No image to capture yet');
      return;
    }
    try {
      const shot = await this.host.captureView();
      if (!shot) throw new Error('the image is not drawn yet');
      this.host.fire('key-image-captured', { imageIndex: index, png: shot.png, width: shot.width, height: shot.height });
      this.showHint(`Key image of image ${index + 1} captured`);
    } catch (e) {
      this.showHint(`The key image could not be captured: ${describeError(e)}`);
    }
  }

  // ---- actions (toolbar and keys) ----

  private step(delta: number): void {
    if (!this.mpr.on) this.stack.step(delta);
  }

  private toggleCine(): void {
    this.cine.toggle(this.stack.cornerstone, this.stack.images.length >= 2 && !this.mpr.on);
  }

  private showHint(text: string): void {
    this.hint = text;
    this.host.requestUpdate();
    clearTimeout(this.hintTimer);
    this.hintTimer = setTimeout(() => { this.hint = ''; this.host.requestUpdate(); }, HINT_MS);
  }

  /** Says `text` in the live region; the same sentence again is changed invisibly so it is said again. */
  private announce(text: string): void {
    this.announcement = text === this.announcement.trimEnd() && !this.announcement.endsWith('\u00a0') ? `${text}\u00a0` : text;
    this.host.requestUpdate();
  }

  /** A plain click at canvas px, from the pointer or the keyboard cursor: authoring first, then findings. */
  private click(canvas: [number, number], button: number): void {
    if (!this.authoring.click(canvas, button)) this.findings.click(canvas, button);
  }

  /** What Enter at the keyboard cursor does with the tool now chosen; null: nothing to place (the cursor is hidden). */
  private pressKind(): PressKind | null {
    if (this.mpr.on || this.stack.index < 0) return null;
    if (this.tools.tool === 'mark' && this.host.markingEnabled) return this.tools.markShape === 'point' ? 'click' : 'drag';
    if (this.tools.tool !== 'author' || !this.authoring.layer) return null;
    const tool = this.authoring.tool;
    return tool === 'select' ? null : tool === 'point' || tool === 'polygon' ? 'click' : 'drag';
  }

  // a pointer press: the pointer is in use, the keyboard cursor goes
  private readonly onPointerDown = (): void => this.cursor.disengage();

  // focus by keyboard (the browser's own :focus-visible) shows the cursor; focus leaving the viewer hides it
  private readonly onFocusIn = (event: Event): void => {
    const target = event.composedPath()[0] as { matches?(selector: string): boolean } | undefined;
    if (!target?.matches?.(':focus-visible') || this.cursor.engaged) return;
    this.cursor.engage();
    if (this.cursor.active) this.announce(CURSOR_SHOWN);
  };

  private readonly onFocusOut = (event: Event): void => {
    if ((event as FocusEvent).relatedTarget as unknown !== this.host) this.cursor.disengage();
  };

  /** n / Shift+n while reading: the next finding is selected, its image shown and the cursor put on it. */
  private selectNextFinding(delta: number): void {
    const mark = this.findings.selectNext(delta);
    if (!mark) return;
    this.cursor.moveTo(mark.x, mark.y);
    if (mark.imageIndex !== this.stack.index) void this.showImage(mark.imageIndex).catch(() => { /* shown in the element */ });
  }

  /** Shift+arrows: the keyboard cursor while it is shown, else the selected shape (authoring), else the image (↑ ↓). */
  private arrow(key: string, big: boolean): void {
    const [dx, dy] = ARROWS[key] ?? [0, 0];
    if (this.cursor.active) {
      const step = big ? BIG_STEP_PX : SMALL_STEP_PX;
      this.cursor.move(dx * step, dy * step);
    } else if (!this.authoring.nudge(dx * (big ? 10 : 1), dy * (big ? 10 : 1)) && dy) {
      this.step(dy);
    }
  }

  /**
   * Enter: at the keyboard cursor while it is shown. Hidden (the pointer was in use), Enter closes a polygon being
   * clicked, else shows the cursor where it was, never placing anything unseen; with no tool that places, says how.
   */
  private place(): void {
    if (this.cursor.active) { this.cursor.press(); return; }
    if (this.authoring.pending) { this.authoring.finish(); return; }
    this.cursor.engage();
    if (this.cursor.active) return; // run() says it is shown
    if (this.authoring.layer) this.showHint('Choose a drawing tool (a) for the keyboard cursor; Enter then draws at it');
    else if (this.host.markingEnabled && !this.mpr.on && this.stack.index >= 0) {
      this.showHint('Press m for the Mark tool: a keyboard cursor appears, Shift+arrows move it, Enter marks there');
    }
  }

  /** Esc: closes the help; else ends what is being drawn; with nothing being drawn, hides the keyboard cursor. */
  private escape(): void {
    if (this.helpOpen) { this.closeHelp(); return; }
    if (this.cursor.release()) return;
    const drawing = !!this.authoring.pending || !!this.authoring.contourFor || !!this.findings.draft;
    this.stack.cancelDrag();
    this.authoring.cancel();
    if (!drawing) this.cursor.disengage();
  }

  private openHelp(): void {
    this.helpOpen = true;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.focusHelpClose());
  }

  private closeHelp(): void {
    this.helpOpen = false;
    this.host.requestUpdate();
    this.host.focusViewer();
  }

  /** What each shortcut does (shortcuts.ts maps keys to these actions). */
  private readonly actions: Record<Action, (key: string, big: boolean) => void> = {
    prev: () => this.step(-1), next: () => this.step(1),
    wl: () => this.tools.select('wl'), pan: () => this.tools.select('pan'), zoom: () => this.tools.select('zoom'),
    mark: () => this.tools.markKey(),
    length: () => this.tools.select('length'), roi: () => this.tools.select('roi'),
    'clear-measurements': () => this.clearMeasurements(),
    reset: () => this.reset(), invert: () => this.display.toggleInvert(), cine: () => this.toggleCine(),
    preset: (key) => { const p = presetForKey(this.presets, key); if (p) this.display.apply(p.id); },
    heatmap: () => this.findings.toggleHeatmap(),
    mpr: () => void this.mpr.toggle(),
    crosshair: () => { if (this.mpr.on) this.tools.selectMpr('crosshair'); },
    help: () => this.openHelp(),
    'delete-mark': () => { if (!this.authoring.deleteKey()) this.findings.requestDelete(); },
    close: () => this.escape(),
    place: () => this.place(),
    'author-draw': () => this.authoring.cycleTool(), 'author-select': () => this.authoring.selectTool('select'),
    finish: () => this.authoring.finish(), undo: () => this.authoring.undo(), redo: () => this.authoring.redo(),
    'range-first': () => this.authoring.setRangeHere('first'), 'range-last': () => this.authoring.setRangeHere('last'),
    'contour-here': () => this.authoring.contourHere(),
    'next-shape': (key) => {
      const delta = key === 'N' ? -1 : 1;
      if (this.authoring.layer) this.authoring.selectNext(delta);
      else this.selectNextFinding(delta);
    },
    'key-image': () => void this.captureKeyImage(),
    nudge: (key, big) => this.arrow(key, big),
  };

  /** A key's action; the keyboard is in use, so the keyboard cursor shows whenever a tool places something. */
  run(action: Action, key: string, big = false): void {
    const wasShown = this.cursor.active;
    if (DROPS_HELD_SHAPE.has(action)) this.cursor.release();
    if (action !== 'close' && action !== 'help' && action !== 'place') this.cursor.engage();
    this.actions[action](key, big);
    if (!wasShown && this.cursor.active) this.announce(CURSOR_SHOWN);
  }

  /** What the toolbar's controls do. */
  readonly toolbarActions: ToolbarActions = {
    selectTool: (t) => this.tools.select(t), selectMprTool: (t) => this.tools.selectMpr(t),
    selectShape: (s) => this.tools.selectShape(s), clearMeasurements: () => this.clearMeasurements(),
    applyPreset: (id) => this.display.apply(id), toggleInvert: () => this.display.toggleInvert(),
    reset: () => this.reset(), step: (d) => this.step(d), toggleCine: () => this.toggleCine(),
    setFps: (fps) => this.cine.setFps(this.stack.cornerstone, fps), toggleHeatmap: () => this.findings.toggleHeatmap(),
    setHeatmapOpacity: (percent) => this.findings.setHeatmapOpacity(percent), toggleMpr: () => void this.mpr.toggle(),
    openHelp: () => this.openHelp(), closeHelp: () => this.closeHelp(),
  };

  /** What the authoring bar's controls do. */
  readonly authorBarActions: AuthorBarActions = {
    selectTool: (t) => this.authoring.selectTool(t), undo: () => this.authoring.undo(), redo: () => this.authoring.redo(),
    deleteSelected: () => this.authoring.deleteSelected(), finish: () => this.authoring.finish(),
    rangeHere: (end) => this.authoring.setRangeHere(end), contourHere: () => this.authoring.contourHere(),
    removeContourHere: () => this.authoring.removeContourHere(), setLabel: (t) => this.authoring.setLabel(t),
    setProbability: (t) => this.authoring.setProbability(t), captureKeyImage: () => void this.captureKeyImage(),
  };

  /** The authoring bar's state, or null while no layer is authored. */
  authorBarModel(): AuthorBarModel | null {
    const a = this.authoring;
    if (!a.layer) return null;
    const s = a.selected;
    return {
      layer: a.layer, tool: a.tool, active: this.tools.tool === 'author', mpr: this.mpr.on,
      canUndo: a.history.canUndo, canRedo: a.history.canRedo, selected: s, index: this.stack.index,
      contourHere: !!s?.contours[String(this.stack.index)], contourArmed: !!s && a.contourFor === s.id,
      pending: a.pending?.points.length ?? 0,
    };
  }

  toolbarModel(): ToolbarModel {
    const { stack, tools, display, cine, mpr, findings } = this;
    return {
      tool: tools.tool, mprTool: tools.mprTool, mpr: mpr.on, mprSlice: mpr.slice,
      markingEnabled: this.host.markingEnabled, markShape: tools.markShape, measurementCount: stack.measurementCount,
      presets: this.presets, presetId: display.presetId, inverted: display.inverted,
      index: stack.index, count: stack.images.length, cinePlaying: cine.playing, fps: cine.fps,
      heatmapAvailable: findings.heatmapAvailable(this.host.aiVisible), heatmapOn: findings.heatmapOn,
      heatmapOpacity: findings.heatmapOpacity, volume: !!mpr.volume,
    };
  }

  /** Where the keyboard cursor is, "x,y" in image px of the shown image (one decimal), or "" while it is hidden. */
  private cursorAttribute(): string {
    const at = this.cursor.shown() && this.cursor.at;
    return at ? `${at[0].toFixed(1)},${at[1].toFixed(1)}` : '';
  }

  /** The state attributes the element reflects after each render (tests and Java wait on them). */
  attributes(): Record<string, string> {
    const on = this.mpr.on;
    return {
      'data-preset': this.display.presetId, 'data-inverted': String(this.display.inverted),
      'data-cine': String(this.cine.playing), 'data-measurements': String(this.stack.measurementCount),
      'data-volume': String(!!this.mpr.volume), 'data-mpr': this.mpr.state,
      'data-mpr-slice': String(on ? this.mpr.slice : -1), 'data-tool': on ? this.tools.mprTool : this.tools.tool,
      'data-mark-shape': this.tools.markShape,
      'data-authoring': this.authoring.layer ?? '', 'data-author-tool': this.authoring.tool,
      'data-selected-shape': this.authoring.selectedId ?? '', 'data-flagged': String(this.flaggedShown),
      'data-keyboard-cursor': this.cursorAttribute(),
    };
  }
}
