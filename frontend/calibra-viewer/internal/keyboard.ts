// Keyboard shortcuts: which key presses the viewer takes (shortcuts.ts has the table), and a listener
// on the element that hands them to the viewer's actions. No DOM beyond addEventListener.

import { AUTHORING_ACTIONS, actionForKey } from './shortcuts.js';
import type { Action } from './shortcuts.js';

export interface KeyPress { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey?: boolean }

/**
 * The action of a key press, or null when the viewer leaves the key alone: with a modifier (browser and
 * system shortcuts), in the toolbar's form controls (digits in a select, arrows on a slider; Escape still
 * counts), space on a focused button (it presses the button), and anything but help/close while the
 * help dialog is open (it is modal). `targetTag`: tag name of the element the key was pressed in. While
 * `authoring`, also the authoring keys: Ctrl/Cmd+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, Shift+arrows nudge, and
 * the letters of AUTHORING_ACTIONS; Enter on a focused button still presses the button.
 */
export function keyAction(e: KeyPress, targetTag: string | undefined, helpOpen: boolean, authoring = false): Action | null {
  const inForm = targetTag === 'SELECT' || targetTag === 'INPUT';
  if (e.altKey) return null;
  if (e.ctrlKey || e.metaKey) {
    if (!authoring || inForm || helpOpen) return null;
    const k = e.key.toLowerCase();
    return k === 'z' ? (e.shiftKey ? 'redo' : 'undo') : k === 'y' ? 'redo' : null;
  }
  if (inForm && e.key !== 'Escape') return null;
  if ((e.key === ' ' || e.key === 'Enter') && targetTag === 'BUTTON') return null;
  const nudge = authoring && e.shiftKey && e.key.startsWith('Arrow');
  const action = nudge ? 'nudge' : authoring && e.key === 'Enter' ? 'finish' : actionForKey(e.key);
  if (!action) return null;
  if (AUTHORING_ACTIONS.has(action) && !authoring) return null;
  if (helpOpen && action !== 'close' && action !== 'help') return null;
  return action;
}

/** Listens for keydown on the element while it is connected. */
type Target = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export class Keyboard {
  private target: Target | null = null;

  constructor(private readonly run: (action: Action, key: string) => void, private readonly helpOpen: () => boolean,
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
    this.run(action, e.key);
    e.preventDefault(); // arrows and space would scroll the page
  };
}
