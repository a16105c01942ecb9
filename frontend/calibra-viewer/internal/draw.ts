// SVG templates for the overlay: trainee marks (point, ellipse, box), AI
// marks, ground truth, result glyphs and the AI heatmap. Positions come in
// canvas px from overlay.ts; nothing here knows about Cornerstone.

import { nothing, svg } from 'lit';
import type { AiMark, MarkShape, MarkStatus, TruthLesion } from './model.js';
import type { PlacedMark } from './overlay.js';
import { outlineBounds } from './shape-layout.js';
import type { Outline } from './shape-layout.js';

// Okabe–Ito colours, distinguishable with the common colour-vision deficiencies
export const BLUE = '#0072B2';
export const ORANGE = '#E69F00';
export const GREEN = '#009E73';
export const VERMILLION = '#D55E00';

/** Outline of a point, ellipse or box centred on (x, y): half-axes rx, ry turned by angle degrees. */
function outline(shape: MarkShape, x: number, y: number, rx: number, ry: number, angle: number,
  stroke: string, width: number, extra = '') {
  const turn = `rotate(${angle} ${x} ${y})`;
  if (shape === 'ellipse') {
    return svg`<ellipse cx=${x} cy=${y} rx=${rx} ry=${ry} transform=${turn} fill="none" stroke=${stroke}
      stroke-width=${width} stroke-dasharray=${extra || 'none'}/>`;
  }
  if (shape === 'box') {
    return svg`<rect x=${x - rx} y=${y - ry} width=${2 * rx} height=${2 * ry} transform=${turn} fill="none"
      stroke=${stroke} stroke-width=${width} stroke-dasharray=${extra || 'none'}/>`;
  }
  return svg`<circle cx=${x} cy=${y} r="9" fill="none" stroke=${stroke} stroke-width=${width}/>`;
}

export function drawMark(p: PlacedMark) {
  const m = p.item;
  const { cx: x, cy: y } = p;
  const w = m.selected ? 4 : 2;
  // shapes too small to see on screen are drawn as at least a point-sized outline
  const rx = m.shape === 'point' ? 9 : Math.max(p.rx, 3);
  const ry = m.shape === 'point' ? 9 : Math.max(p.ry, 3);
  // number at the upper right, result glyph at the lower right of the shape's box
  const right = m.shape === 'point' ? 0 : Math.max(0, rx - 9);
  const down = m.shape === 'point' ? 0 : Math.max(0, ry - 9);
  return svg`<g data-testid="mark-${m.id}" data-shape=${m.shape} data-status=${m.status ?? 'none'}
      data-selected=${m.selected} data-cx=${x.toFixed(1)} data-cy=${y.toFixed(1)} data-rx=${rx.toFixed(1)}
      data-ry=${ry.toFixed(1)}>
    ${outline(m.shape, x, y, rx, ry, p.angle, '#000', w + 2)}
    ${outline(m.shape, x, y, rx, ry, p.angle, BLUE, w)}
    <circle cx=${x} cy=${y} r="1.5" fill=${BLUE}/>
    <text x=${x + right + 11} y=${y - down - 8} fill=${BLUE}>${p.number ?? 0}</text>
    ${drawStatus(m.status, x + right, y + down)}
  </g>`;
}

/** The shape being dragged out, from canvas corner (x0, y0) to (x1, y1). */
export function drawDraft(shape: MarkShape, x0: number, y0: number, x1: number, y1: number) {
  const x = (x0 + x1) / 2;
  const y = (y0 + y1) / 2;
  return svg`<g data-testid="mark-draft">
    ${outline(shape, x, y, Math.abs(x1 - x0) / 2, Math.abs(y1 - y0) / 2, 0, '#000', 4)}
    ${outline(shape, x, y, Math.abs(x1 - x0) / 2, Math.abs(y1 - y0) / 2, 0, BLUE, 2, '5 4')}
  </g>`;
}

export function drawAi(a: AiMark, x: number, y: number) {
  const pct = a.probability === null ? '' : `${Math.round(a.probability * 100)}%`;
  return svg`<g data-testid="ai-${a.id}" data-status=${a.status ?? 'none'}>
    <rect x=${x - 10} y=${y - 10} width="20" height="20" fill="none" stroke=${ORANGE} stroke-width="2"
      stroke-dasharray="4 3" transform="rotate(45 ${x} ${y})"/>
    <text x=${x + 15} y=${y + 4} fill=${ORANGE}>AI ${pct}</text>
    ${drawStatus(a.status, x, y)}
  </g>`;
}

