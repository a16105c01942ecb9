// Findings on the image: the trainee's marks, the AI's marks and heatmaps, the truth after submission.
// Keeps the parsed lists and their overlay layout, turns clicks and drags into the element's events
// (mark-selected, mark-placed, mark-delete-requested) and never edits the lists itself: Java does.

import { marksChange } from './announcements.js';
import type { DragHandlers } from './drag-detector.js';
import { describeError } from './errors.js';
import type { ColouredHeatmap, HeatmapRef } from './heatmap.js';
import { parseAiMarks, parseHeatmaps, parseMarks, parseTruth } from './model.js';
import type { AiMark, Mark, MarkShape, TruthLesion } from './model.js';
import { EMPTY_LAYOUT, heatmapMatrix, hitTestMarks, layoutOverlay, shapeFromCorners, toLocal } from './overlay.js';
import type { OverlayLayout, Projector } from './overlay.js';
import type { PrimaryTool } from './tools.js';

/** What the stack offers for placing findings: image pixels <-> viewport canvas px. */
export interface FindingStack {
  canvasToImage(cx: number, cy: number, clamp?: boolean): [number, number] | null;
  imageToCanvas(x: number, y: number): [number, number] | null;
  imageSize(): [number, number] | null;
}

export interface FindingPorts {
  stack(): FindingStack | null;
  /** the shown image, -1 while none */
  index(): number;
  mprOn(): boolean;
  tool(): PrimaryTool;
  markShape(): MarkShape;
  markingEnabled(): boolean;
  hint(text: string): void;
  /** says `text` in the viewer's live region (screen readers) */
  announce(text: string): void;
  /** images in the stack */
  count(): number;
  fire(name: string, detail: object): void;
  changed(): void;
  /** loads and colours a heatmap PNG (heatmap.ts) */
  colour(url: string): Promise<ColouredHeatmap>;
}

/** The JSON properties Java sets. */
export interface FindingProperties { marks: string; aiMarks: string; truth: string; heatmaps: string }

/** A shape being dragged out, canvas px. */
export interface Draft { x0: number; y0: number; x1: number; y1: number }

/** The shown image's heatmap, ready to draw: `matrix` maps image pixels to canvas px. */
export interface PlacedHeatmap { href: string; columns: number; rows: number; matrix: number[]; opacity: number }

export class Findings {
  marks: Mark[] = [];
  ai: AiMark[] = [];
  truth: TruthLesion[] = [];
  heatmaps: HeatmapRef[] = [];
  layout: OverlayLayout = EMPTY_LAYOUT;
  draft: Draft | null = null;
  heatmapOn = true;
  heatmapOpacity = 40;
  private readonly coloured = new Map<string, ColouredHeatmap>();
  /** the first list Java sends is what the read starts from, not a change to announce */
  private marksSeen = false;

  constructor(private readonly p: FindingPorts) {}

  /** Parses the properties that changed; bad JSON gives empty lists (model.ts). */
  propertiesChanged(changed: ReadonlyMap<PropertyKey, unknown>, props: FindingProperties): void {
    if (changed.has('marks')) {
      const before = this.marks;
      this.marks = parseMarks(props.marks);
      const said = this.marksSeen ? marksChange(before, this.marks, this.p.count()) : null;
      if (said) this.p.announce(said);
      this.marksSeen = true;
    }
    if (changed.has('aiMarks')) this.ai = parseAiMarks(props.aiMarks);
    if (changed.has('truth')) this.truth = parseTruth(props.truth);
    if (changed.has('heatmaps')) this.heatmaps = parseHeatmaps(props.heatmaps);
  }

  /** Canvas positions for image `index` (before every render: zoom, pan and scroll move them). */
  relayout(index: number, project: Projector | null, aiVisible: boolean): void {
    this.layout = layoutOverlay(index, project, this.marks, this.ai, aiVisible, this.truth);
  }

  /** A plain click at canvas px: selects the mark under it, else places a point finding with the Mark tool. */
  click(canvas: [number, number], button: number): void {
    const stack = this.p.stack();
    const index = this.p.index();
    if (!stack || index < 0 || this.p.mprOn()) return;
    const mark = hitTestMarks(this.layout, canvas[0], canvas[1]);
    if (mark) {
      this.p.fire('mark-selected', { id: mark.id });
      return;
    }
    if (this.p.tool() !== 'mark' || !this.p.markingEnabled() || button !== 0) return;
    const shape = this.p.markShape();
    if (shape !== 'point') {
      this.p.hint(`Drag to draw ${shape === 'ellipse' ? 'an ellipse' : 'a box'} around the finding`);
      return;
    }
    const p = stack.canvasToImage(canvas[0], canvas[1]);
    if (p) this.p.fire('mark-placed', { imageIndex: index, x: p[0], y: p[1], shape: 'point', width: 0, height: 0 });
  }

