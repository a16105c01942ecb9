// Undo and redo of authoring steps, pure. A step is a shape before and after (null before: created; null after:
// deleted); undoing applies it backwards, redoing forwards. A new step forgets what was undone.

import type { Layer, Shape } from './shapes.js';

export interface Step { layer: Layer; before: Shape | null; after: Shape | null }

/** Which shape a step changes to which: `from` is replaced by `to` (null: absent). */
export interface Change { layer: Layer; from: Shape | null; to: Shape | null }

export class History {
  private done: Step[] = [];
  private undone: Step[] = [];

  constructor(private readonly limit = 200) {}

  get canUndo(): boolean { return this.done.length > 0; }
  get canRedo(): boolean { return this.undone.length > 0; }

  push(step: Step): void {
    if (!step.before && !step.after) return;
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The change that undoes the last step, or null. */
  undo(): Change | null {
    const step = this.done.pop();
    if (!step) return null;
    this.undone.push(step);
    return { layer: step.layer, from: step.after, to: step.before };
  }

  /** The change that redoes the last undone step, or null. */
  redo(): Change | null {
    const step = this.undone.pop();
    if (!step) return null;
    this.done.push(step);
    return { layer: step.layer, from: step.before, to: step.after };
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }
}

/** The list with change `c` applied: `from` (by id) replaced by `to`, removed, or `to` added. */
export function applyChange(list: readonly Shape[], c: Pick<Change, 'from' | 'to'>): Shape[] {
  const id = (c.from ?? c.to)?.id;
  const i = list.findIndex((s) => s.id === id);
  if (!c.to) return list.filter((s) => s.id !== id);
  if (i < 0) return [...list, c.to];
  return list.map((s, k) => (k === i ? c.to! : s));
}
