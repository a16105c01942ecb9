// Multiplanar reformation: the stack's images as one volume, shown in three
// orthographic viewports (axial, coronal, sagittal) linked by Cornerstone's
// CrosshairsTool. One RenderingEngine and tool group per MPR session; created
// when the user switches MPR on and destroyed when they switch it off.

import {
  Enums as csEnums, RenderingEngine, cache, eventTarget, setVolumesForViewports, volumeLoader,
} from '@cornerstonejs/core';
import type { Types } from '@cornerstonejs/core';
import {
  CrosshairsTool, Enums as toolsEnums, PanTool, StackScrollTool, ToolGroupManager, WindowLevelTool, ZoomTool,
} from '@cornerstonejs/tools';
import { MPR_COLOURS, MPR_PLANES } from './mpr-planes.js';
import type { MprPlane, MprTool } from './mpr-planes.js';
import type { VoiRange } from './presets.js';

const ORIENTATION: Record<MprPlane, csEnums.OrientationAxis> = {
  axial: csEnums.OrientationAxis.AXIAL,
  coronal: csEnums.OrientationAxis.CORONAL,
  sagittal: csEnums.OrientationAxis.SAGITTAL,
};
const { MouseBindings } = toolsEnums;
const LEFT_TOOLS: Record<MprTool, string> = {
  crosshair: CrosshairsTool.toolName, wl: WindowLevelTool.toolName, pan: PanTool.toolName, zoom: ZoomTool.toolName,
};

export interface MprCallbacks {
  /** a view's camera moved (crosshair, scroll, pan, zoom) */
  cameraChanged(): void;
  /** the user changed the window in one view (all three now show it) */
  voiChanged(range: VoiRange): void;
}

let sessionCounter = 0;

export class CornerstoneMpr {
  private readonly engine: RenderingEngine;
  private readonly toolGroupId: string;
  private readonly ids: Record<MprPlane, string>;
  private destroyed = false;

  /**
   * Builds the volume from `imageIds` (already cached by the stack, so no second download), shows
   * it in the three elements and resolves once every slice is in the volume and drawn.
   */
  static async create(volumeKey: string, imageIds: string[], elements: Record<MprPlane, HTMLDivElement>,
    callbacks: MprCallbacks): Promise<CornerstoneMpr> {
    const mpr = new CornerstoneMpr(elements, callbacks);
    try {
      await mpr.load(volumeKey, imageIds);
    } catch (e) {
      mpr.destroy();
      throw e;
    }
    return mpr;
  }

  private constructor(private readonly elements: Record<MprPlane, HTMLDivElement>, private readonly cb: MprCallbacks) {
    const n = ++sessionCounter;
    this.engine = new RenderingEngine(`calibra-mpr-re-${n}`);
    this.toolGroupId = `calibra-mpr-tg-${n}`;
    this.ids = { axial: `calibra-mpr-${n}-axial`, coronal: `calibra-mpr-${n}-coronal`, sagittal: `calibra-mpr-${n}-sagittal` };
    this.engine.setViewports(MPR_PLANES.map((plane) => ({
      viewportId: this.ids[plane],
      type: csEnums.ViewportType.ORTHOGRAPHIC,
      element: elements[plane],
      defaultOptions: { orientation: ORIENTATION[plane], background: [0, 0, 0] as Types.Point3 },
    })));
    MPR_PLANES.forEach((plane) => {
      elements[plane].addEventListener(csEnums.Events.CAMERA_MODIFIED, this.onCamera);
      elements[plane].addEventListener(csEnums.Events.VOI_MODIFIED, this.onVoi);
    });
  }

  private async load(volumeKey: string, imageIds: string[]): Promise<void> {
    const volumeId = `cornerstoneStreamingImageVolume:${volumeKey}`;
    const volume = cache.getVolume(volumeId) ?? await volumeLoader.createAndCacheVolume(volumeId, { imageIds });
    const status = (volume as unknown as { loadStatus?: { loaded?: boolean } }).loadStatus;
    if (!status?.loaded) {
      await new Promise<void>((resolve, reject) => {
        const done = (e: Event) => {
          if ((e as CustomEvent<{ volumeId?: string }>).detail?.volumeId !== volumeId) return;
          clearTimeout(timer);
          eventTarget.removeEventListener(csEnums.Events.IMAGE_VOLUME_LOADING_COMPLETED, done);
          resolve();
        };
        const timer = setTimeout(() => {
          eventTarget.removeEventListener(csEnums.Events.IMAGE_VOLUME_LOADING_COMPLETED, done);
          reject(new Error('timed out loading the volume'));
        }, 60000);
        eventTarget.addEventListener(csEnums.Events.IMAGE_VOLUME_LOADING_COMPLETED, done);
        (volume as unknown as { load: () => void }).load(); // no-op while it is loading already
      });
    }
    if (this.destroyed) return;
    await setVolumesForViewports(this.engine, [{ volumeId }], Object.values(this.ids));
    this.setUpTools();
    this.engine.renderViewports(Object.values(this.ids));
    this.ready = true;
  }

