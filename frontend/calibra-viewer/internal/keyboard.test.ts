import { describe, expect, it, vi } from 'vitest';
import { Keyboard, keyAction } from './keyboard.js';
import { actionForKey, shortcutsFor } from './shortcuts.js';
import type { Action } from './shortcuts.js';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('the keyboard map', () => {
  it('maps every documented key to its action', () => {
    const expected: Record<string, Action> = {
      ArrowUp: 'prev', ArrowDown: 'next', w: 'wl', p: 'pan', z: 'zoom', m: 'mark', l: 'length', e: 'roi',
      c: 'clear-measurements', r: 'reset', i: 'invert', ' ': 'cine', g: 'heatmap', v: 'mpr', x: 'crosshair',
      '?': 'help', h: 'help', Delete: 'delete-mark', Backspace: 'delete-mark', Escape: 'close',
    };
    for (const [key, action] of Object.entries(expected)) expect(actionForKey(key), key).toBe(action);
    for (const digit of '0123456789') expect(actionForKey(digit)).toBe('preset');
  });

  it('reads letters whatever the case, and ignores other keys', () => {
    expect(actionForKey('M')).toBe('mark');
    expect(actionForKey('q')).toBeNull();
    expect(actionForKey('Enter')).toBe('place');
    expect(actionForKey('DELETE')).toBeNull();
  });

  it('documents in the help every action a key can trigger', () => {
    const keys = ['ArrowUp', 'ArrowDown', 'w', 'p', 'z', 'm', 'l', 'e', 'c', 'r', 'i', ' ', 'g', 'v', 'x', '?', 'h',
      'Delete', 'Backspace', 'Escape', '0', 'Enter', 'n'];
    const documented = new Set(shortcutsFor(false).map((s) => s.action));
    expect(documented.has('nudge')).toBe(true); // Shift+arrows: keyboard.ts's, not the letter table's
    for (const key of keys) {
      const action = actionForKey(key)!;
      if (action !== 'next') expect(documented.has(action), action).toBe(true); // ↑/↓ share one line
    }
  });
});

describe('which key presses the viewer takes', () => {
  it('leaves keys with a modifier to the browser', () => {
    expect(keyAction(press('m'), undefined, false)).toBe('mark');
    expect(keyAction(press('c', { ctrlKey: true }), undefined, false)).toBeNull();
    expect(keyAction(press('r', { metaKey: true }), undefined, false)).toBeNull();
    expect(keyAction(press('v', { altKey: true }), undefined, false)).toBeNull();
  });

  it('leaves the toolbar\'s select and sliders their own keys, except Escape', () => {
    expect(keyAction(press('2'), 'SELECT', false)).toBeNull();
    expect(keyAction(press('ArrowUp'), 'INPUT', false)).toBeNull();
    expect(keyAction(press('Escape'), 'INPUT', false)).toBe('close');
  });

  it('lets space press a focused button rather than play cine', () => {
    expect(keyAction(press(' '), 'BUTTON', false)).toBeNull();
    expect(keyAction(press(' '), 'DIV', false)).toBe('cine');
    expect(keyAction(press('m'), 'BUTTON', false)).toBe('mark');
  });

  it('keeps the help dialog modal: only help and close get through', () => {
    expect(keyAction(press('m'), undefined, true)).toBeNull();
    expect(keyAction(press('Escape'), undefined, true)).toBe('close');
    expect(keyAction(press('?'), undefined, true)).toBe('help');
  });
});

