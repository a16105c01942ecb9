// The seams of the viewer's controllers: what they need of the element (ViewerHost) and of Cornerstone
// (StackPort, ViewerDeps). The element and cornerstone-*.ts fill them in; the unit tests use fakes.

import type { StackDisplay } from './display.js';
import type { FindingStack } from './findings.js';
import type { ColouredHeatmap } from './heatmap.js';
import type { KeyImage } from './key-image.js';
import type { ImageRef } from './model.js';
import type { MprPlane } from './mpr-planes.js';
import type { MprSessionCallbacks, MprSessionPort } from './mpr-session.js';
import type { VoiRange } from './presets.js';
import type { PrimaryTool } from './tools.js';
import type { PlaneInfo } from './volume-geometry.js';

/** The element's public properties (Java sets them; JSON strings for lists). */
export interface ViewerProperties {
  images: string; marks: string; aiMarks: string; truth: string; heatmaps: string;
  aiVisible: boolean; markingEnabled: boolean; modality: string;
  /** the layer being authored: 'truth', 'ai', or '' (shapes only shown) */
  authoring: string;
  /** JSON lists of authored shapes (shapes.ts) and of image indices flagged for burned-in text */
  truthShapes: string; aiShapes: string; flaggedImages: string;
}

/** What the controllers need of the element. */
export interface ViewerHost extends ViewerProperties, Pick<EventTarget, 'addEventListener' | 'removeEventListener'> {
  readonly isConnected: boolean;
  readonly hasUpdated: boolean;
  readonly updateComplete: Promise<unknown>;
  readonly baseURI: string;
  requestUpdate(): void;
  fire(name: string, detail: object): void;
  /** a data-* attribute by its dataset name; undefined removes it */
  setData(name: 'state' | 'imageIndex' | 'transport' | 'allLoaded', value: string | undefined): void;
  viewport(): HTMLDivElement | null;
  mprPanes(): Record<MprPlane, HTMLDivElement>;
  focusViewer(): void;
  focusHelpClose(): void;
  /** the view as shown (image, measurements, overlay without handles) as a PNG; null while nothing is drawn */
  captureView(): Promise<KeyImage | null>;
}

/** One measurement as drawn: what it is and the text lines shown next to it. */
export interface Measurement { kind: 'length' | 'roi'; imageIndex: number; lines: string[] }

/** What the controllers need of the Cornerstone stack (CornerstoneStack). */
export interface StackPort extends StackDisplay, FindingStack {
  readonly currentIndex: number;
  readonly stackImageIds: readonly string[];
  readonly cinePlaying: boolean;
  setStack(imageIds: string[], index?: number): Promise<void>;
  showImage(index: number): Promise<void>;
  setPrimaryTool(tool: PrimaryTool): void;
  playCine(fps: number): void;
  stopCine(): void;
  modality(): string;
  measurements(): Measurement[];
  clearMeasurements(): void;
  prefetch(isCurrent: () => boolean): Promise<number>;
  planes(isCurrent: () => boolean): Promise<(PlaneInfo | null)[]>;
  resize(): void;
  destroy(): void;
}

/** How the stack reports back (CornerstoneStack's callbacks). */
export interface StackCallbacks {
  /** a new image of the stack is on the viewport (after load, before paint) */
  imageShown(index: number): void;
  /** something that moves overlay positions happened (render, camera, resize) */
  geometryChanged(): void;
  loadFailed(index: number, message: string): void;
  /** window changed (W/L drag, preset, reset); range in modality units */
  voiChanged(range: VoiRange | undefined): void;
  /** a measurement was added, changed or removed */
  measurementsChanged(): void;
}

/** Cornerstone and the browser, as the element wires them. */
export interface ViewerDeps {
  createStack(viewport: HTMLDivElement, callbacks: StackCallbacks): Promise<StackPort>;
  createMpr(volumeKey: string, imageIds: string[], panes: Record<MprPlane, HTMLDivElement>,
    callbacks: MprSessionCallbacks): Promise<MprSessionPort>;
  /** frees the volume an MPR session built under this key */
  releaseVolume(volumeKey: string): void;
  /** Cornerstone image ids for the stack (wadors where possible, wadouri otherwise) */
  stackImageIds(images: ImageRef[], baseUri: string): Promise<string[]>;
  /** calls `onResize` when the element's size changes; returns the function that stops watching */
  observeResize(element: HTMLElement, onResize: () => void): () => void;
  colourHeatmap(url: string): Promise<ColouredHeatmap>;
  nextFrame(callback: () => void): void;
}
