// Authoring mode: the educator draws truth lesions or AI marks on the images (property `authoring`). Keeps both
// layers (`truthShapes`, `aiShapes`), the selection, the polygon being clicked and the drag being made; turns
// clicks, drags, keys and the authoring bar into checked edits; emits each edit as shape-created / -changed /
// -deleted with the full shape, and keeps them undoable. Java stores what it hears; when it sets a layer to
// anything but what the viewer holds, that list wins and the undo history starts again.

import { shapeChange } from './announcements.js';
import { DRAW_TOOLS, drawnOutline, editedOutline, nextDrawTool, strokeOutline } from './author-gestures.js';
import type { AuthorTool, Gesture } from './author-gestures.js';
import type { DragHandlers } from './drag-detector.js';
import type { FindingStack } from './findings.js';
import { History, applyChange } from './history.js';
import type { Projector } from './overlay.js';
import { toLocal } from './overlay.js';
import { segmentsIntersect } from './polygon.js';
import type { Pt } from './polygon.js';
import { hitHandle, hitShape, placeShapes } from './shape-layout.js';
import type { PlacedShape } from './shape-layout.js';
import {
  geometryOn, geometryProblem, newShape, parseShapes, removedVertex, sameShapes, shapeJson, shapeProblem, translate,
  withContour, withGeometry, withRange, withoutContour,
} from './shapes.js';
import type { Geometry, Layer, Shape } from './shapes.js';
import { AUTHOR_IN_MPR_HINT } from './tools.js';

export interface AuthoringPorts {
  stack(): FindingStack | null;
  /** the shown image, -1 while none */
  index(): number;
  /** images in the stack */
  count(): number;
  mprOn(): boolean;
  /** whether the left button belongs to the authoring tools */
  active(): boolean;
  /** gives the left button to the authoring tools */
  activate(): void;
  hint(text: string): void;
  /** says `text` in the viewer's live region (screen readers) */
  announce(text: string): void;
  fire(name: string, detail: object): void;
  changed(): void;
}

export interface AuthoringProperties { authoring: string; truthShapes: string; aiShapes: string }

const CLOSE_PX = 8;
const LAYERS: readonly Layer[] = ['truth', 'ai'];

export const layerOf = (value: string | null | undefined): Layer | null =>
  (LAYERS.includes(value as Layer) ? value as Layer : null);

export class Authoring {
  /** the layer being authored; null: both layers are only shown */
  layer: Layer | null = null;
  tool: AuthorTool = 'select';
  readonly shapes: Record<Layer, Shape[]> = { truth: [], ai: [] };
  selectedId: string | null = null;
  /** a vertex of the selected contour on the shown image (Delete removes it, Shift+arrows move it) */
  selectedVertex: number | null = null;
  /** the polygon being clicked, image px on image `index` */
  pending: { index: number; points: Pt[] } | null = null;
  /** the pending polygon on the canvas, and a freehand stroke being drawn (canvas px) */
  pendingCanvas: Pt[] | null = null;
  stroke: Pt[] | null = null;
  /** the next polygon or freehand outline becomes this lesion's contour on the shown image */
  contourFor: string | null = null;
  /** both layers as drawn on the shown image: the layer not being authored first (underneath) */
  placed: PlacedShape[] = [];
  readonly history = new History();

  private draft: { shape: Shape; invalid: boolean } | null = null;
  private gesture: Gesture | null = null;
  private project: Projector | null = null;
  private lastProblem: string | null = null;
  private issued = 0;

  constructor(private readonly p: AuthoringPorts) {}

  get selected(): Shape | null {
    return (this.layer && this.shapes[this.layer].find((s) => s.id === this.selectedId)) || null;
  }

  propertiesChanged(changed: ReadonlyMap<PropertyKey, unknown>, props: AuthoringProperties): void {
    if (changed.has('authoring') && layerOf(props.authoring) !== this.layer) {
      this.layer = layerOf(props.authoring);
      this.tool = 'select';
      this.selectedId = null;
      this.history.clear();
      this.cancel();
    }
    for (const [layer, name] of [['truth', 'truthShapes'], ['ai', 'aiShapes']] as const) {
      if (!changed.has(name)) continue;
      const list = parseShapes(props[name]);
      if (sameShapes(list, this.shapes[layer])) continue;
      this.shapes[layer] = list;
      if (layer === this.layer) this.history.clear();
      if (this.selectedId && layer === this.layer && !list.some((s) => s.id === this.selectedId)) this.selectedId = null;
    }
  }

