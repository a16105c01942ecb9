// The viewer's toolbar and its overlays (MPR panes, shortcut help) as Lit
// templates over a plain model and callbacks (ViewerController builds both).
// A button's accessible name starts with the words it shows (WCAG 2.5.3, label
// in name), so a voice-control user saying "click ROI" finds it.

import { html, nothing } from 'lit';
import { MARK_SHAPES } from './model.js';
import type { MarkShape } from './model.js';
import { MPR_COLOURS, MPR_PLANES } from './mpr-planes.js';
import type { MprTool } from './mpr-planes.js';
import type { WindowPreset } from './presets.js';
import { shortcutsFor } from './shortcuts.js';
import type { PrimaryTool } from './tools.js';

export interface ToolbarModel {
  tool: PrimaryTool; mprTool: MprTool; mpr: boolean; mprSlice: number;
  markingEnabled: boolean; markShape: MarkShape; measurementCount: number;
  presets: WindowPreset[]; presetId: string; inverted: boolean;
  index: number; count: number; cinePlaying: boolean; fps: number;
  heatmapAvailable: boolean; heatmapOn: boolean; heatmapOpacity: number; volume: boolean;
}

export interface ToolbarActions {
  selectTool(tool: PrimaryTool): void; selectMprTool(tool: MprTool): void; selectShape(shape: MarkShape): void;
  clearMeasurements(): void; applyPreset(id: string): void; toggleInvert(): void; reset(): void;
  step(delta: number): void; toggleCine(): void; setFps(fps: number): void;
  toggleHeatmap(): void; setHeatmapOpacity(percent: number): void; toggleMpr(): void;
  openHelp(): void; closeHelp(): void;
}

const SHAPE_LABELS: Record<MarkShape, [string, string]> = {
  point: ['Point finding (click)', '•'], ellipse: ['Ellipse finding (drag)', '◯'], box: ['Box finding (drag)', '▭'],
};

function toolButton(m: ToolbarModel, a: ToolbarActions, tool: PrimaryTool, label: string, text: string, key: string,
  disabled = false) {
  const pressed = m.mpr ? m.mprTool === tool : m.tool === tool;
  return html`<button data-testid="tool-${tool}" aria-label="${label}" title="${label} (${key})"
    aria-pressed="${pressed}" ?disabled=${disabled} @click=${() => a.selectTool(tool)}>${text}</button>`;
}

