// What a drag does while authoring, pure: from where it started and where the pointer is now (image pixels),
// the outline it draws or the edited outline it leaves. The Authoring controller keeps the gesture and commits
// the result when the pointer is released.

import { closeStroke, dedupe, simplify } from './polygon.js';
import type { Pt } from './polygon.js';
import type { Handle, PlacedShape } from './shape-layout.js';
import { corners, fromCorners, insertedVertex, movedVertex, translate } from './shapes.js';
import type { Geometry } from './shapes.js';

/** The authoring tools: select (and edit) or draw one kind of outline. Freehand draws a polygon. */
export type AuthorTool = 'select' | 'point' | 'ellipse' | 'box' | 'polygon' | 'freehand';
export const DRAW_TOOLS: readonly AuthorTool[] = ['point', 'ellipse', 'box', 'polygon', 'freehand'];

/** select → point → ellipse → box → polygon → freehand → point: what the draw key gives. */
export function nextDrawTool(tool: AuthorTool): AuthorTool {
  const i = DRAW_TOOLS.indexOf(tool);
  return DRAW_TOOLS[(i + 1) % DRAW_TOOLS.length];
}

export type Gesture =
  | { type: 'draw'; tool: 'point' | 'ellipse' | 'box' | 'freehand'; start: Pt }
  | { type: 'move'; placed: PlacedShape; start: Pt }
  | { type: 'handle'; placed: PlacedShape; handle: Handle; start: Pt };

/** The outline a drawing drag gives, from its start to `at` (image px); freehand strokes are handled by `strokeOutline`. */
export function drawnOutline(tool: 'point' | 'ellipse' | 'box', start: Pt, at: Pt): Geometry {
  if (tool === 'point') return { kind: 'point', x: start[0], y: start[1], radius: Math.hypot(at[0] - start[0], at[1] - start[1]) };
  return fromCorners(tool, start, at);
}

/** The outline of an edited shape after a move or handle drag to `at` (image px); null when the handle does not apply. */
export function editedOutline(g: Gesture, at: Pt): Geometry | null {
  if (g.type === 'draw') return null;
  const geometry = g.placed.geometry;
  if (g.type === 'move') return translate(geometry, at[0] - g.start[0], at[1] - g.start[1]);
  const { handle } = g;
  if (handle.kind === 'corner' && (geometry.kind === 'ellipse' || geometry.kind === 'box')) {
    return fromCorners(geometry.kind, corners(geometry)[(handle.index + 2) % 4], at);
  }
  if (handle.kind === 'radius' && geometry.kind === 'point') {
    return { ...geometry, radius: Math.hypot(at[0] - geometry.x, at[1] - geometry.y) };
  }
  if (geometry.kind === 'polygon' && handle.kind === 'vertex') return { kind: 'polygon', points: movedVertex(geometry.points, handle.index, at) };
  if (geometry.kind === 'polygon' && handle.kind === 'midpoint') return { kind: 'polygon', points: insertedVertex(geometry.points, handle.index, at) };
  return null;
}

/**
 * A freehand stroke (canvas px, as the pointer went) as a closed contour in canvas px: repeated points dropped,
 * simplified to within `tolerance` px of the stroke, an overshoot at the end cut off (polygon.closeStroke).
 */
export function strokeOutline(stroke: readonly Pt[], tolerance = 1.5): Pt[] {
  return dedupe(simplify(closeStroke(dedupe(stroke, 0.5)), tolerance), 0.5);
}