  /** Canvas positions for image `index` (before every render). */
  relayout(index: number, project: Projector | null): void {
    this.project = this.p.mprOn() ? null : project;
    const place = (layer: Layer) => placeShapes(layer, this.shapes[layer], index, this.project, {
      editable: layer === this.layer, selectedId: layer === this.layer ? this.selectedId : null,
      selectedVertex: this.selectedVertex, draft: layer === this.layer ? this.draft : null,
    });
    this.placed = this.layer === 'ai' ? [...place('truth'), ...place('ai')] : [...place('ai'), ...place('truth')];
    const pending = this.pending?.index === index && this.project ? this.pending.points.map((q) => this.project!(q[0], q[1])) : null;
    this.pendingCanvas = pending?.every((q) => q !== null) ? pending as Pt[] : null;
  }

  // ---- pointer ----

  /** A plain click at canvas px; true when authoring took it. */
  click(canvas: Pt, button: number): boolean {
    const stack = this.p.stack();
    const index = this.p.index();
    if (!this.layer || this.p.mprOn() || !stack || index < 0 || button !== 0) return false;
    if (!this.p.active() || this.tool === 'select') {
      const handle = this.p.active() ? hitHandle(this.selectedPlaced(), canvas[0], canvas[1]) : null;
      if (handle?.kind === 'vertex') {
        this.selectedVertex = handle.index;
        this.p.changed();
        return true;
      }
      const hit = hitShape(this.placed, canvas[0], canvas[1]);
      if (hit || this.p.active()) this.select(hit?.shape.id ?? null);
      return !!hit || this.p.active();
    }
    const image = stack.canvasToImage(canvas[0], canvas[1]);
    if (this.tool === 'polygon') this.polygonClick(canvas, image, index);
    else if (!image) this.p.hint('Click inside the image');
    else if (this.tool === 'point') {
      const size = stack.imageSize();
      const radius = size ? Math.max(3, Math.round(Math.min(size[0], size[1]) * 0.02)) : 3;
      this.commitOutline({ kind: 'point', x: image[0], y: image[1], radius }, index);
    } else if (this.tool === 'freehand') this.p.hint('Drag around the lesion: the contour closes where you let go');
    else this.p.hint('Drag from one corner to the opposite corner');
    return true;
  }

  private polygonClick(canvas: Pt, image: Pt | null, index: number): void {
    const pending = this.pending;
    if (pending && pending.index !== index) {
      this.p.hint(`Finish the contour on image ${pending.index + 1} first: Shift+Enter closes it, Esc cancels it`);
      return;
    }
    if (!image) { this.p.hint('Click inside the image'); return; }
    if (!pending) {
      this.pending = { index, points: [image] };
      this.p.hint('Click the next points (or Enter at the keyboard cursor); the first point again or Shift+Enter closes the contour');
      this.p.changed();
      return;
    }
    const shown = this.pendingCanvas ?? [];
    const near = (q: Pt | undefined, px: number) => !!q && Math.hypot(q[0] - canvas[0], q[1] - canvas[1]) <= px;
    if (pending.points.length >= 3 && near(shown[0], CLOSE_PX)) { this.finish(); return; }
    if (near(shown[shown.length - 1], 3)) return; // the same point again (a double click)
    const pts = pending.points;
    const last = pts[pts.length - 1];
    for (let k = 0; k + 2 < pts.length; k++) {
      if (segmentsIntersect(pts[k], pts[k + 1], last, image)) {
        this.p.hint('That line would cross the contour: click somewhere else');
        return;
      }
    }
    pts.push(image);
    this.p.announce(`Contour point ${pts.length}`);
    this.p.changed();
  }

