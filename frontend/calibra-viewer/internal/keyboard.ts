// Keyboard shortcuts: which key presses the viewer takes (shortcuts.ts has the table), and a listener
// on the element that hands them to the viewer's actions. No DOM beyond addEventListener.

import { actionForKey } from './shortcuts.js';
import type { Action } from './shortcuts.js';

export interface KeyPress { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }

/**
 * The action of a key press, or null when the viewer leaves the key alone: with a modifier (browser and
 * system shortcuts), in the toolbar's form controls (digits in a select, arrows on a slider; Escape still
 * counts), space on a focused button (it presses the button), and anything but help/close while the
 * help dialog is open (it is modal). `targetTag`: tag name of the element the key was pressed in.
 */
export function keyAction(e: KeyPress, targetTag: string | undefined, helpOpen: boolean): Action | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if ((targetTag === 'SELECT' || targetTag === 'INPUT') && e.key !== 'Escape') return null;
  if (e.key === ' ' && targetTag === 'BUTTON') return null;
  const action = actionForKey(e.key);
  if (!action) return null;
  if (helpOpen && action !== 'close' && action !== 'help') return null;
  return action;
}

/** Listens for keydown on the element while it is connected. */
type Target = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export class Keyboard {
  private target: Target | null = null;

  constructor(private readonly run: (action: Action, key: string) => void, private readonly helpOpen: () => boolean) {}

  connect(target: Target): void {
    this.disconnect();
    this.target = target;
    target.addEventListener('keydown', this.onKeyDown);
  }

  disconnect(): void {
    this.target?.removeEventListener('keydown', this.onKeyDown);
    this.target = null;
  }

  private readonly onKeyDown = (event: Event): void => {
    const e = event as KeyboardEvent;
    // the key's real target inside the shadow root
    const target = e.composedPath()[0] as { tagName?: string } | undefined;
    const action = keyAction(e, target?.tagName, this.helpOpen());
    if (!action) return;
    this.run(action, e.key);
    e.preventDefault(); // arrows and space would scroll the page
  };
}
