// SVG templates for authoring: truth lesions and AI marks as drawn shapes with labels, the handles of the selected
// one, the polygon being clicked and the freehand stroke being dragged. Positions come in canvas px from
// shape-layout.ts. Okabe–Ito as everywhere in the viewer: truth bluish-green and solid, AI orange and dashed, a
// shape that would be refused vermillion. Handles and drafts carry data-capture="skip": key images leave them out.

import { nothing, svg } from 'lit';
import { GREEN, ORANGE, VERMILLION, outlineSvg } from './draw.js';
import type { Pt } from './polygon.js';
import { outlineBounds } from './shape-layout.js';
import type { Handle, PlacedShape } from './shape-layout.js';
import type { Layer } from './shapes.js';

const STYLE: Record<Layer, { colour: string; dash: string }> = {
  truth: { colour: GREEN, dash: 'none' },
  ai: { colour: ORANGE, dash: '7 4' },
};

/** The label drawn with a shape: its text (or "Lesion n"), the AI's probability, the images it spans. */
export function shapeCaption(p: Pick<PlacedShape, 'layer' | 'shape' | 'number'>): string {
  const s = p.shape;
  const name = s.label || (p.layer === 'ai' ? '' : `Lesion ${p.number}`);
  const ai = p.layer === 'ai' ? `AI ${s.probability === null ? '?' : `${Math.round(s.probability * 100)}%`}` : '';
  const span = s.firstImage !== s.lastImage ? `images ${s.firstImage + 1}–${s.lastImage + 1}` : '';
  return [ai, name, span].filter(Boolean).join(' · ');
}

function drawHandle(h: Handle, colour: string, selected: boolean) {
  const [x, y] = h.at;
  if (h.kind === 'midpoint') {
    return svg`<circle data-capture="skip" data-handle="midpoint-${h.index}" cx=${x} cy=${y} r="3" fill="#fff" fill-opacity=".7"
      stroke="#000" stroke-width="1"/>`;
  }
  return svg`<rect data-capture="skip" data-handle="${h.kind}-${h.index}" x=${x - 4} y=${y - 4} width="8" height="8"
    fill=${selected ? colour : '#fff'} stroke="#000" stroke-width="1.5"/>`;
}

export function drawShape(p: PlacedShape) {
  const { colour, dash } = STYLE[p.layer];
  const stroke = p.invalid ? VERMILLION : colour;
  const width = p.selected ? 3 : 2;
  const b = outlineBounds(p.outline);
  const lineDash = p.invalid ? '4 3' : p.role === 'extent' ? '2 4' : dash;
  return svg`<g data-testid="shape-${p.layer}-${p.shape.id}" data-layer=${p.layer} data-shape=${p.shape.shape}
      data-role=${p.role} data-selected=${p.selected} data-invalid=${p.invalid}
      data-capture=${p.draft ? 'skip' : nothing} opacity=${p.editable || p.layer === 'truth' ? 1 : 0.85}>
    ${outlineSvg(p.outline, '#000', width + 2)}
    ${outlineSvg(p.outline, stroke, width, lineDash)}
    ${p.draft ? nothing : svg`<text x=${b.minX} y=${b.minY - 6} fill=${stroke}>${shapeCaption(p)}</text>`}
    ${p.handles.map((h) => drawHandle(h, colour, h.kind === 'vertex' && h.index === p.selectedVertex))}
  </g>`;
}

/** The polygon being clicked: its points joined in order; the first point ringed once it can close the contour. */
export function drawPending(points: Pt[] | null, layer: Layer | null) {
  if (!points?.length || !layer) return nothing;
  const { colour } = STYLE[layer];
  const line = points.map((p) => `${p[0]},${p[1]}`).join(' ');
  const [fx, fy] = points[0];
  return svg`<g data-testid="shape-pending" data-capture="skip" data-points=${points.length}>
    <polyline points=${line} fill="none" stroke="#000" stroke-width="4"/>
    <polyline points=${line} fill="none" stroke=${colour} stroke-width="2" stroke-dasharray="5 4"/>
    ${points.map((p) => svg`<rect x=${p[0] - 3} y=${p[1] - 3} width="6" height="6" fill=${colour} stroke="#000"/>`)}
    ${points.length >= 3 ? svg`<circle cx=${fx} cy=${fy} r="8" fill="none" stroke="#fff" stroke-width="2"/>` : nothing}
  </g>`;
}

/** A freehand stroke being dragged. */
export function drawStroke(points: Pt[] | null, layer: Layer | null) {
  if (!points?.length || !layer) return nothing;
  const line = points.map((p) => `${p[0]},${p[1]}`).join(' ');
  return svg`<g data-testid="shape-stroke" data-capture="skip">
    <polyline points=${line} fill="none" stroke="#000" stroke-width="4"/>
    <polyline points=${line} fill="none" stroke=${STYLE[layer].colour} stroke-width="2"/>
  </g>`;
}
