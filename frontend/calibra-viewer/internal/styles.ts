// Shadow-DOM styles of <calibra-viewer>.

import { css, unsafeCSS } from 'lit';
import { BLUE, GREEN, ORANGE, VERMILLION } from './draw.js';

const cssBlue = unsafeCSS(BLUE);
const cssVermillion = unsafeCSS(VERMILLION);
const cssGreen = unsafeCSS(GREEN);
const cssOrange = unsafeCSS(ORANGE);

export const viewerStyles = css`
  :host { display: block; width: 100%; height: 100%; position: relative; background: #000;
    color: #eee; font: 13px/1.3 system-ui, sans-serif; outline: none; }
  :host(:focus-visible), :host([data-keyboard-cursor]:not([data-keyboard-cursor='']):focus) {
    box-shadow: inset 0 0 0 2px ${cssBlue}; }
  .frame { position: absolute; inset: 0; display: flex; flex-direction: column; }
  .toolbar { display: flex; align-items: center; gap: 2px 3px; padding: 3px 4px; background: #1b1d21;
    flex: none; flex-wrap: wrap; }
  .group { display: inline-flex; align-items: center; gap: 2px; padding-right: 6px; margin-right: 2px;
    border-right: 1px solid #33363c; }
  .group:last-child { border-right: none; }
  .toolbar button, .toolbar select { background: #2b2e34; color: #eee; border: 1px solid #3c4048;
    border-radius: 3px; padding: 2px 7px; font: inherit; cursor: pointer; min-height: 26px; }
  .toolbar select { padding: 2px 4px; max-width: 9.5em; }
  .toolbar button[aria-pressed='true'] { background: ${cssBlue}; border-color: ${cssBlue}; color: #fff; }
  .toolbar button:disabled { opacity: .4; cursor: default; }
  .toolbar button:focus-visible, .toolbar select:focus-visible, .toolbar input:focus-visible {
    outline: 2px solid #fff; outline-offset: 1px; }
  .toolbar.authoring { border-top: 1px solid #33363c; }
  .toolbar .layer { font-weight: 600; padding: 1px 6px; border-radius: 3px; border: 2px solid; }
  .toolbar .layer.truth { border-color: ${cssGreen}; }
  .toolbar .layer.ai { border-color: ${cssOrange}; border-style: dashed; }
  .toolbar label.field { display: inline-flex; align-items: center; gap: 3px; font-size: 12px; }
  .toolbar input[type='text'], .toolbar input[type='number'] { background: #111; color: #eee; border: 1px solid #3c4048;
    border-radius: 3px; padding: 2px 4px; font: inherit; min-height: 20px; }
  .toolbar input[type='number'] { width: 4.5em; }
  .toolbar button.shape { padding: 2px 5px; min-width: 26px; }
  .toolbar input[type='range'] { width: 64px; accent-color: ${cssBlue}; }
  .toolbar label.slider { display: inline-flex; align-items: center; gap: 3px; font-size: 12px;
    font-variant-numeric: tabular-nums; }
  .counter { min-width: 4.5em; text-align: center; font-variant-numeric: tabular-nums; }
  .stage { position: relative; flex: 1; min-height: 0; overflow: hidden; }
  .viewport { position: absolute; inset: 0; }
  .stage.empty .viewport, .stage.mpr .viewport, .stage.mpr svg.overlay { visibility: hidden; }
  .stage.marking .viewport { cursor: crosshair; }
  svg.overlay { position: absolute; inset: 0; width: 100%; height: 100%; pointer-events: none;
    overflow: visible; }
  svg text { font: 600 12px system-ui, sans-serif; paint-order: stroke; stroke: #000;
    stroke-width: 3px; stroke-linejoin: round; }
  .hint { position: absolute; left: 6px; bottom: 6px; padding: 1px 6px; border-radius: 3px;
    background: rgba(0, 0, 0, .6); pointer-events: none; }
  .hint.top { bottom: auto; top: 6px; }
  .banner { position: absolute; left: 50%; top: 6px; transform: translateX(-50%); max-width: 90%; padding: 4px 10px;
    border-radius: 3px; background: #000; border: 2px solid ${cssVermillion}; color: #fff; font-weight: 600;
    pointer-events: none; z-index: 2; }
  .banner ~ .hint.top { top: 40px; }
  .legend { position: absolute; right: 6px; bottom: 6px; display: flex; align-items: center; gap: 4px;
    padding: 2px 6px; border-radius: 3px; background: rgba(0, 0, 0, .6); pointer-events: none; font-size: 12px; }
  .legend .ramp { width: 70px; height: 8px; border-radius: 2px; }
  .message { position: absolute; left: 50%; top: 40%; transform: translate(-50%, -50%);
    max-width: 80%; padding: 8px 12px; border-radius: 4px; background: rgba(0, 0, 0, .8);
    border: 1px solid ${cssVermillion}; pointer-events: none; text-align: center; }
  .message.info { border-color: #555; }
  .mpr-grid { position: absolute; inset: 0; display: grid; gap: 2px; background: #222;
    grid-template-columns: 3fr 2fr; grid-template-rows: 1fr 1fr; }
  .mpr-pane { position: relative; background: #000; min-width: 0; min-height: 0; overflow: hidden; }
  .mpr-pane.axial { grid-row: 1 / span 2; }
  .mpr-pane .vp { position: absolute; inset: 0; }
  .mpr-pane .label { position: absolute; left: 4px; top: 3px; font-weight: 600; pointer-events: none;
    text-shadow: 0 0 3px #000; }
  .help-backdrop { position: absolute; inset: 0; background: rgba(0, 0, 0, .55); display: flex;
    align-items: center; justify-content: center; z-index: 10; }
  .help { background: #1b1d21; border: 1px solid #3c4048; border-radius: 6px; padding: 10px 14px;
    max-width: min(560px, 92%); max-height: 88%; overflow: auto; box-shadow: 0 4px 24px rgba(0, 0, 0, .6); }
  .help h2 { font-size: 15px; margin: 0 0 6px; }
  .help table { border-collapse: collapse; width: 100%; }
  .help th { text-align: left; font-weight: normal; padding: 2px 10px 2px 0; white-space: nowrap; vertical-align: top; }
  .help td { padding: 2px 0; }
  .help kbd { display: inline-block; min-width: 1.2em; padding: 0 4px; border: 1px solid #555; border-radius: 3px;
    background: #2b2e34; font: 12px ui-monospace, monospace; text-align: center; }
  .help .close { float: right; background: #2b2e34; color: #eee; border: 1px solid #3c4048; border-radius: 3px;
    padding: 2px 8px; font: inherit; cursor: pointer; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