  /** Drags draw outlines with the drawing tools and move, resize or reshape with the select tool. */
  dragHandlers(viewport: { getBoundingClientRect(): { left: number; top: number } }): DragHandlers {
    const local = (x: number, y: number): Pt => toLocal(x, y, viewport.getBoundingClientRect());
    const image = (x: number, y: number): Pt | null => this.p.stack()?.canvasToImage(...local(x, y), true) ?? null;
    return {
      accept: (x, y) => {
        this.gesture = null;
        const stack = this.p.stack();
        if (!this.layer || !this.p.active() || this.p.mprOn() || !stack || this.p.index() < 0) return false;
        const c = local(x, y);
        const start = image(x, y);
        if (!start) return false;
        if (this.tool === 'select') {
          const sel = this.selectedPlaced();
          const handle = hitHandle(sel, c[0], c[1]);
          const hit = handle ? sel : hitShape(this.placed, c[0], c[1]);
          if (!hit) return false;
          this.select(hit.shape.id);
          this.gesture = handle ? { type: 'handle', placed: hit, handle, start } : { type: 'move', placed: hit, start };
          return true;
        }
        if (this.tool === 'polygon' || !stack.canvasToImage(c[0], c[1])) return false;
        this.gesture = { type: 'draw', tool: this.tool, start };
        this.stroke = this.tool === 'freehand' ? [c] : null;
        return true;
      },
      move: (_x0, _y0, x1, y1) => {
        const at = image(x1, y1);
        if (!this.gesture || !at) return;
        if (this.stroke) this.stroke.push(local(x1, y1));
        else this.preview(this.gestureResult(this.gesture, at));
        this.p.changed();
      },
      end: (_x0, _y0, x1, y1) => {
        const g = this.gesture;
        const at = image(x1, y1);
        const stroke = this.stroke;
        this.endGesture();
        if (!g || !at) return;
        const index = this.p.index();
        if (stroke) {
          const pts = strokeOutline([...stroke, local(x1, y1)]).map((q) => this.p.stack()?.canvasToImage(q[0], q[1], true) ?? null);
          if (pts.every((q) => q !== null)) this.commitOutline({ kind: 'polygon', points: pts as Pt[] }, index);
          return;
        }
        const result = this.gestureResult(g, at);
        if (g.type === 'draw' && result) this.commitOutline(result.geometry, index);
        else if (g.type !== 'draw' && result) this.commit(g.placed.shape, result.shape);
      },
      cancel: () => this.endGesture(),
    };
  }

  private gestureResult(g: Gesture, at: Pt): { geometry: Geometry; shape: Shape } | null {
    const index = this.p.index();
    if (g.type === 'draw') {
      if (g.tool === 'freehand') return null;
      const geometry = drawnOutline(g.tool, g.start, at);
      return { geometry, shape: newShape('draft', index, geometry) };
    }
    const geometry = editedOutline(g, at);
    return geometry && { geometry, shape: withGeometry(g.placed.shape, index, geometry) };
  }

  /** Shows a shape being dragged, red (and the reason as a hint) when it would be refused. */
  private preview(result: { geometry: Geometry; shape: Shape } | null): void {
    if (!result) return;
    const problem = geometryProblem(result.geometry, this.p.stack()?.imageSize() ?? null);
    this.draft = { shape: result.shape, invalid: !!problem };
    if (problem && problem !== this.lastProblem) this.p.hint(problem);
    this.lastProblem = problem;
  }

  private endGesture(): void {
    this.gesture = null;
    this.stroke = null;
    this.draft = null;
    this.lastProblem = null;
    this.p.changed();
  }

  // ---- edits ----

  /** A drawn outline on image `index`: a new shape, or the contour of the lesion waiting for one. */
  private commitOutline(g: Geometry, index: number): boolean {
    const problem = geometryProblem(g, this.p.stack()?.imageSize() ?? null);
    if (problem) { this.p.hint(problem); return false; }
    const target = this.contourFor ? this.shapes[this.layer!].find((s) => s.id === this.contourFor) : undefined;
    if (target) {
      if (g.kind !== 'polygon') { this.p.hint('Contours on other images are drawn with the polygon or freehand tool'); return false; }
      const done = this.commit(target, index === target.imageIndex ? withGeometry(target, index, g) : withContour(target, index, g.points));
      if (done) this.contourFor = null;
      return done;
    }
    const shape = newShape(this.newId(), index, g);
    if (!this.commit(null, shape)) return false;
    this.select(shape.id, true); // "drawn" was said; "selected" would talk over it
    return true;
  }

