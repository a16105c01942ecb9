// The viewer's keyboard shortcuts: one table for the key handler and the help overlay.

export type Action =
  | 'prev' | 'next' | 'wl' | 'pan' | 'zoom' | 'mark' | 'length' | 'roi' | 'clear-measurements'
  | 'reset' | 'invert' | 'cine' | 'preset' | 'heatmap' | 'mpr' | 'crosshair' | 'help' | 'delete-mark' | 'close';

export interface Shortcut { keys: string[]; action: Action; description: string }

export const SHORTCUTS: Shortcut[] = [
  { keys: ['↑', '↓'], action: 'prev', description: 'Previous / next image (or the mouse wheel)' },
  { keys: ['w'], action: 'wl', description: 'Window/level tool (left drag)' },
  { keys: ['p'], action: 'pan', description: 'Pan tool (or middle drag)' },
  { keys: ['z'], action: 'zoom', description: 'Zoom tool (or right drag)' },
  { keys: ['m'], action: 'mark', description: 'Mark a finding; press again for point → ellipse → box' },
  { keys: ['Delete', 'Backspace'], action: 'delete-mark', description: 'Delete the selected finding' },
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
  { keys: ['Esc'], action: 'close', description: 'Close this help, cancel drawing a finding' },
];

/** Key (KeyboardEvent.key, letters lower-cased) -> action; digits are presets. */
export function actionForKey(key: string): Action | null {
  if (/^[0-9]$/.test(key)) return 'preset';
  const k = key.length === 1 ? key.toLowerCase() : key;
  const map: Record<string, Action> = {
    ArrowUp: 'prev', ArrowDown: 'next', w: 'wl', p: 'pan', z: 'zoom', m: 'mark', l: 'length', e: 'roi',
    c: 'clear-measurements', r: 'reset', i: 'invert', ' ': 'cine', g: 'heatmap', v: 'mpr', x: 'crosshair',
    '?': 'help', h: 'help', Delete: 'delete-mark', Backspace: 'delete-mark', Escape: 'close',
  };
  return map[k] ?? null;
}