describe('the key listener', () => {
  const keydown = (key: string) => Object.assign(new Event('keydown', { cancelable: true }), press(key));

  it('runs the action and keeps the page from scrolling, while connected only', () => {
    const run = vi.fn();
    const target = new EventTarget();
    const keyboard = new Keyboard(run, () => false);
    keyboard.connect(target);
    const arrow = keydown('ArrowDown');
    target.dispatchEvent(arrow);
    expect(run).toHaveBeenCalledWith('next', 'ArrowDown', false);
    expect(arrow.defaultPrevented).toBe(true);
    const other = keydown('q');
    target.dispatchEvent(other);
    expect(other.defaultPrevented).toBe(false);
    keyboard.disconnect();
    target.dispatchEvent(keydown('m'));
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('listens once however often it is connected', () => {
    const run = vi.fn();
    const target = new EventTarget();
    const keyboard = new Keyboard(run, () => false);
    keyboard.connect(target);
    keyboard.connect(target);
    target.dispatchEvent(keydown('m'));
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe('authoring keys', () => {
  const mod = (key: string, m: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }>) =>
    ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...m });

  it('take undo and redo with Ctrl or Cmd while authoring, never elsewhere or in a text field', () => {
    expect(keyAction(mod('z', { ctrlKey: true }), undefined, false, true)).toBe('undo');
    expect(keyAction(mod('Z', { metaKey: true, shiftKey: true }), undefined, false, true)).toBe('redo');
    expect(keyAction(mod('y', { ctrlKey: true }), undefined, false, true)).toBe('redo');
    expect(keyAction(mod('c', { ctrlKey: true }), undefined, false, true)).toBeNull();
    expect(keyAction(mod('z', { ctrlKey: true }), undefined, false, false)).toBeNull();
    expect(keyAction(mod('z', { ctrlKey: true }), 'INPUT', false, true)).toBeNull();
  });

  it('use the authoring letters and Shift+Enter only while authoring', () => {
    for (const [key, action] of [['a', 'author-draw'], ['s', 'author-select'], ['[', 'range-first'], [']', 'range-last'],
      ['u', 'contour-here'], ['k', 'key-image']] as const) {
      expect(keyAction(press(key), 'DIV', false, true), key).toBe(action);
      expect(keyAction(press(key), 'DIV', false, false), key).toBeNull();
    }
    expect(keyAction(mod('Enter', { shiftKey: true }), 'DIV', false, true)).toBe('finish');
    expect(keyAction(mod('Enter', { shiftKey: true }), 'DIV', false, false)).toBeNull();
    expect(keyAction(press('ArrowUp'), undefined, false, true)).toBe('prev');
  });

  it('give Enter, n and Shift+arrows (Ctrl+Shift: the big step) to reading and authoring alike', () => {
    for (const authoring of [false, true]) {
      expect(keyAction(press('Enter'), 'DIV', false, authoring)).toBe('place');
      expect(keyAction(press('n'), 'DIV', false, authoring)).toBe('next-shape');
      expect(keyAction(press('N'), 'DIV', false, authoring)).toBe('next-shape');
      expect(keyAction(mod('ArrowLeft', { shiftKey: true }), undefined, false, authoring)).toBe('nudge');
      expect(keyAction(mod('ArrowUp', { shiftKey: true, ctrlKey: true }), undefined, false, authoring)).toBe('nudge');
    }
    expect(keyAction(mod('ArrowUp', { ctrlKey: true }), undefined, false, false)).toBeNull(); // Ctrl+arrow without Shift: the system's
    expect(keyAction(mod('ArrowUp', { shiftKey: true, metaKey: true }), undefined, false, false)).toBeNull();
    expect(keyAction(mod('ArrowUp', { shiftKey: true, ctrlKey: true }), 'INPUT', false, false)).toBeNull();
    expect(keyAction(mod('ArrowUp', { shiftKey: true }), undefined, true, false)).toBeNull(); // the help is modal
  });

  it('let Enter press a focused button and type into the label field', () => {
    expect(keyAction(press('Enter'), 'BUTTON', false, true)).toBeNull();
    expect(keyAction(press('a'), 'INPUT', false, true)).toBeNull();
    expect(keyAction(press('Delete'), 'INPUT', false, true)).toBeNull();
  });

  it('are documented in the help', () => {
    const documented = new Set(shortcutsFor(true).map((s) => s.action));
    for (const action of ['author-draw', 'author-select', 'finish', 'next-shape', 'nudge', 'range-first', 'contour-here', 'undo', 'key-image']) {
      expect(documented.has(action as Action), action).toBe(true);
    }
  });
});
