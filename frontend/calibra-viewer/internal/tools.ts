// Which left-button tool is active (stack view and MPR) and the shape of the next finding. The rules
// are plain functions; ToolState keeps the choice and hands it to Cornerstone through callbacks.

import { MARK_SHAPES } from './model.js';
import type { MarkShape } from './model.js';
import type { MprTool } from './mpr-planes.js';

/**
 * Left-button tools of the stack view; 'length' and 'roi' are Cornerstone's Length and EllipticalROI measurements;
 * 'author' gives the left button to the authoring tools (authoring.ts), which have their own tool choice.
 */
export type PrimaryTool = 'wl' | 'pan' | 'zoom' | 'mark' | 'length' | 'roi' | 'author';

export const MARK_IN_MPR_HINT = 'Findings are marked on the acquired slices: leave MPR (v) to mark';
export const MEASURE_IN_MPR_HINT = 'Measurements work on the acquired slices: leave MPR (v) to measure';
export const AUTHOR_IN_MPR_HINT = 'Lesions are drawn on the acquired slices: leave MPR (v) to draw';

/** Where a tool choice goes: the stack view, the MPR views, or nowhere (with a hint for the user, if any). */
export type ToolChoice =
  | { view: 'stack'; tool: PrimaryTool }
  | { view: 'mpr'; tool: MprTool }
  | { view: 'none'; hint: string | null };

/**
 * Marking needs marking enabled and the acquired slices; measurements too; authoring needs authoring on and the
 * acquired slices; W/L, pan and zoom work everywhere.
 */
export function chooseTool(tool: PrimaryTool, markingEnabled: boolean, mpr: boolean, authoring = false): ToolChoice {
  if (tool === 'author' && (!authoring || mpr)) return { view: 'none', hint: mpr && authoring ? AUTHOR_IN_MPR_HINT : null };
  if (tool === 'mark' && (!markingEnabled || mpr)) return { view: 'none', hint: mpr ? MARK_IN_MPR_HINT : null };
  if (mpr && (tool === 'length' || tool === 'roi')) return { view: 'none', hint: MEASURE_IN_MPR_HINT };
  if (mpr && (tool === 'wl' || tool === 'pan' || tool === 'zoom')) return { view: 'mpr', tool };
  return { view: 'stack', tool };
}

/** point → ellipse → box → point: what pressing m again while marking gives. */
export function nextShape(shape: MarkShape): MarkShape {
  return MARK_SHAPES[(MARK_SHAPES.indexOf(shape) + 1) % MARK_SHAPES.length];
}

export interface ToolPorts {
  markingEnabled(): boolean;
  /** whether a layer is being authored (the `authoring` property) */
  authoring?(): boolean;
  mprOn(): boolean;
  /** gives the stack view's left button to `tool` (and ends a finding being dragged out) */
  applyStackTool(tool: PrimaryTool): void;
  applyMprTool(tool: MprTool): void;
  hint(text: string): void;
  changed(): void;
}

export class ToolState {
  tool: PrimaryTool = 'wl';
  markShape: MarkShape = 'point';
  mprTool: MprTool = 'crosshair';

  constructor(private readonly p: ToolPorts) {}

  select(tool: PrimaryTool): void {
    const choice = chooseTool(tool, this.p.markingEnabled(), this.p.mprOn(), this.p.authoring?.() ?? false);
    if (choice.view === 'none') {
      if (choice.hint) this.p.hint(choice.hint);
    } else if (choice.view === 'mpr') {
      this.selectMpr(choice.tool);
    } else {
      this.p.applyStackTool(choice.tool);
      this.tool = choice.tool;
      this.p.changed();
    }
  }

  selectMpr(tool: MprTool): void {
    this.mprTool = tool;
    this.p.applyMprTool(tool);
    this.p.changed();
  }

  selectShape(shape: MarkShape): void {
    this.markShape = shape;
    this.p.changed();
    this.select('mark');
  }

  /** The m key: the Mark tool, and again while marking the next shape. */
  markKey(): void {
    if (this.tool === 'mark' && !this.p.mprOn()) this.selectShape(nextShape(this.markShape));
    else this.select('mark');
  }

  /** Java switched marking off: leave the Mark tool. */
  markingDisabled(): void {
    if (this.tool === 'mark') this.select('wl');
  }

  /** Java switched authoring off: leave the authoring tools. */
  authoringOff(): void {
    if (this.tool === 'author') this.select('wl');
  }

  /** A new MPR session starts with the crosshair. */
  enteringMpr(): void {
    this.mprTool = 'crosshair';
    this.p.changed();
  }
}