  /** Replaces `before` by `after` in the authored layer (null: create / delete) once it passes the checks. */
  private commit(before: Shape | null, after: Shape | null, record = true): boolean {
    const layer = this.layer;
    if (!layer) return false;
    if (after && record) {
      const problem = shapeProblem(after, this.p.stack()?.imageSize() ?? null, this.p.count());
      if (problem) { this.p.hint(problem); this.p.changed(); return false; }
    }
    if (before && after && sameShapes([before], [after])) return false;
    const previous = this.shapes[layer];
    this.shapes[layer] = applyChange(previous, { from: before, to: after });
    if (record) this.history.push({ layer, before, after });
    const shape = (after ?? before)!;
    const json = shapeJson(shape);
    const event = !before ? 'shape-created' : !after ? 'shape-deleted' : 'shape-changed';
    this.p.fire(event, { layer, id: shape.id, shape: json, json: JSON.stringify(json) });
    this.say(event, previous, shape.id);
    if (!after && this.selectedId === shape.id) this.select(null);
    this.p.changed();
    return true;
  }

  private newId(): string {
    const prefix = `${this.layer}-`;
    const used = [...this.shapes.truth, ...this.shapes.ai].map((s) => s.id)
      .filter((id) => id.startsWith(prefix)).map((id) => Number(id.slice(prefix.length))).filter(Number.isInteger);
    this.issued = Math.max(this.issued, ...used) + 1;
    return `${prefix}${this.issued}`;
  }

  /** `quiet`: not announced (the shape was just drawn, which was). */
  select(id: string | null, quiet = false): void {
    if (id === this.selectedId) return;
    this.selectedId = id;
    this.selectedVertex = null;
    if (this.layer) this.p.fire('shape-selected', { layer: this.layer, id: id ?? '' });
    if (!quiet && id) this.say('shape-selected', this.layer ? this.shapes[this.layer] : [], id);
    this.p.changed();
  }

  private say(event: string, before: readonly Shape[], id: string): void {
    const text = this.layer && shapeChange(event, this.layer, before, this.shapes[this.layer], id, this.p.count());
    if (text) this.p.announce(text);
  }

  /** Selects a shape of the layer being drawn by its id (a lesion picked in a list beside the viewer); its key image, or null if there is none. */
  selectById(id: string): number | null {
    const s = this.layer ? this.shapes[this.layer].find((q) => q.id === id) : undefined;
    if (!s) return null;
    this.select(id);
    return s.imageIndex;
  }

  private selectedPlaced(): PlacedShape | null {
    return this.placed.find((q) => q.selected && q.editable && q.role !== 'extent') ?? null;
  }

  // ---- actions (authoring bar and keys) ----

  selectTool(tool: AuthorTool): void {
    if (!this.layer) return;
    if (this.p.mprOn()) { this.p.hint(AUTHOR_IN_MPR_HINT); return; }
    if (tool !== 'polygon') this.pending = null;
    this.tool = tool;
    this.p.activate();
    this.p.changed();
  }

  /** The draw key: the drawing tools in turn. */
  cycleTool(): void {
    this.selectTool(this.p.active() && DRAW_TOOLS.includes(this.tool) ? nextDrawTool(this.tool) : this.tool === 'select' ? 'point' : this.tool);
  }

  /** Shift+Enter (Enter while the keyboard cursor is hidden): closes the polygon being clicked. */
  finish(): void {
    const pending = this.pending;
    if (!pending) return;
    if (pending.points.length < 3) { this.p.hint('A contour needs at least 3 points'); return; }
    if (this.commitOutline({ kind: 'polygon', points: pending.points }, pending.index)) this.pending = null;
    this.p.changed();
  }

  /** Esc: drops the polygon being clicked, a drag and a contour waiting to be drawn. */
  cancel(): void {
    this.pending = null;
    this.contourFor = null;
    this.selectedVertex = null;
    this.gesture = null;
    this.endGesture();
  }