  private setUpTools(): void {
    const group = ToolGroupManager.createToolGroup(this.toolGroupId);
    if (!group) throw new Error(`tool group ${this.toolGroupId} exists already`);
    [CrosshairsTool, WindowLevelTool, PanTool, ZoomTool, StackScrollTool].forEach((t) => group.addTool(t.toolName,
      t === CrosshairsTool ? {
        getReferenceLineColor: (viewportId: string) => MPR_COLOURS[this.planeOf(viewportId) ?? 'axial'],
        getReferenceLineControllable: () => true,
        // lines can be dragged (and, at their ends, rotated to oblique planes: reset straightens them); no slab
        getReferenceLineDraggableRotatable: () => true,
        getReferenceLineSlabThicknessControlsOn: () => false,
      } : undefined));
    MPR_PLANES.forEach((plane) => group.addViewport(this.ids[plane], this.engine.id));
    group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
    group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
    this.setPrimaryTool('crosshair');
  }

  setPrimaryTool(tool: MprTool): void {
    const group = ToolGroupManager.getToolGroup(this.toolGroupId);
    if (!group) return;
    for (const [key, name] of Object.entries(LEFT_TOOLS)) {
      if (key === tool) group.setToolActive(name, { bindings: [{ mouseButton: MouseBindings.Primary }] });
      // crosshairs stay drawn (passive) while another tool has the left button
      else group.setToolPassive(name);
    }
  }

  private planeOf(viewportId: string): MprPlane | undefined {
    return MPR_PLANES.find((p) => this.ids[p] === viewportId);
  }

  private viewport(plane: MprPlane): Types.IVolumeViewport {
    return this.engine.getViewport(this.ids[plane]) as Types.IVolumeViewport;
  }

  /** The same window (or the volume's default with null) and invert on all three views. */
  setDisplay(range: VoiRange | null, invert: boolean): void {
    this.syncing = true;
    try {
      for (const plane of MPR_PLANES) {
        const vp = this.viewport(plane);
        if (!range) vp.resetProperties();
        vp.setProperties(range ? { voiRange: range, invert } : { invert });
      }
    } finally {
      this.syncing = false;
    }
    this.engine.renderViewports(Object.values(this.ids));
  }

  private syncing = false;
  private ready = false;
  private onCamera = (): void => this.cb.cameraChanged();

  /** A window/level drag in one view: the other two follow, and the element hears of it. */
  private onVoi = (e: Event): void => {
    if (this.syncing || this.destroyed || !this.ready) return; // volumes set their own window while loading
    const range = (e as CustomEvent<{ range?: VoiRange }>).detail?.range;
    if (!range) return;
    const source = (e.currentTarget as HTMLElement | null);
    this.syncing = true;
    try {
      for (const plane of MPR_PLANES) {
        if (this.elements[plane] === source) continue;
        this.viewport(plane).setProperties({ voiRange: range });
        this.viewport(plane).render();
      }
    } finally {
      this.syncing = false;
    }
    this.cb.voiChanged(range);
  };

  /** Cameras and crosshair back to the centred axial/coronal/sagittal planes, window as given. */
  reset(range: VoiRange | null, invert: boolean): void {
    MPR_PLANES.forEach((plane) => this.viewport(plane).resetCamera());
    const tool = ToolGroupManager.getToolGroup(this.toolGroupId)?.getToolInstance(CrosshairsTool.toolName) as
      { resetCrosshairs?: () => void } | undefined;
    tool?.resetCrosshairs?.();
    this.setDisplay(range, invert);
  }

  /** World point (mm, patient coordinates) where the crosshair lines meet. */
  centre(): number[] {
    const tool = ToolGroupManager.getToolGroup(this.toolGroupId)?.getToolInstance(CrosshairsTool.toolName) as
      { toolCenter?: number[] } | undefined;
    const c = tool?.toolCenter;
    if (c && c.some((v) => v !== 0)) return [...c];
    return [...this.viewport('axial').getCamera().focalPoint!];
  }

  /** Whether every view has drawn the volume (a canvas with its size). */
  rendered(): boolean {
    return MPR_PLANES.every((plane) => !!this.viewport(plane)?.getImageData?.());
  }

  resize(): void {
    if (this.destroyed) return;
    this.engine.resize(true, true);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    MPR_PLANES.forEach((plane) => {
      this.elements[plane].removeEventListener(csEnums.Events.CAMERA_MODIFIED, this.onCamera);
      this.elements[plane].removeEventListener(csEnums.Events.VOI_MODIFIED, this.onVoi);
    });
    ToolGroupManager.destroyToolGroup(this.toolGroupId);
    this.engine.destroy();
  }
}

/** Frees a volume built for MPR (when the stack changes or the viewer goes away). */
export function releaseVolume(volumeKey: string): void {
  const volumeId = `cornerstoneStreamingImageVolume:${volumeKey}`;
  if (cache.getVolume(volumeId)) cache.removeVolumeLoadObject(volumeId);
}
