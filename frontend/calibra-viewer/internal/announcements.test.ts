import { describe, expect, it } from 'vitest';
import { marksChange, shapeChange } from './announcements.js';
import type { Mark } from './model.js';
import { newShape } from './shapes.js';

const mark = (id: string, imageIndex: number, selected = false): Mark =>
  ({ id, imageIndex, x: 1, y: 1, shape: 'point', width: 0, height: 0, label: 'nodule', confidence: null, selected, status: null });

describe('what the live region says about findings', () => {
  it('numbers a placed finding as the overlay does and names its image "n of count"', () => {
    expect(marksChange([mark('M1', 0)], [mark('M1', 0), mark('M2', 13, true)], 40)).toBe('Finding 2 placed on image 14 of 40');
  });

  it('says which finding went and how many are left', () => {
    expect(marksChange([mark('M1', 0), mark('M2', 3)], [mark('M2', 3)], 5)).toBe('Finding 1 deleted; 1 finding left');
    expect(marksChange([mark('M1', 0)], [], 5)).toBe('Finding 1 deleted; 0 findings left');
  });

  it('says a newly selected finding, and nothing when the selection or the list did not change in one step', () => {
    expect(marksChange([mark('M1', 0, true), mark('M2', 1)], [mark('M1', 0), mark('M2', 1, true)], 2))
      .toBe('Finding 2 of 2 selected, on image 2 of 2');
    expect(marksChange([mark('M1', 0, true)], [mark('M1', 0, true)], 2)).toBeNull();
    expect(marksChange([mark('M1', 0, true)], [mark('M1', 0)], 2)).toBeNull();
    expect(marksChange([], [mark('M1', 0), mark('M2', 0)], 2)).toBeNull(); // a whole new list (another case)
  });
});

describe('what the live region says about authored shapes', () => {
  const a = { ...newShape('truth-1', 2, { kind: 'point', x: 5, y: 5, radius: 3 }), label: 'Nodule' };
  const b = newShape('truth-2', 4, { kind: 'box', x: 9, y: 9, width: 4, height: 4 });

  it('names the layer, the shape\'s number and label, and its image', () => {
    expect(shapeChange('shape-created', 'truth', [a], [a, b], 'truth-2', 10)).toBe('Lesion 2 drawn on image 5 of 10');
    expect(shapeChange('shape-selected', 'truth', [a, b], [a, b], 'truth-1', 10)).toBe('Lesion 1 (Nodule) of 2 selected, on image 3 of 10');
    expect(shapeChange('shape-changed', 'ai', [a, b], [a, b], 'truth-2', 10)).toBe('AI mark 2 changed');
    expect(shapeChange('shape-deleted', 'ai', [a, b], [b], 'truth-1', 10)).toBe('AI mark 1 (Nodule) deleted; 1 AI mark left');
  });

  it('says nothing for a shape it does not know or an event it does not speak of', () => {
    expect(shapeChange('shape-selected', 'truth', [a], [a], '', 10)).toBeNull();
    expect(shapeChange('key-image-captured', 'truth', [a], [a], 'truth-1', 10)).toBeNull();
  });
});
