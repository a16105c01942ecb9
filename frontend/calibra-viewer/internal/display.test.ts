import { describe, expect, it } from 'vitest';
import { Display } from './display.js';
import type { MprDisplay, StackDisplay } from './display.js';
import { presetsFor, toRange } from './presets.js';
import type { VoiRange } from './presets.js';

class Stack implements StackDisplay {
  voiRange: VoiRange | undefined = { lower: 0, upper: 100 };
  inverted = false;
  resets = 0;
  set: (VoiRange | null)[] = [];
  setVoiRange(range: VoiRange | null) { this.set.push(range); if (range) this.voiRange = range; }
  fullRange(): VoiRange { return { lower: -1024, upper: 3071 }; }
  setInverted(invert: boolean) { this.inverted = invert; }
  reset() { this.resets++; }
}

class Mpr implements MprDisplay {
  shown: { range: VoiRange | null; invert: boolean } | null = null;
  resetTo: { range: VoiRange | null; invert: boolean } | null = null;
  setDisplay(range: VoiRange | null, invert: boolean) { this.shown = { range, invert }; }
  reset(range: VoiRange | null, invert: boolean) { this.resetTo = { range, invert }; }
}

const setUp = (modality = 'CT', withMpr = false) => {
  const stack = new Stack();
  const mpr = withMpr ? new Mpr() : null;
  const display = new Display({ stack: () => stack, mpr: () => mpr, presets: () => presetsFor(modality), imageShown: () => true, changed: () => {} });
  return { stack, mpr, display };
};

describe('window presets and invert', () => {
  it('applies a CT preset to the stack and to open MPR views', () => {
    const { stack, mpr, display } = setUp('CT', true);
    display.apply('lung');
    expect(display.presetId).toBe('lung');
    expect(stack.set.at(-1)).toEqual(toRange(1500, -600));
    expect(mpr!.shown).toEqual({ range: toRange(1500, -600), invert: false });
  });

  it('gives auto the full range and default the image\'s own window', () => {
    const { stack, display } = setUp('MR');
    display.apply('auto');
    expect(stack.set.at(-1)).toEqual({ lower: -1024, upper: 3071 });
    display.apply('default');
    expect(stack.set.at(-1)).toBeNull();
    expect(display.presetId).toBe('default');
  });

  it('ignores presets the modality does not have', () => {
    const { stack, display } = setUp('MR');
    display.apply('lung');
    expect(stack.set).toEqual([]);
    expect(display.presetId).toBe('default');
  });

  it('inverts the stack and the MPR views with the current window', () => {
    const { stack, mpr, display } = setUp('CT', true);
    display.apply('bone');
    display.toggleInvert();
    expect([display.inverted, stack.inverted]).toEqual([true, true]);
    expect(mpr!.shown).toEqual({ range: toRange(1800, 400), invert: true });
  });

  it('turns Custom on a W/L drag only, and keeps an MPR drag for the stack', () => {
    const { stack, display } = setUp();
    display.stackWindowChanged(false);
    expect(display.presetId).toBe('default');
    display.stackWindowChanged(true);
    expect(display.presetId).toBe('custom');
    display.mprWindowChanged({ lower: 10, upper: 20 });
    expect(stack.set.at(-1)).toEqual({ lower: 10, upper: 20 });
    expect(display.currentRange()).toEqual({ lower: 10, upper: 20 });
  });

  it('resets to the image\'s own window, not inverted', () => {
    const { stack, mpr, display } = setUp('CT', true);
    display.apply('brain');
    display.toggleInvert();
    display.reset();
    expect([display.presetId, display.inverted, stack.resets]).toEqual(['default', false, 1]);
    expect(mpr!.resetTo).toEqual({ range: null, invert: false });
    expect(display.currentRange()).toBeNull();
  });
});
