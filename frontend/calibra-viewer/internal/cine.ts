// Cine: looping through the stack at a chosen rate. Cornerstone plays the clip (cornerstone-stack.ts);
// this keeps what the toolbar shows and when playing is allowed.

export const DEFAULT_FPS = 10;

/** Images per second as the slider allows: a whole number from 1 to 30. */
export function clampFps(fps: number): number {
  return Math.min(30, Math.max(1, Math.round(fps)));
}

/** What the stack offers for cine. */
export interface CinePlayer {
  readonly cinePlaying: boolean;
  playCine(fps: number): void;
  stopCine(): void;
}

export class Cine {
  playing = false;
  fps = DEFAULT_FPS;

  constructor(private readonly changed: () => void) {}

  /** Play or pause; `allowed` is false for a single image or in MPR. */
  toggle(player: CinePlayer | null, allowed: boolean): void {
    if (!player || !allowed) return;
    if (player.cinePlaying) player.stopCine();
    else player.playCine(this.fps);
    this.playing = player.cinePlaying;
    this.changed();
  }

  /** A new rate; a running clip continues at it. */
  setFps(player: CinePlayer | null, fps: number): void {
    this.fps = clampFps(fps);
    if (player?.cinePlaying) player.playCine(this.fps);
    this.changed();
  }

  stop(player: CinePlayer | null): void {
    player?.stopCine();
    this.stopped();
  }

  /** The clip ended elsewhere (a new stack, the viewer torn down). */
  stopped(): void {
    this.playing = false;
    this.changed();
  }
}