export function renderToolbar(m: ToolbarModel, a: ToolbarActions) {
  const shown = m.index >= 0 ? m.index + 1 : 0;
  const mpr = m.mpr;
  const presetKnown = m.presets.some((p) => p.id === m.presetId);
  return html`<div class="toolbar" role="toolbar" aria-label="Viewer tools">
    <span class="group">
      ${mpr ? html`<button data-testid="tool-crosshair" aria-label="Crosshair" title="Crosshair (x)"
        aria-pressed="${m.mprTool === 'crosshair'}" @click=${() => a.selectMprTool('crosshair')}>✛</button>` : nothing}
      ${toolButton(m, a, 'wl', 'W/L: window and level', 'W/L', 'w')}
      ${toolButton(m, a, 'pan', 'Pan', 'Pan', 'p, middle drag')}
      ${toolButton(m, a, 'zoom', 'Zoom', 'Zoom', 'z, right drag')}
    </span>
    ${m.markingEnabled ? html`<span class="group" role="group" aria-label="Mark a finding">
      <button data-testid="tool-mark" aria-label="${mpr ? 'Mark a finding (not in MPR: leave MPR to mark)' : 'Mark a finding'}"
        title="${mpr ? 'Marking works on the acquired slices: leave MPR (v)' : 'Mark a finding (m)'}"
        aria-pressed="${!mpr && m.tool === 'mark'}" ?disabled=${mpr} @click=${() => a.selectTool('mark')}>Mark</button>
      ${MARK_SHAPES.map((shape) => html`<button class="shape" data-testid="mark-shape-${shape}" ?disabled=${mpr}
        aria-label="${SHAPE_LABELS[shape][0]}" title="${SHAPE_LABELS[shape][0]} (m cycles)"
        aria-pressed="${m.markShape === shape}" @click=${() => a.selectShape(shape)}>${SHAPE_LABELS[shape][1]}</button>`)}
    </span>` : nothing}
    <span class="group" role="group" aria-label="Measure">
      ${toolButton(m, a, 'length', 'Len: measure a length', 'Len', 'l', mpr)}
      ${toolButton(m, a, 'roi', 'ROI: measure an elliptical region (area, mean, SD)', 'ROI', 'e', mpr)}
      ${m.measurementCount ? html`<button data-testid="clear-measurements" aria-label="Clear ${m.measurementCount} measurements"
        title="Clear measurements (c)" @click=${() => a.clearMeasurements()}>Clear ${m.measurementCount}</button>` : nothing}
    </span>
    <span class="group">
      <select data-testid="wl-preset" aria-label="Window preset" title="Window preset (0–5)"
        @change=${(e: Event) => a.applyPreset((e.target as HTMLSelectElement).value)}>
        ${m.presets.map((p, i) => html`<option value=${p.id} ?selected=${p.id === m.presetId}>${i}: ${p.label}</option>`)}
        ${presetKnown ? nothing : html`<option value="custom" selected disabled>Custom</option>`}
      </select>
      <button data-testid="invert" aria-label="Inv: invert grey levels" title="Invert (i)" aria-pressed="${m.inverted}"
        @click=${() => a.toggleInvert()}>Inv</button>
      <button data-testid="reset" aria-label="Reset view" title="Reset view (r)" @click=${() => a.reset()}>Reset</button>
    </span>
    <span class="group">
      <button data-testid="prev-image" aria-label="Previous image" ?disabled=${mpr || m.index <= 0}
        @click=${() => a.step(-1)}>‹</button>
      <span class="counter" data-testid="image-counter" aria-live="polite"
        title=${mpr ? 'Acquired slice at the crosshair' : nothing}>${mpr && m.mprSlice >= 0 ? `✛ ${m.mprSlice + 1}` : shown} / ${m.count}</span>
      <button data-testid="next-image" aria-label="Next image" ?disabled=${mpr || m.index < 0 || m.index >= m.count - 1}
        @click=${() => a.step(1)}>›</button>
      ${m.count > 1 ? html`<button data-testid="cine" aria-label="${m.cinePlaying ? 'Pause cine' : 'Play cine'}"
        title="Cine (space)" aria-pressed="${m.cinePlaying}" ?disabled=${mpr} @click=${() => a.toggleCine()}>${m.cinePlaying ? '❚❚' : '▶'}</button>
        <label class="slider" title="Cine frame rate">
          <input data-testid="cine-fps" type="range" min="1" max="30" step="1" .value=${String(m.fps)}
            aria-label="Cine frame rate, images per second" ?disabled=${mpr}
            @input=${(e: Event) => a.setFps(Number((e.target as HTMLInputElement).value))}>${m.fps}/s</label>` : nothing}
    </span>
    ${m.heatmapAvailable ? html`<span class="group">
      <button data-testid="heatmap-toggle" aria-label="Heat: AI heatmap" title="AI heatmap (g)" aria-pressed="${m.heatmapOn}"
        @click=${() => a.toggleHeatmap()}>Heat</button>
      <label class="slider" title="Heatmap opacity">
        <input data-testid="heatmap-opacity" type="range" min="0" max="100" step="5" .value=${String(m.heatmapOpacity)}
          aria-label="Heatmap opacity, percent" ?disabled=${!m.heatmapOn}
          @input=${(e: Event) => a.setHeatmapOpacity(Number((e.target as HTMLInputElement).value))}>${m.heatmapOpacity}%</label>
    </span>` : nothing}
    <span class="group">
      ${m.volume ? html`<button data-testid="mpr-toggle" aria-label="MPR: multiplanar views" title="MPR: axial, coronal, sagittal (v)"
        aria-pressed="${mpr}" @click=${() => a.toggleMpr()}>MPR</button>` : nothing}
      <button data-testid="help" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (? or h)" aria-haspopup="dialog"
        @click=${() => a.openHelp()}>?</button>
    </span>
  </div>`;
}

/** The three MPR panes (Cornerstone draws into each `.vp`) and the note on marking. */
export function renderMprPanes(loading: boolean) {
  return html`<div class="mpr-grid" data-testid="mpr">
    ${MPR_PLANES.map((p) => html`<div class="mpr-pane ${p}" data-testid="mpr-${p}" @contextmenu=${(e: Event) => e.preventDefault()}>
      <div class="vp"></div><span class="label" style="color:${MPR_COLOURS[p]}">${p[0].toUpperCase() + p.slice(1)}</span>
    </div>`)}
  </div>
  <div class="hint" data-testid="mpr-note">${loading ? 'Loading the volume…'
    : 'MPR: drag the crosshair to move through the volume. Findings are marked on the acquired slices — press v to go back.'}</div>`;
}

/** The shortcut list as a modal dialog (authoring keys only while authoring); a click on the backdrop or Close closes it. */
export function renderHelp(a: Pick<ToolbarActions, 'closeHelp'>, authoring = false) {
  return html`<div class="help-backdrop" @click=${(e: Event) => { if (e.target === e.currentTarget) a.closeHelp(); }}>
    <div class="help" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help-dialog">
      <button class="close" data-testid="help-close" aria-label="Close keyboard shortcuts" @click=${() => a.closeHelp()}>Close</button>
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table>
        ${shortcutsFor(authoring).map((s) => html`<tr><th scope="row">${s.keys.map((k, i) => html`${i ? ' ' : ''}<kbd>${k}</kbd>`)}</th>
          <td>${s.description}</td></tr>`)}
      </table>
    </div>
  </div>`;
}