/** A canvas outline (shape-layout.ts) as one SVG element. */
export function outlineSvg(o: Outline, stroke: string, width: number, dash = 'none') {
  if (o.type === 'polygon') {
    return svg`<polygon points=${o.pts.map((p) => `${p[0]},${p[1]}`).join(' ')} fill="none" stroke=${stroke}
      stroke-width=${width} stroke-dasharray=${dash} stroke-linejoin="round"/>`;
  }
  if (o.type === 'circle') {
    return svg`<circle cx=${o.cx} cy=${o.cy} r=${Math.max(o.r, 3)} fill="none" stroke=${stroke} stroke-width=${width}
      stroke-dasharray=${dash}/>`;
  }
  return outline(o.type, o.cx, o.cy, Math.max(o.rx, 2), Math.max(o.ry, 2), o.angle, stroke, width, dash === 'none' ? '' : dash);
}

/**
 * A truth lesion: a circle of radius r around (x, y), or its outline (ellipse, box, polygon) when it has one; solid
 * bluish-green when the trainee found it, dashed vermillion when missed.
 */
export function drawTruth(t: TruthLesion, x: number, y: number, r: number, shape?: Outline) {
  const colour = t.detected ? GREEN : VERMILLION;
  const text = t.detected ? t.label : `missed${t.label ? ': ' + t.label : ''}`;
  if (shape) {
    const b = outlineBounds(shape);
    return svg`<g data-testid="truth-${t.id}" data-detected=${t.detected} data-shape=${t.shape ?? 'point'}>
      ${outlineSvg(shape, colour, 2, t.detected ? 'none' : '6 4')}
      <text x=${b.minX} y=${b.maxY + 14} fill=${colour}>${text}</text>
    </g>`;
  }
  const radius = Math.max(r, 4);
  return svg`<g data-testid="truth-${t.id}" data-detected=${t.detected}>
    <circle cx=${x} cy=${y} r=${radius} fill="none" stroke=${colour} stroke-width="2"
      stroke-dasharray=${t.detected ? 'none' : '6 4'}/>
    <text x=${x - radius} y=${y + radius + 14} fill=${colour}>${text}</text>
  </g>`;
}

/** hit = check, duplicate = "dup", false positive = cross + "FP", drawn to the lower right of (x, y). */
export function drawStatus(status: MarkStatus, x: number, y: number) {
  if (status === 'hit') {
    return svg`<path d="M ${x + 11} ${y + 12} l 4 4 l 8 -9" fill="none" stroke="#000" stroke-width="5" opacity=".6"/>
      <path d="M ${x + 11} ${y + 12} l 4 4 l 8 -9" fill="none" stroke=${GREEN} stroke-width="3"/>`;
  }
  if (status === 'duplicate') {
    return svg`<text x=${x + 12} y=${y + 18} fill=${GREEN}>dup</text>`;
  }
  if (status === 'false-positive') {
    return svg`<path d="M ${x + 11} ${y + 9} l 8 8 M ${x + 19} ${y + 9} l -8 8" stroke="#000" stroke-width="5" opacity=".6"/>
      <path d="M ${x + 11} ${y + 9} l 8 8 M ${x + 19} ${y + 9} l -8 8" stroke=${VERMILLION} stroke-width="3"/>
      <text x=${x + 22} y=${y + 18} fill=${VERMILLION}>FP</text>`;
  }
  return nothing;
}

/**
 * The coloured heatmap stretched over the image: `matrix` maps image pixel space (0..columns,
 * 0..rows) to canvas px, so the heatmap follows zoom, pan and flips like the image.
 */
export function drawHeatmap(href: string, columns: number, rows: number, matrix: number[], opacity: number) {
  return svg`<image data-testid="heatmap" href=${href} x="0" y="0" width=${columns} height=${rows}
    preserveAspectRatio="none" transform="matrix(${matrix.join(' ')})" opacity=${opacity}
    style="image-rendering: auto"/>`;
}

/**
 * The keyboard cursor at canvas (x, y): a crosshair with a gap at its centre (the pixel it points at stays visible),
 * white over a black outline so it shows on any grey; `anchor`: where a shape dragged out by keys started.
 */
export function drawCursor(x: number, y: number, anchor: [number, number] | null) {
  const arms = `M ${x - 16} ${y} H ${x - 4} M ${x + 4} ${y} H ${x + 16} M ${x} ${y - 16} V ${y - 4} M ${x} ${y + 4} V ${y + 16}`;
  return svg`<g data-testid="keyboard-cursor" data-cx=${x.toFixed(1)} data-cy=${y.toFixed(1)}>
    <path d=${arms} stroke="#000" stroke-width="4" stroke-linecap="square"/>
    <path d=${arms} stroke="#fff" stroke-width="2"/>
    <circle cx=${x} cy=${y} r="1.5" fill="#fff" stroke="#000" stroke-width="1"/>
    ${anchor ? svg`<rect data-testid="keyboard-anchor" x=${anchor[0] - 4} y=${anchor[1] - 4} width="8" height="8" fill="none"
      stroke="#000" stroke-width="3"/><rect x=${anchor[0] - 4} y=${anchor[1] - 4} width="8" height="8" fill="none" stroke="#fff"
      stroke-width="1.5"/>` : nothing}
  </g>`;
}
