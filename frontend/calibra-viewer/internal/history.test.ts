import { describe, expect, it } from 'vitest';
import { History, applyChange } from './history.js';
import { newShape } from './shapes.js';

const a = newShape('a', 0, { kind: 'point', x: 5, y: 5, radius: 2 });
const a2 = newShape('a', 0, { kind: 'point', x: 6, y: 5, radius: 2 });
const b = newShape('b', 0, { kind: 'box', x: 9, y: 9, width: 4, height: 4 });

describe('undo and redo of authoring steps', () => {
  it('undoes a creation as a deletion and redoes it as a creation', () => {
    const h = new History();
    h.push({ layer: 'truth', before: null, after: a });
    expect(h.undo()).toEqual({ layer: 'truth', from: a, to: null });
    expect(h.canUndo).toBe(false);
    expect(h.redo()).toEqual({ layer: 'truth', from: null, to: a });
    expect(h.canRedo).toBe(false);
  });

  it('walks back through several steps in reverse order and forward again', () => {
    const h = new History();
    h.push({ layer: 'truth', before: null, after: a });
    h.push({ layer: 'truth', before: a, after: a2 });
    h.push({ layer: 'truth', before: a2, after: null });
    expect([h.undo()?.to, h.undo()?.to, h.undo()?.to]).toEqual([a2, a, null]);
    expect(h.undo()).toBeNull();
    expect([h.redo()?.to, h.redo()?.to]).toEqual([a, a2]);
  });

  it('forgets what was undone once a new step is made', () => {
    const h = new History();
    h.push({ layer: 'ai', before: null, after: a });
    h.undo();
    h.push({ layer: 'ai', before: null, after: b });
    expect(h.canRedo).toBe(false);
    expect(h.undo()?.from).toBe(b);
  });

  it('keeps at most `limit` steps and ignores empty ones', () => {
    const h = new History(2);
    h.push({ layer: 'truth', before: null, after: null });
    expect(h.canUndo).toBe(false);
    for (let i = 0; i < 5; i++) h.push({ layer: 'truth', before: null, after: a });
    expect([h.undo(), h.undo(), h.undo()].filter(Boolean)).toHaveLength(2);
    h.clear();
    expect(h.canRedo).toBe(false);
  });
});

describe('applying a change to a list', () => {
  it('adds, replaces in place and removes by id', () => {
    expect(applyChange([b], { from: null, to: a })).toEqual([b, a]);
    expect(applyChange([a, b], { from: a, to: a2 })).toEqual([a2, b]);
    expect(applyChange([a, b], { from: a, to: null })).toEqual([b]);
  });
});
