// MPR on and off: whether the stack is a volume, opening a Cornerstone MPR session over the cached
// images, the acquired slice nearest to the crosshair, and closing the session again. Framework-free:
// the Cornerstone session comes from a factory (cornerstone-mpr.ts in the viewer, a fake in tests).

import { describeError } from './errors.js';
import type { MprPlane, MprTool } from './mpr-planes.js';
import type { VoiRange } from './presets.js';
import { nearestSlice } from './volume-geometry.js';
import type { VolumeGeometry } from './volume-geometry.js';

export type MprState = 'off' | 'loading' | 'ready' | 'error';

/** What an open Cornerstone MPR session offers (CornerstoneMpr). */
export interface MprSessionPort {
  setPrimaryTool(tool: MprTool): void;
  setDisplay(range: VoiRange | null, invert: boolean): void;
  reset(range: VoiRange | null, invert: boolean): void;
  /** world point where the crosshair lines meet */
  centre(): number[];
  resize(): void;
  destroy(): void;
}

export interface MprSessionCallbacks {
  cameraChanged(): void;
  voiChanged(range: VoiRange): void;
}

export interface MprPorts {
  /** opens a session over the stack's images in the three panes */
  create(imageIds: string[], panes: Record<MprPlane, HTMLDivElement>, cb: MprSessionCallbacks): Promise<MprSessionPort>;
  /** the stack's image ids, or null while there is no stack */
  imageIds(): readonly string[] | null;
  /** changes whenever the stack is replaced or torn down: an older session is then dropped */
  generation(): number;
  /** before the session opens: stop cine, cancel a finding being drawn, crosshair tool */
  entering(): void;
  /** the window and invert the stack shows, for the new session */
  display(): { range: VoiRange | null; inverted: boolean };
  /** the user changed the window in MPR */
  voiChanged(range: VoiRange): void;
  /** resolves once the element has rendered the current state (the panes exist, or are gone) */
  rendered(): Promise<unknown>;
  panes(): Record<MprPlane, HTMLDivElement>;
  /** back in the stack view: resize it and show acquired image `index` (-1: stay) */
  leave(index: number): Promise<void>;
  hint(text: string): void;
  nextFrame(callback: () => void): void;
  changed(): void;
}

export class MprSession {
  state: MprState = 'off';
  /** in MPR: the stack image nearest to the crosshair, where leaving MPR returns to */
  slice = -1;
  /** the stack's volume geometry when it is one (MPR possible), else null */
  volume: VolumeGeometry | null = null;
  session: MprSessionPort | null = null;

  constructor(private readonly p: MprPorts) {}

  get on(): boolean { return this.state !== 'off'; }

  /** v: open MPR on a volume, or go back to the acquired slice nearest to the crosshair. */
  async toggle(): Promise<void> {
    if (this.on) {
      this.updateSlice();
      const slice = this.session ? this.slice : -1;
      this.close();
      await this.p.rendered();
      await this.p.leave(slice);
      return;
    }
    const imageIds = this.p.imageIds();
    if (!this.volume || !imageIds) return;
    this.p.entering();
    this.state = 'loading';
    this.p.changed();
    await this.p.rendered();
    const generation = this.p.generation();
    try {
      let pending = false;
      const session = await this.p.create([...imageIds], this.p.panes(), {
        // the crosshair tool recomputes its centre after moving the cameras: read it a frame later
        cameraChanged: () => {
          if (pending) return;
          pending = true;
          this.p.nextFrame(() => { pending = false; this.updateSlice(); });
        },
        voiChanged: (range) => this.p.voiChanged(range),
      });
      if (generation !== this.p.generation() || this.state !== 'loading') { session.destroy(); return; }
      this.session = session;
      const { range, inverted } = this.p.display();
      session.setDisplay(range, inverted);
      this.state = 'ready';
      this.updateSlice();
      this.p.changed();
    } catch (e) {
      console.warn('[calibra-viewer] MPR failed', e);
      this.state = 'error';
      this.p.hint(`MPR could not be shown: ${describeError(e)}`);
      this.p.changed();
    }
  }

  updateSlice(): void {
    if (!this.session || !this.volume) return;
    this.slice = nearestSlice(this.volume, this.session.centre());
    this.p.changed();
  }

  close(): void {
    this.session?.destroy();
    this.session = null;
    this.state = 'off';
    this.p.changed();
  }

  /** A new stack: closed, and not known to be a volume until checked again. */
  newStack(): void {
    this.close();
    this.volume = null;
  }

  resize(): void {
    this.session?.resize();
  }
}
