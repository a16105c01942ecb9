// Overlay geometry: turns contract items (image pixel coords) into canvas
// positions for the currently shown image. Pure functions, no DOM, so the
// element only has to draw what comes out.

import type { AiMark, Mark, TruthLesion } from './model.js';

/** image [col,row] -> canvas CSS px, or null when not computable. */
export type Projector = (x: number, y: number) => [number, number] | null;

export interface Placed<T> { item: T; cx: number; cy: number; number?: number }
export interface PlacedTruth extends Placed<TruthLesion> { r: number }

export interface OverlayLayout {
  marks: Placed<Mark>[];
  ai: Placed<AiMark>[];
  truth: PlacedTruth[];
  /** own marks placed on other images of the stack (for the hint) */
  marksElsewhere: number;
}

const EMPTY: OverlayLayout = { marks: [], ai: [], truth: [], marksElsewhere: 0 };

export function layoutOverlay(
  index: number, project: Projector | null,
  marks: Mark[], ai: AiMark[], aiVisible: boolean, truth: TruthLesion[],
): OverlayLayout {
  if (!project || index < 0) return EMPTY;
  const place = <T extends { imageIndex: number; x: number; y: number }>(list: T[]) =>
    list.flatMap((item, i) => {
      if (item.imageIndex !== index) return [];
      const p = project(item.x, item.y);
      return p ? [{ item, cx: p[0], cy: p[1], number: i + 1 }] : [];
    });
  return {
    // numbers follow the order of the whole list so they stay stable while scrolling
    marks: place(marks),
    ai: aiVisible ? place(ai) : [],
    // the radius is in image pixels: project a point on the rim so zoom/rotation apply
    truth: place(truth).map((p) => {
      const rim = project(p.item.x + p.item.radius, p.item.y);
      const r = rim ? Math.hypot(rim[0] - p.cx, rim[1] - p.cy) : 0;
      return { ...p, r };
    }),
    marksElsewhere: marks.filter((m) => m.imageIndex !== index).length,
  };
}

/** The own mark within `tolerance` canvas px of (cx, cy), nearest first. */
export function hitTestMarks(layout: OverlayLayout, cx: number, cy: number, tolerance = 10): Mark | null {
  let best: Mark | null = null;
  let bestD = tolerance;
  for (const p of layout.marks) {
    const d = Math.hypot(p.cx - cx, p.cy - cy);
    if (d <= bestD) { bestD = d; best = p.item; }
  }
  return best;
}