  /** Drags draw ellipse/box findings; the event carries the shape's centre and full extents in image pixels. */
  dragHandlers(viewport: { getBoundingClientRect(): { left: number; top: number } }): DragHandlers {
    const local = (x: number, y: number) => toLocal(x, y, viewport.getBoundingClientRect());
    return {
      accept: (x, y) => this.p.tool() === 'mark' && this.p.markingEnabled() && this.p.markShape() !== 'point'
        && !this.p.mprOn() && this.p.index() >= 0 && !!this.p.stack()?.canvasToImage(...local(x, y)),
      move: (x0, y0, x1, y1) => {
        const [a, b] = [local(x0, y0), local(x1, y1)];
        this.setDraft({ x0: a[0], y0: a[1], x1: b[0], y1: b[1] });
      },
      end: (x0, y0, x1, y1) => {
        this.setDraft(null);
        const stack = this.p.stack();
        if (!stack || this.p.tool() !== 'mark') return;
        const p0 = stack.canvasToImage(...local(x0, y0), true);
        const p1 = stack.canvasToImage(...local(x1, y1), true);
        if (!p0 || !p1) return;
        const s = shapeFromCorners(p0, p1);
        if (s.width < 1 || s.height < 1) {
          this.p.hint('Too small: drag a larger shape');
          return;
        }
        this.p.fire('mark-placed', { imageIndex: this.p.index(), x: s.x, y: s.y, shape: this.p.markShape(),
          width: s.width, height: s.height });
      },
      cancel: () => this.setDraft(null),
    };
  }

  /** Delete/Backspace: ask Java to delete the selected finding. */
  requestDelete(): void {
    const selected = this.marks.find((m) => m.selected);
    if (!selected || !this.p.markingEnabled()) return;
    this.p.fire('mark-delete-requested', { id: selected.id });
  }

  /**
   * n / Shift+n: selects the next (previous) finding in the order they are numbered, on whichever image it is; the
   * finding, for the caller to show its image. Java sends the marks back with it selected.
   */
  selectNext(delta: number): Mark | null {
    const n = this.marks.length;
    if (!n) {
      this.p.hint('No findings yet: press m, move the cursor with Shift+arrows, Enter marks');
      return null;
    }
    const i = this.marks.findIndex((m) => m.selected);
    const next = this.marks[i < 0 ? (delta > 0 ? 0 : n - 1) : (i + delta + n) % n];
    this.p.fire('mark-selected', { id: next.id });
    return next;
  }

  /** Whether the toolbar offers the heatmap controls. */
  heatmapAvailable(aiVisible: boolean): boolean {
    return this.heatmaps.length > 0 && aiVisible;
  }

  toggleHeatmap(): void {
    this.heatmapOn = !this.heatmapOn;
    this.p.changed();
  }

  setHeatmapOpacity(percent: number): void {
    this.heatmapOpacity = percent;
    this.p.changed();
  }

  /**
   * The heatmap of the shown image stretched over the image's extent, or null. Its first request starts
   * loading and colouring it; the viewer draws it once that is done.
   */
  heatmap(aiVisible: boolean, mprOn: boolean, baseUri: string): PlacedHeatmap | null {
    const stack = this.p.stack();
    const index = this.p.index();
    if (!aiVisible || !this.heatmapOn || mprOn || index < 0 || !stack) return null;
    const ref = this.heatmaps.find((h) => h.imageIndex === index);
    if (!ref) return null;
    const url = new URL(ref.url, baseUri).href;
    const coloured = this.coloured.get(url);
    if (!coloured) {
      this.p.colour(url).then((c) => { this.coloured.set(url, c); this.p.changed(); })
        .catch((e) => console.warn('[calibra-viewer] heatmap not shown:', describeError(e)));
      return null;
    }
    const size = stack.imageSize();
    const matrix = size && heatmapMatrix(size, (x, y) => stack.imageToCanvas(x, y));
    if (!size || !matrix) return null;
    return { href: coloured.href, columns: size[0], rows: size[1], matrix, opacity: this.heatmapOpacity / 100 };
  }

  private setDraft(draft: Draft | null): void {
    this.draft = draft;
    this.p.changed();
  }
}
