import { describe, expect, it } from 'vitest';
import { AUTO_PRESET, DEFAULT_PRESET, presetForKey, presetRange, presetsFor, rangeMatches, toRange } from './presets.js';

describe('window presets', () => {
  it('gives CT its HU windows after the default, in the order of keys 1-5', () => {
    const ct = presetsFor('CT');
    expect(ct.map((p) => p.id)).toEqual(['default', 'lung', 'mediastinum', 'bone', 'brain', 'soft-tissue']);
    expect(ct.find((p) => p.id === 'lung')).toMatchObject({ width: 1500, level: -600 });
    expect(ct.find((p) => p.id === 'brain')).toMatchObject({ width: 80, level: 40 });
    expect(presetsFor(' ct ')).toEqual(ct);
  });

  it('gives other modalities only their own window and the full range', () => {
    expect(presetsFor('MR')).toEqual([DEFAULT_PRESET, AUTO_PRESET]);
    expect(presetsFor('')).toEqual([DEFAULT_PRESET, AUTO_PRESET]);
  });

  it('chooses a preset by digit key, 0 being the image\'s own', () => {
    const ct = presetsFor('CT');
    expect(presetForKey(ct, '0')?.id).toBe('default');
    expect(presetForKey(ct, '3')?.id).toBe('bone');
    expect(presetForKey(ct, '9')).toBeNull();
    expect(presetForKey(presetsFor('CR'), '1')?.id).toBe('auto');
    expect(presetForKey(ct, 'a')).toBeNull();
  });

  it('turns width and level into the range Cornerstone uses', () => {
    expect(toRange(1500, -600)).toEqual({ lower: -1350, upper: 150 });
    expect(toRange(80, 40)).toEqual({ lower: 0, upper: 80 });
  });

  it('asks for the preset\'s window, the full range for auto, the image\'s own for default', () => {
    const full = { lower: -1024, upper: 3071 };
    const lung = presetsFor('CT')[1];
    expect(presetRange(lung, () => full)).toEqual({ lower: -1350, upper: 150 });
    expect(presetRange(AUTO_PRESET, () => full)).toBe(full);
    expect(presetRange(DEFAULT_PRESET, () => full)).toBeNull();
  });

  it('recognises a preset\'s window within rounding', () => {
    const lung = presetsFor('CT')[1];
    expect(rangeMatches(lung, { lower: -1350.3, upper: 150.2 })).toBe(true);
    expect(rangeMatches(lung, { lower: -1340, upper: 150 })).toBe(false);
    expect(rangeMatches(DEFAULT_PRESET, { lower: 0, upper: 1 })).toBe(false);
    expect(rangeMatches(lung, undefined)).toBe(false);
  });
});
