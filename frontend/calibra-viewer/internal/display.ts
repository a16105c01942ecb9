// Window/level presets and invert for the stack and, while it is open, the MPR views. Holds what the
// toolbar shows; the window itself lives in Cornerstone (cornerstone-stack.ts, cornerstone-mpr.ts).

import { presetRange } from './presets.js';
import type { VoiRange, WindowPreset } from './presets.js';

/** What the stack offers for display. */
export interface StackDisplay {
  readonly voiRange: VoiRange | undefined;
  setVoiRange(range: VoiRange | null): void;
  fullRange(): VoiRange | null;
  setInverted(invert: boolean): void;
  reset(): void;
}

/** What an MPR session offers for display. */
export interface MprDisplay {
  setDisplay(range: VoiRange | null, invert: boolean): void;
  reset(range: VoiRange | null, invert: boolean): void;
}

export interface DisplayPorts {
  stack(): StackDisplay | null;
  mpr(): MprDisplay | null;
  presets(): WindowPreset[];
  /** whether an image is on the viewport */
  imageShown(): boolean;
  changed(): void;
}

export class Display {
  /** a preset's id, or 'custom' after a window/level drag */
  presetId = 'default';
  inverted = false;

  constructor(private readonly p: DisplayPorts) {}

  apply(id: string): void {
    const preset = this.p.presets().find((x) => x.id === id);
    const stack = this.p.stack();
    if (!preset || !stack) return;
    const range = presetRange(preset, () => stack.fullRange());
    stack.setVoiRange(range);
    this.p.mpr()?.setDisplay(range, this.inverted);
    this.presetId = preset.id;
    this.p.changed();
  }

  toggleInvert(): void {
    const stack = this.p.stack();
    if (!stack || !this.p.imageShown()) return;
    this.inverted = !this.inverted;
    stack.setInverted(this.inverted);
    this.p.mpr()?.setDisplay(this.currentRange(), this.inverted);
    this.p.changed();
  }

  /** The window the stack shows now, null for the image's own. */
  currentRange(): VoiRange | null {
    return this.presetId === 'default' ? null : this.p.stack()?.voiRange ?? null;
  }

  /** Window and invert back to the image's own (the stack also resets its camera). */
  reset(): void {
    this.p.stack()?.reset();
    this.presetId = 'default';
    this.inverted = false;
    this.p.mpr()?.reset(null, false);
    this.p.changed();
  }

  /** The stack's window changed; with a pointer down on the image that was the user's W/L drag. */
  stackWindowChanged(pointerDown: boolean): void {
    if (!pointerDown) return;
    this.presetId = 'custom';
    this.p.changed();
  }

  /** A W/L drag in MPR: the stack takes the window too, so leaving MPR keeps it. */
  mprWindowChanged(range: VoiRange): void {
    this.presetId = 'custom';
    this.p.stack()?.setVoiRange(range);
    this.p.changed();
  }

  /** A new stack shows its images' own window, not inverted. */
  newStack(): void {
    this.presetId = 'default';
    this.inverted = false;
    this.p.changed();
  }
}
