// Reports plain clicks (press and release without moving) on an element.
// Cornerstone's own MOUSE_CLICK counts any press shorter than 200 ms, so a
// quick drag would place a mark and a slow, deliberate click would not.

const MOVE_TOLERANCE_PX = 4;

export type ClickHandler = (clientX: number, clientY: number, button: number) => void;

/** Listens on `element`; returns a function that removes the listeners. */
export function detectClicks(element: HTMLElement, onClick: ClickHandler): () => void {
  let start: { x: number; y: number; button: number; id: number } | null = null;
  const down = (e: PointerEvent) => {
    start = e.isPrimary ? { x: e.clientX, y: e.clientY, button: e.button, id: e.pointerId } : null;
  };
  const move = (e: PointerEvent) => {
    if (start && e.pointerId === start.id
      && Math.hypot(e.clientX - start.x, e.clientY - start.y) > MOVE_TOLERANCE_PX) start = null;
  };
  const up = (e: PointerEvent) => {
    const s = start;
    start = null;
    if (s && e.pointerId === s.id && e.button === s.button
      && Math.hypot(e.clientX - s.x, e.clientY - s.y) <= MOVE_TOLERANCE_PX) onClick(e.clientX, e.clientY, e.button);
  };
  const cancel = () => { start = null; };
  // capture phase: Cornerstone's handlers on inner elements may stop propagation
  element.addEventListener('pointerdown', down, true);
  element.addEventListener('pointermove', move, true);
  element.addEventListener('pointerup', up, true);
  element.addEventListener('pointercancel', cancel, true);
  return () => {
    element.removeEventListener('pointerdown', down, true);
    element.removeEventListener('pointermove', move, true);
    element.removeEventListener('pointerup', up, true);
    element.removeEventListener('pointercancel', cancel, true);
  };
}
