// The authoring bar (below the toolbar while a layer is authored) and the burned-in text banner, as Lit templates
// over a plain model and callbacks (ViewerController builds both from the Authoring controller).

import { html, nothing } from 'lit';
import type { AuthorTool } from './author-gestures.js';
import type { Layer, Shape } from './shapes.js';

export interface AuthorBarModel {
  layer: Layer; tool: AuthorTool; active: boolean; mpr: boolean;
  canUndo: boolean; canRedo: boolean;
  selected: Shape | null;
  /** the shown image; whether the selected lesion has a contour there; whether the next outline becomes one */
  index: number; contourHere: boolean; contourArmed: boolean;
  /** points of the polygon being clicked */
  pending: number;
}

export interface AuthorBarActions {
  selectTool(tool: AuthorTool): void; undo(): void; redo(): void; deleteSelected(): void; finish(): void;
  rangeHere(end: 'first' | 'last'): void; contourHere(): void; removeContourHere(): void;
  setLabel(text: string): void; setProbability(text: string): void; captureKeyImage(): void;
}

const TOOLS: [AuthorTool, string, string][] = [
  ['select', 'Select, move, resize, edit vertices (s)', 'Select'],
  ['point', 'Point with radius: click, or drag from the centre (a)', '◉'],
  ['ellipse', 'Ellipse: drag corner to corner (or Enter at each corner with the keyboard cursor) (a)', '◯'],
  ['box', 'Box: drag corner to corner (or Enter at each corner with the keyboard cursor) (a)', '▭'],
  ['polygon', 'Polygon: click the points (or Enter at the keyboard cursor); the first point again or Shift+Enter closes it (a)', '⬠'],
  ['freehand', 'Freehand contour: drag around the lesion (or Enter, trace with Shift+arrows, Enter) (a)', '✎'],
];

const LAYER_NAMES: Record<Layer, string> = { truth: 'Truth lesions', ai: 'AI marks' };

export function renderAuthorBar(m: AuthorBarModel, a: AuthorBarActions) {
  const s = m.selected;
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  return html`<div class="toolbar authoring" role="toolbar" aria-label="Draw ${LAYER_NAMES[m.layer]}" data-testid="author-bar">
    <span class="group"><span class="layer ${m.layer}" data-testid="author-layer">${LAYER_NAMES[m.layer]}</span></span>
    <span class="group" role="group" aria-label="Drawing tools">
      ${TOOLS.map(([tool, label, text]) => html`<button class="shape" data-testid="author-tool-${tool}" aria-label=${label}
        title=${label} aria-pressed=${m.active && m.tool === tool} ?disabled=${m.mpr} @click=${() => a.selectTool(tool)}>${text}</button>`)}
      ${m.pending ? html`<button data-testid="author-finish" title="Close the contour (Shift+Enter)" ?disabled=${m.pending < 3}
        @click=${() => a.finish()}>Close (${m.pending})</button>` : nothing}
    </span>
    <span class="group">
      <button data-testid="author-undo" aria-label="Undo" title="Undo (Ctrl+Z)" ?disabled=${!m.canUndo} @click=${() => a.undo()}>↶</button>
      <button data-testid="author-redo" aria-label="Redo" title="Redo (Ctrl+Y)" ?disabled=${!m.canRedo} @click=${() => a.redo()}>↷</button>
    </span>
    ${s ? html`<span class="group" role="group" aria-label="Selected shape">
      <label class="field">Label <input data-testid="shape-label" type="text" size="12" .value=${s.label}
        @change=${(e: Event) => a.setLabel(value(e))}></label>
      ${m.layer === 'ai' ? html`<label class="field">AI <input data-testid="shape-probability" type="number" min="0" max="100"
        step="1" .value=${s.probability === null ? '' : String(Math.round(s.probability * 10000) / 100)}
        aria-label="AI probability, percent" @change=${(e: Event) => a.setProbability(value(e))}>%</label>` : nothing}
      <span data-testid="shape-range" title="The images this lesion spans, and its key image">${s.firstImage === s.lastImage
        ? `Image ${s.imageIndex + 1}` : `Images ${s.firstImage + 1}–${s.lastImage + 1} · key ${s.imageIndex + 1}`}</span>
      <button data-testid="range-first" title="The lesion starts on this image ([)" @click=${() => a.rangeHere('first')}>Start here</button>
      <button data-testid="range-last" title="The lesion ends on this image (])" @click=${() => a.rangeHere('last')}>End here</button>
      <button data-testid="contour-here" title="Draw the lesion's contour on this image (u)" aria-pressed=${m.contourArmed}
        ?disabled=${m.index === s.imageIndex} @click=${() => a.contourHere()}>Contour here</button>
      ${m.contourHere ? html`<button data-testid="remove-contour" title="Remove the lesion's contour on this image"
        @click=${() => a.removeContourHere()}>Remove contour</button>` : nothing}
      <button data-testid="delete-shape" aria-label="Delete the selected shape" title="Delete (Delete)"
        @click=${() => a.deleteSelected()}>Delete</button>
    </span>` : nothing}
    <span class="group">
      <button data-testid="key-image" title="Capture this view with its overlay as a key image (k)"
        @click=${() => a.captureKeyImage()}>Key image</button>
    </span>
  </div>`;
}

/** Over images that de-identification flagged: pixels may carry burned-in patient text. */
export function renderFlagBanner() {
  return html`<div class="banner" role="status" data-testid="burned-in-banner">May contain burned-in patient text: check before approving</div>`;
}