  /** Delete/Backspace: the last point of the polygon being clicked, the selected vertex, or the selected shape. */
  deleteKey(): boolean {
    if (!this.layer) return false;
    const s = this.selected;
    const on = s && geometryOn(s, this.p.index());
    if (this.pending) {
      this.pending.points.pop();
      if (!this.pending.points.length) this.pending = null;
      this.p.changed();
    } else if (s && on && on.role !== 'extent' && on.geometry.kind === 'polygon' && this.selectedVertex !== null) {
      const points = removedVertex(on.geometry.points, this.selectedVertex);
      if (typeof points === 'string') this.p.hint(points);
      else if (this.commit(s, withGeometry(s, this.p.index(), { kind: 'polygon', points }))) this.selectedVertex = null;
    } else if (s) {
      this.commit(s, null);
    } else {
      this.p.hint('Select a shape first (select tool, or n)');
    }
    return true;
  }

  deleteSelected(): void {
    const s = this.selected;
    if (s) this.commit(s, null);
  }

  undo(): void { this.replay(this.history.undo()); }
  redo(): void { this.replay(this.history.redo()); }

  private replay(change: ReturnType<History['undo']>): void {
    if (!change || change.layer !== this.layer) return;
    if (this.commit(change.from, change.to, false) && change.to) this.select(change.to.id);
  }

  /** "Start here" / "End here": the selected lesion's first or last image is the shown one. */
  setRangeHere(end: 'first' | 'last'): void {
    const s = this.requireSelected();
    if (!s) return;
    const next = withRange(s, end, this.p.index());
    if (typeof next === 'string') this.p.hint(next);
    else this.commit(s, next);
  }

  /** The next polygon or freehand outline drawn on the shown image becomes the selected lesion's contour there. */
  contourHere(): void {
    const s = this.requireSelected();
    if (!s) return;
    if (this.p.index() === s.imageIndex) {
      this.p.hint('This is the lesion\'s key image: go to another of its images to draw a contour there');
      return;
    }
    this.contourFor = s.id;
    this.selectTool(this.tool === 'freehand' ? 'freehand' : 'polygon');
    this.p.hint(`Draw the outline of ${s.label || 'this lesion'} on image ${this.p.index() + 1} (polygon or freehand)`);
  }

  removeContourHere(): void {
    const s = this.requireSelected();
    if (s && s.contours[String(this.p.index())]) this.commit(s, withoutContour(s, this.p.index()));
  }

  /** n / Shift+n: selects the next (previous) shape shown on this image. */
  selectNext(delta: number): void {
    if (!this.layer) return;
    const ids = this.placed.filter((q) => q.editable && !q.draft).map((q) => q.shape.id);
    if (!ids.length) { this.p.hint('No shapes on this image'); return; }
    const i = this.selectedId ? ids.indexOf(this.selectedId) : -1;
    this.select(ids[(i + delta + ids.length) % ids.length] ?? ids[0]);
  }

  /** Shift+arrows: moves the selected outline (or its selected vertex) on the shown image by whole pixels. */
  nudge(dx: number, dy: number): boolean {
    const s = this.selected;
    const on = s && geometryOn(s, this.p.index());
    if (!s || !on || on.role === 'extent') return false;
    const g = on.geometry;
    const v = this.selectedVertex;
    const moved: Geometry = g.kind === 'polygon' && v !== null
      ? { kind: 'polygon', points: g.points.map((q, k): Pt => (k === v ? [q[0] + dx, q[1] + dy] : q)) }
      : translate(g, dx, dy);
    this.commit(s, withGeometry(s, this.p.index(), moved));
    return true;
  }

  setLabel(text: string): void {
    const s = this.selected;
    if (s && text.trim() !== s.label) this.commit(s, { ...s, label: text.trim() });
  }

  /** The AI's probability in percent, as typed; empty clears it. */
  setProbability(text: string): void {
    const s = this.selected;
    if (!s) return;
    const value = text.trim() === '' ? null : Number(text);
    if (value !== null && !(Number.isFinite(value) && value >= 0 && value <= 100)) {
      this.p.hint('The probability must be a number from 0 to 100 (%)');
      this.p.changed();
      return;
    }
    this.commit(s, { ...s, probability: value === null ? null : Math.round(value * 100) / 10000 });
  }

  private requireSelected(): Shape | null {
    const s = this.selected;
    if (!s) this.p.hint('Select a lesion first');
    return s;
  }
}
