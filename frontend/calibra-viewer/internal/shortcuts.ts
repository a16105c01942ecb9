// The viewer's keyboard shortcuts: one table for the key handler and the help overlay.

export type Action =
  | 'prev' | 'next' | 'wl' | 'pan' | 'zoom' | 'mark' | 'length' | 'roi' | 'clear-measurements'
  | 'reset' | 'invert' | 'cine' | 'preset' | 'heatmap' | 'mpr' | 'crosshair' | 'help' | 'delete-mark' | 'close'
  | 'place' | 'nudge' | 'next-shape' | AuthoringAction;

/** Actions of authoring mode only (the `authoring` property set): other pages leave these keys alone. */
export type AuthoringAction = 'author-draw' | 'author-select' | 'finish' | 'undo' | 'redo' | 'range-first' | 'range-last'
  | 'contour-here' | 'key-image';
export const AUTHORING_ACTIONS: ReadonlySet<Action> = new Set<AuthoringAction>([
  'author-draw', 'author-select', 'finish', 'undo', 'redo', 'range-first', 'range-last', 'contour-here', 'key-image',
]);

/** `authoring`: listed in the help only while authoring (true) or only while not (false). */
export interface Shortcut { keys: string[]; action: Action; description: string; authoring?: boolean }

export const SHORTCUTS: Shortcut[] = [
  { keys: ['↑', '↓'], action: 'prev', description: 'Previous / next image (or the mouse wheel)' },
  { keys: ['w'], action: 'wl', description: 'Window/level tool (left drag)' },
  { keys: ['p'], action: 'pan', description: 'Pan tool (or middle drag)' },
  { keys: ['z'], action: 'zoom', description: 'Zoom tool (or right drag)' },
  { keys: ['m'], action: 'mark', description: 'Mark a finding; press again for point → ellipse → box' },
  { keys: ['Shift+←↑↓→'], action: 'nudge', description: 'Move the keyboard cursor (a crosshair; shown with the Mark tool) by 2 pixels', authoring: false },
  { keys: ['Ctrl+Shift+←↑↓→'], action: 'nudge', description: 'Move the keyboard cursor by 20 pixels' },
  { keys: ['Enter'], action: 'place', description: 'Mark a finding at the keyboard cursor (ellipse, box: Enter at one corner, move, Enter at the other)', authoring: false },
  { keys: ['n', 'N'], action: 'next-shape', description: 'Select the next / previous finding (on any image)', authoring: false },
  { keys: ['Delete', 'Backspace'], action: 'delete-mark', description: 'Delete the selected finding', authoring: false },
  { keys: ['l'], action: 'length', description: 'Measure a length (drag)' },
  { keys: ['e'], action: 'roi', description: 'Measure an elliptical region: area, mean, SD (drag)' },
  { keys: ['c'], action: 'clear-measurements', description: 'Clear all measurements' },
  { keys: ['0'], action: 'preset', description: 'Window preset: the image’s own' },
  { keys: ['1', '…', '5'], action: 'preset', description: 'Window presets (CT: lung, mediastinum, bone, brain, soft tissue)' },
  { keys: ['i'], action: 'invert', description: 'Invert grey levels' },
  { keys: ['Space'], action: 'cine', description: 'Play / pause cine through the stack' },
  { keys: ['r'], action: 'reset', description: 'Reset zoom, pan, window and invert' },
  { keys: ['g'], action: 'heatmap', description: 'Show / hide the AI heatmap (when the AI is shown)' },
  { keys: ['v'], action: 'mpr', description: 'MPR: axial, coronal and sagittal views (volumes only)' },
  { keys: ['x'], action: 'crosshair', description: 'Crosshair tool in MPR (left drag moves the crosshair)' },
  { keys: ['?', 'h'], action: 'help', description: 'This help' },
  { keys: ['Esc'], action: 'close', description: 'Close this help, cancel drawing a finding, hide the keyboard cursor' },
  { keys: ['a'], action: 'author-draw', description: 'Draw: point → ellipse → box → polygon → freehand', authoring: true },
  { keys: ['s'], action: 'author-select', description: 'Select, move, resize, edit vertices', authoring: true },
  { keys: ['Shift+←↑↓→'], action: 'nudge', description: 'Drawing tools: move the keyboard cursor by 2 pixels. Select tool: move the selected shape (or vertex) by one pixel (Ctrl+Shift: 10)', authoring: true },
  { keys: ['Enter'], action: 'place', description: 'Draw at the keyboard cursor: a point, the next polygon point; ellipse, box, freehand: Enter to start, Shift+arrows, Enter to finish', authoring: true },
  { keys: ['Shift+Enter'], action: 'finish', description: 'Close the polygon being drawn', authoring: true },
  { keys: ['n', 'N'], action: 'next-shape', description: 'Select the next / previous shape on this image', authoring: true },
  { keys: ['Delete'], action: 'delete-mark', description: 'Delete the selected vertex or shape (last point while drawing)', authoring: true },
  { keys: ['[', ']'], action: 'range-first', description: 'The selected lesion starts / ends on this image', authoring: true },
  { keys: ['u'], action: 'contour-here', description: 'Draw the selected lesion\'s contour on this image', authoring: true },
  { keys: ['Ctrl+Z', 'Ctrl+Y'], action: 'undo', description: 'Undo / redo', authoring: true },
  { keys: ['k'], action: 'key-image', description: 'Capture this view as a key image', authoring: true },
];

/** The rows the help lists: while authoring, the authoring rows instead of the reading-only ones. */
export function shortcutsFor(authoring: boolean): Shortcut[] {
  return SHORTCUTS.filter((s) => s.authoring === undefined || s.authoring === authoring);
}

/** Key (KeyboardEvent.key, letters lower-cased) -> action; digits are presets. Shift+arrows and Shift+Enter are keyboard.ts's. */
export function actionForKey(key: string): Action | null {
  if (/^[0-9]$/.test(key)) return 'preset';
  const k = key.length === 1 ? key.toLowerCase() : key;
  const map: Record<string, Action> = {
    ArrowUp: 'prev', ArrowDown: 'next', w: 'wl', p: 'pan', z: 'zoom', m: 'mark', l: 'length', e: 'roi',
    c: 'clear-measurements', r: 'reset', i: 'invert', ' ': 'cine', g: 'heatmap', v: 'mpr', x: 'crosshair',
    '?': 'help', h: 'help', Delete: 'delete-mark', Backspace: 'delete-mark', Escape: 'close', Enter: 'place',
    a: 'author-draw', s: 'author-select', n: 'next-shape', '[': 'range-first', ']': 'range-last',
    u: 'contour-here', k: 'key-image',
  };
  return map[k] ?? null;
}
