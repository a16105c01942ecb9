// Reports left-button drags on an element, for drawing shaped marks. A drag
// starts once the pointer has moved more than the click tolerance, so a plain
// click (click-detector.ts) never becomes a drag and the other way round.

const MOVE_TOLERANCE_PX = 4;

export interface DragHandlers {
  /** whether a drag starting at this point (client px) should be tracked at all */
  accept(clientX: number, clientY: number): boolean;
  move(x0: number, y0: number, x1: number, y1: number): void;
  end(x0: number, y0: number, x1: number, y1: number): void;
  cancel(): void;
}

/** Listens on `element` (and the window while dragging); returns a function that removes the listeners. */
export function detectDrags(element: HTMLElement, h: DragHandlers): { stop: () => void; cancel: () => void } {
  let start: { x: number; y: number; id: number; dragging: boolean } | null = null;
  const down = (e: PointerEvent) => {
    if (!e.isPrimary || e.button !== 0 || !h.accept(e.clientX, e.clientY)) return;
    start = { x: e.clientX, y: e.clientY, id: e.pointerId, dragging: false };
    window.addEventListener('pointermove', move, true);
    window.addEventListener('pointerup', up, true);
    window.addEventListener('pointercancel', cancel, true);
  };
  const move = (e: PointerEvent) => {
    if (!start || e.pointerId !== start.id) return;
    if (!start.dragging && Math.hypot(e.clientX - start.x, e.clientY - start.y) <= MOVE_TOLERANCE_PX) return;
    start.dragging = true;
    h.move(start.x, start.y, e.clientX, e.clientY);
  };
  const up = (e: PointerEvent) => {
    if (!start || e.pointerId !== start.id) return;
    const s = start;
    release();
    if (s.dragging) h.end(s.x, s.y, e.clientX, e.clientY);
  };
  const release = () => {
    start = null;
    window.removeEventListener('pointermove', move, true);
    window.removeEventListener('pointerup', up, true);
    window.removeEventListener('pointercancel', cancel, true);
  };
  const cancel = () => {
    const wasDragging = start?.dragging;
    release();
    if (wasDragging) h.cancel();
  };
  element.addEventListener('pointerdown', down, true);
  return {
    stop: () => { element.removeEventListener('pointerdown', down, true); release(); },
    cancel,
  };
}

/** Joins several handlers: the first whose `accept` takes a drag gets all of it (move, end or cancel). */
export function firstAccepting(...all: DragHandlers[]): DragHandlers {
  let current: DragHandlers | null = null;
  return {
    accept: (x, y) => { current = all.find((h) => h.accept(x, y)) ?? null; return !!current; },
    move: (x0, y0, x1, y1) => current?.move(x0, y0, x1, y1),
    end: (x0, y0, x1, y1) => { const h = current; current = null; h?.end(x0, y0, x1, y1); },
    cancel: () => { const h = current; current = null; h?.cancel(); },
  };
}
