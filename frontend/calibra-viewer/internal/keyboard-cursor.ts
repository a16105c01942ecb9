// The keyboard cursor: a crosshair the keyboard moves over the image, so a finding (or, while authoring, a lesion)
// is placed without a pointer. Enter at the cursor does exactly what the pointer does at that point: a click for a
// point finding, a point lesion or the next polygon vertex; for an ellipse, a box or a freehand outline the first
// Enter presses where the cursor is, Shift+arrows drag, and the second Enter lets go. It goes through the same click
// and drag handlers as the pointer, so the events (mark-placed, shape-created …) and their checks are the same.

import type { DragHandlers } from './drag-detector.js';
import type { FindingStack } from './findings.js';
import type { Pt } from './polygon.js';

/** Canvas px per Shift+arrow press, and per Ctrl+Shift+arrow press. */
export const SMALL_STEP_PX = 2;
export const BIG_STEP_PX = 20;

/** What Enter does at the cursor with the tool now chosen: a plain click, or press and (second Enter) release. */
export type PressKind = 'click' | 'drag';

export interface CursorPorts {
  stack(): FindingStack | null;
  /** the shown image, -1 while none */
  index(): number;
  /** the viewport's size in canvas px, or null before it is laid out */
  viewportSize(): [number, number] | null;
  /** what Enter does now, or null when no tool places anything (the cursor is then hidden) */
  pressKind(): PressKind | null;
  click(canvas: Pt): void;
  /** the pointer's drag handlers, in canvas px */
  dragHandlers(): DragHandlers;
  announce(text: string): void;
  changed(): void;
}

export class KeyboardCursor {
  /** where the cursor is, image px; null until first shown */
  at: Pt | null = null;
  /** the keyboard is in use (a key pressed, focus by Tab); a pointer press hides the cursor again */
  engaged = false;
  /** the first corner (image px) of a shape being dragged out by keys, and the handlers that took it */
  private held: { anchor: Pt; handlers: DragHandlers } | null = null;

  constructor(private readonly p: CursorPorts) {}

  /** The cursor on the canvas (and the held corner, if any), or null when it is not shown. */
  shown(): { at: Pt; anchor: Pt | null } | null {
    if (!this.engaged || !this.p.pressKind()) return null;
    this.placeIfUnplaced(); // engaged before the first image was drawn
    if (!this.at) return null;
    const stack = this.p.stack();
    const at = stack?.imageToCanvas(this.at[0], this.at[1]);
    if (!stack || !at || this.p.index() < 0) return null;
    const anchor = this.held ? stack.imageToCanvas(this.held.anchor[0], this.held.anchor[1]) : null;
    return { at, anchor };
  }

  /** Whether the cursor is shown now (Shift+arrows and Enter belong to it). */
  get active(): boolean {
    return !!this.shown();
  }

  /** The keyboard is in use: show the cursor (at the viewport centre the first time). */
  engage(): void {
    if (this.engaged) return;
    this.engaged = true;
    this.placeIfUnplaced();
    this.p.changed();
  }

  /** A pointer press or focus leaving the viewer: hide the cursor, drop a shape held by keys. */
  disengage(): void {
    if (!this.engaged) return;
    this.release();
    this.engaged = false;
    this.p.changed();
  }

  /** A new stack: the next cursor starts at the centre again. */
  reset(): void {
    this.release();
    this.at = null;
  }

  /** Puts the cursor on image point (x, y) (a finding selected by keys). */
  moveTo(x: number, y: number): void {
    this.at = [x, y];
    this.p.changed();
  }

  /** Shift+arrows: moves the cursor by (dx, dy) canvas px, clamped to the image; a held shape follows. */
  move(dx: number, dy: number): void {
    this.placeIfUnplaced();
    const stack = this.p.stack();
    if (!stack || !this.at) return;
    const c = stack.imageToCanvas(this.at[0], this.at[1]);
    const next = c && stack.canvasToImage(c[0] + dx, c[1] + dy, true);
    if (!next) return;
    this.at = next;
    const held = this.held;
    if (held) {
      const a = stack.imageToCanvas(held.anchor[0], held.anchor[1]);
      const b = stack.imageToCanvas(next[0], next[1]);
      if (a && b) held.handlers.move(a[0], a[1], b[0], b[1]);
    }
    this.p.changed();
  }

  /** Enter: a click at the cursor, or the press (first Enter) and release (second) of a drag. */
  press(): void {
    this.placeIfUnplaced();
    const stack = this.p.stack();
    const kind = this.p.pressKind();
    const at = this.at && stack?.imageToCanvas(this.at[0], this.at[1]);
    if (!stack || !kind || !at || !this.at) return;
    const held = this.held;
    if (held) {
      this.held = null;
      const a = stack.imageToCanvas(held.anchor[0], held.anchor[1]);
      if (a) held.handlers.end(a[0], a[1], at[0], at[1]);
      else held.handlers.cancel();
      this.p.changed();
      return;
    }
    if (kind === 'click') {
      this.p.click(at);
      return;
    }
    const handlers = this.p.dragHandlers();
    if (!handlers.accept(at[0], at[1])) {
      this.p.click(at); // what the pointer does when a drag is refused there (a hint, a selection)
      return;
    }
    this.held = { anchor: this.at, handlers };
    this.p.announce('Started here: move with Shift+arrows, Enter finishes, Esc cancels');
    this.p.changed();
  }

  /** Whether a shape is being dragged out by keys. */
  get holding(): boolean {
    return !!this.held;
  }

  /** Esc: drops the shape being dragged out by keys; true when there was one. */
  release(): boolean {
    const held = this.held;
    if (!held) return false;
    this.held = null;
    held.handlers.cancel();
    this.p.changed();
    return true;
  }

  /** The first time: the point under the viewport centre (the image centre when the viewport has no size yet). */
  private placeIfUnplaced(): void {
    if (this.at) return;
    const stack = this.p.stack();
    if (!stack || this.p.index() < 0) return;
    const size = this.p.viewportSize();
    const image = stack.imageSize();
    this.at = size && size[0] > 0 && size[1] > 0 ? stack.canvasToImage(size[0] / 2, size[1] / 2, true)
      : image ? [image[0] / 2, image[1] / 2] : null;
  }
}
