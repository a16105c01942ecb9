// Window/level presets per modality. Pure data and arithmetic, no DOM.

export interface WindowPreset {
  id: string;
  label: string;
  /** window width and centre in modality units (HU for CT); absent for 'default' and 'auto' */
  width?: number;
  level?: number;
}

export interface VoiRange { lower: number; upper: number }

/** The image's own window (from its header, or Cornerstone's choice when it has none). */
export const DEFAULT_PRESET: WindowPreset = { id: 'default', label: 'Default' };
/** The full range of pixel values of the shown image. */
export const AUTO_PRESET: WindowPreset = { id: 'auto', label: 'Auto (full range)' };

const CT_PRESETS: WindowPreset[] = [
  { id: 'lung', label: 'Lung', width: 1500, level: -600 },
  { id: 'mediastinum', label: 'Mediastinum', width: 350, level: 50 },
  { id: 'bone', label: 'Bone', width: 1800, level: 400 },
  { id: 'brain', label: 'Brain', width: 80, level: 40 },
  { id: 'soft-tissue', label: 'Soft tissue', width: 400, level: 40 },
];

/**
 * Presets for a modality, 'default' first. Keys 1..n choose the others in this order, 0 the default.
 * CT gets the named HU windows; other modalities have no absolute scale, so only a full-range window.
 */
export function presetsFor(modality: string): WindowPreset[] {
  return modality.trim().toUpperCase() === 'CT'
    ? [DEFAULT_PRESET, ...CT_PRESETS]
    : [DEFAULT_PRESET, AUTO_PRESET];
}

/** The preset chosen by digit key `key` ('0'..'9'), if any. */
export function presetForKey(presets: WindowPreset[], key: string): WindowPreset | null {
  if (!/^[0-9]$/.test(key)) return null;
  return presets[Number(key)] ?? null;
}

export function toRange(width: number, level: number): VoiRange {
  // DICOM PS3.3 C.11.2.1.2 linear function: centre - 0.5 - (width - 1) / 2 .. centre - 0.5 + (width - 1) / 2;
  // Cornerstone's own conversion drops the 0.5 / 1 corrections, so do the same to round-trip exactly
  return { lower: level - width / 2, upper: level + width / 2 };
}

/** The window a preset asks for: its own width/level, the full pixel range for 'auto', null for the image's own. */
export function presetRange(preset: WindowPreset, fullRange: () => VoiRange | null): VoiRange | null {
  if (preset.width !== undefined && preset.level !== undefined) return toRange(preset.width, preset.level);
  return preset.id === 'auto' ? fullRange() : null;
}

/** True when `range` is (within rounding) the window of `preset`. */
export function rangeMatches(preset: WindowPreset, range: VoiRange | undefined): boolean {
  if (!range || preset.width === undefined || preset.level === undefined) return false;
  const want = toRange(preset.width, preset.level);
  return Math.abs(want.lower - range.lower) < 0.5 && Math.abs(want.upper - range.upper) < 0.5;
}
