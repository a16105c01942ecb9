// Keyboard shortcuts: which key presses the viewer takes (shortcuts.ts has the table), and a listener
// on the element that hands them to the viewer's actions. No DOM beyond addEventListener.

import { AUTHORING_ACTIONS, actionForKey } from './shortcuts.js';
import type { Action } from './shortcuts.js';

export interface KeyPress { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey?: boolean }

/**
 * The action of a key press, or null when the viewer leaves the key alone: with a modifier (browser and
 * system shortcuts), in the toolbar's form controls (digits in a select, arrows on a slider; Escape still
 * counts), space or Enter on a focused button (it presses the button), and anything but help/close while the
 * help dialog is open (it is modal). `targetTag`: tag name of the element the key was pressed in. Shift+arrows
 * (Ctrl+Shift+arrows: a bigger step) move the keyboard cursor or nudge; Enter places at the cursor. While
 * `authoring`, also the authoring keys: Ctrl/Cmd+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, Shift+Enter closes the
 * polygon, and the letters of AUTHORING_ACTIONS.
 */
export function keyAction(e: KeyPress, targetTag: string | undefined, helpOpen: boolean, authoring = false): Action | null {
  const inForm = targetTag === 'SELECT' || targetTag === 'INPUT';
  const shiftArrow = !!e.shiftKey && e.key.startsWith('Arrow');
  if (e.altKey) return null;
  if (e.ctrlKey || e.metaKey) {
    if (inForm || helpOpen) return null;
    if (shiftArrow && e.ctrlKey) return 'nudge';
    if (!authoring) return null;
    const k = e.key.toLowerCase();
    return k === 'z' ? (e.shiftKey ? 'redo' : 'undo') : k === 'y' ? 'redo' : null;
  }
  if (inForm && e.key !== 'Escape') return null;
  if ((e.key === ' ' || e.key === 'Enter') && targetTag === 'BUTTON') return null;
  const action = shiftArrow ? 'nudge' : e.key === 'Enter' && e.shiftKey ? 'finish' : actionForKey(e.key);
  if (!action) return null;
  if (AUTHORING_ACTIONS.has(action) && !authoring) return null;
  if (helpOpen && action !== 'close' && action !== 'help') return null;
  return action;
}

/** Listens for keydown on the element while it is connected. */
type Target = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export class Keyboard {
  private target: Target | null = null;

  /** `run`: the action, the key, and whether Ctrl was held (a bigger step) */
  constructor(private readonly run: (action: Action, key: string, big: boolean) => void, private readonly helpOpen: () => boolean,
    private readonly authoring: () => boolean = () => false) {}

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
    const action = keyAction(e, target?.tagName, this.helpOpen(), this.authoring());
    if (!action) return;
    this.run(action, e.key, e.ctrlKey);
    e.preventDefault(); // arrows and space would scroll the page
  };
}
