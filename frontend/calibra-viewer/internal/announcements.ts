// What the viewer says in its live region when findings or lesions change: one sentence in words, numbered the way
// the overlay numbers them (the order of the whole list), with the image as "image 14 of 40". Pure functions.

import type { Mark } from './model.js';
import type { Layer, Shape } from './shapes.js';

const onImage = (index: number, count: number) => `on image ${index + 1} of ${count}`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The sentence for the trainee's findings going from `before` to `after` (the marks Java sent), or null when
 * nothing a user needs to hear changed: one finding placed, one deleted, or another one selected.
 */
export function marksChange(before: readonly Mark[], after: readonly Mark[], count: number): string | null {
  const had = new Set(before.map((m) => m.id));
  const has = new Set(after.map((m) => m.id));
  const added = after.filter((m) => !had.has(m.id));
  const removed = before.filter((m) => !has.has(m.id));
  if (added.length === 1 && !removed.length) {
    const m = added[0];
    return `Finding ${after.indexOf(m) + 1} placed ${onImage(m.imageIndex, count)}`;
  }
  if (removed.length === 1 && !added.length) {
    return `Finding ${before.indexOf(removed[0]) + 1} deleted; ${plural(after.length, 'finding', 'findings')} left`;
  }
  if (added.length || removed.length) return null;
  const selected = after.find((m) => m.selected);
  const wasSelected = before.find((m) => m.selected);
  if (!selected || selected.id === wasSelected?.id) return null;
  return `Finding ${after.indexOf(selected) + 1} of ${after.length} selected, ${onImage(selected.imageIndex, count)}`;
}

const LAYER_WORDS: Record<Layer, [string, string, string]> = {
  truth: ['Lesion', 'lesion', 'lesions'], ai: ['AI mark', 'AI mark', 'AI marks'],
};

/** The sentence for an authoring edit the viewer emitted (shape-created, -changed, -deleted, -selected), or null. */
export function shapeChange(event: string, layer: Layer, before: readonly Shape[], after: readonly Shape[], id: string,
  count: number): string | null {
  const [word, one, many] = LAYER_WORDS[layer];
  const now = after.findIndex((s) => s.id === id);
  const shape = after[now];
  const name = (s: Shape, i: number) => `${word} ${i + 1}${s.label ? ` (${s.label})` : ''}`;
  switch (event) {
    case 'shape-created':
      return shape ? `${name(shape, now)} drawn ${onImage(shape.imageIndex, count)}` : null;
    case 'shape-changed':
      return shape ? `${name(shape, now)} changed` : null;
    case 'shape-deleted': {
      const i = before.findIndex((s) => s.id === id);
      return i < 0 ? null : `${name(before[i], i)} deleted; ${plural(after.length, one, many)} left`;
    }
    case 'shape-selected':
      return shape ? `${name(shape, now)} of ${after.length} selected, ${onImage(shape.imageIndex, count)}` : null;
    default:
      return null;
  }
}
