import { describe, expect, it, vi } from 'vitest';
import { Findings } from './findings.js';
import type { FindingPorts } from './findings.js';
import type { MarkShape } from './model.js';
import { FakeElement, FakeStack, project, settle } from './test-fakes.js';
import type { PrimaryTool } from './tools.js';

const noCallbacks = { imageShown: () => {}, geometryChanged: () => {}, loadFailed: () => {}, voiChanged: () => {}, measurementsChanged: () => {} };

function setUp(opts: { tool?: PrimaryTool; shape?: MarkShape; marking?: boolean; mpr?: boolean; index?: number } = {}) {
  const stack = new FakeStack(noCallbacks);
  stack.currentIndex = opts.index ?? 0;
  const fired: { name: string; detail: Record<string, unknown> }[] = [];
  const hints: string[] = [];
  const said: string[] = [];
  const ports: FindingPorts = {
    stack: () => stack, index: () => opts.index ?? 0, mprOn: () => opts.mpr ?? false,
    tool: () => opts.tool ?? 'mark', markShape: () => opts.shape ?? 'point', markingEnabled: () => opts.marking ?? true,
    hint: (t) => hints.push(t), announce: (t) => said.push(t), count: () => 40,
    fire: (name, detail) => fired.push({ name, detail: detail as Record<string, unknown> }),
    changed: vi.fn(), colour: vi.fn(async (url: string) => ({ href: `coloured:${url}`, width: 4, height: 4 })),
  };
  const findings = new Findings(ports);
  const load = (props: Partial<{ marks: unknown[]; aiMarks: unknown[]; truth: unknown[]; heatmaps: unknown[] }>, aiVisible = true) => {
    const json = { marks: '', aiMarks: '', truth: '', heatmaps: '' };
    for (const [k, v] of Object.entries(props)) json[k as keyof typeof json] = JSON.stringify(v);
    findings.propertiesChanged(new Map(Object.keys(props).map((k) => [k, ''])), json);
    findings.relayout(opts.index ?? 0, project, aiVisible);
  };
  return { findings, stack, fired, hints, said, ports, load };
}

const mark = (id: string, x: number, y: number, extra: object = {}) => ({ id, imageIndex: 0, x, y, confidence: 3, ...extra });

describe('clicks on the image', () => {
  it('select the mark under the pointer (any tool)', () => {
    const { findings, fired, load } = setUp({ tool: 'wl' });
    load({ marks: [mark('a', 10, 10), mark('b', 30, 10)] });
    findings.click(project(30, 11), 0);
    expect(fired).toEqual([{ name: 'mark-selected', detail: { id: 'b' } }]);
  });

  it('place a point finding in image pixels with the Mark tool', () => {
    const { findings, fired } = setUp();
    findings.click(project(12.5, 7.25), 0);
    expect(fired).toEqual([{ name: 'mark-placed', detail: { imageIndex: 0, x: 12.5, y: 7.25, shape: 'point', width: 0, height: 0 } }]);
  });

  it('place nothing outside the image, with another button, another tool, marking off or in MPR', () => {
    for (const [opts, at, button] of [
      [{}, project(-5, 3), 0], [{}, project(5, 3), 2], [{ tool: 'pan' as const }, project(5, 3), 0],
      [{ marking: false }, project(5, 3), 0], [{ mpr: true }, project(5, 3), 0], [{ index: -1 }, project(5, 3), 0],
    ] as const) {
      const { findings, fired } = setUp(opts);
      findings.click(at as [number, number], button);
      expect(fired, JSON.stringify(opts)).toEqual([]);
    }
  });

  it('explain that ellipses and boxes are dragged', () => {
    const { findings, fired, hints } = setUp({ shape: 'ellipse' });
    findings.click(project(5, 5), 0);
    expect(fired).toEqual([]);
    expect(hints).toEqual(['Drag to draw an ellipse around the finding']);
  });
});

describe('drags on the image', () => {
  const viewport = new FakeElement({ left: 10, top: 20 });

  it('draw a shaped finding: centre and full extents in image pixels', () => {
    const { findings, fired, ports } = setUp({ shape: 'box' });
    const h = findings.dragHandlers(viewport);
    const client = (x: number, y: number) => { const c = project(x, y); return [c[0] + 10, c[1] + 20] as const; };
    expect(h.accept(...client(10, 10))).toBe(true);
    h.move(...client(10, 10), ...client(20, 30));
    expect(findings.draft).toEqual({ x0: 120, y0: 70, x1: 140, y1: 110 });
    h.end(...client(20, 30), ...client(10, 10));
    expect(findings.draft).toBeNull();
    expect(fired).toEqual([{ name: 'mark-placed', detail: { imageIndex: 0, x: 15, y: 20, shape: 'box', width: 10, height: 20 } }]);
    expect(ports.changed).toHaveBeenCalled();
  });

  it('clamp a drag that leaves the image to its edge', () => {
    const { findings, fired } = setUp({ shape: 'ellipse' });
    const h = findings.dragHandlers(viewport);
    const c0 = project(60, 40);
    const c1 = project(80, 60);
    h.end(c0[0] + 10, c0[1] + 20, c1[0] + 10, c1[1] + 20);
    expect(fired[0].detail).toMatchObject({ x: 62, y: 44, width: 4, height: 8, shape: 'ellipse' });
  });

  it('refuse a shape under one image pixel', () => {
    const { findings, fired, hints } = setUp({ shape: 'box' });
    const h = findings.dragHandlers(viewport);
    h.end(110, 70, 111, 90);
    expect(fired).toEqual([]);
    expect(hints).toEqual(['Too small: drag a larger shape']);
  });

  it('are not taken for points, other tools or outside the image', () => {
    expect(setUp({ shape: 'point' }).findings.dragHandlers(viewport).accept(130, 90)).toBe(false);
    expect(setUp({ shape: 'box', tool: 'wl' }).findings.dragHandlers(viewport).accept(130, 90)).toBe(false);
    expect(setUp({ shape: 'box' }).findings.dragHandlers(viewport).accept(0, 0)).toBe(false);
  });

  it('cancel without a finding', () => {
    const { findings, fired } = setUp({ shape: 'box' });
    const h = findings.dragHandlers(viewport);
    h.move(120, 80, 160, 120);
    h.cancel();
    expect(findings.draft).toBeNull();
    expect(fired).toEqual([]);
  });
});

describe('deleting', () => {
  it('asks Java to delete the selected finding', () => {
    const { findings, fired, load } = setUp();
    load({ marks: [mark('a', 1, 1), mark('b', 2, 2, { selected: true })] });
    findings.requestDelete();
    expect(fired).toEqual([{ name: 'mark-delete-requested', detail: { id: 'b' } }]);
  });

  it('asks nothing without a selection or while marking is off', () => {
    const none = setUp();
    none.load({ marks: [mark('a', 1, 1)] });
    none.findings.requestDelete();
    expect(none.fired).toEqual([]);
    const off = setUp({ marking: false });
    off.load({ marks: [mark('a', 1, 1, { selected: true })] });
    off.findings.requestDelete();
    expect(off.fired).toEqual([]);
  });
});

describe('AI and truth overlays', () => {
  it('show the AI\'s marks while the AI is visible, and truth after submission', () => {
    const { findings, load } = setUp();
    load({ aiMarks: [{ id: 'ai1', imageIndex: 0, x: 4, y: 4, probability: 0.9 }], truth: [{ id: 't1', imageIndex: 0, x: 8, y: 8, radius: 3, detected: false }] }, false);
    expect(findings.layout.ai).toEqual([]);
    expect(findings.layout.truth.map((t) => [t.item.id, t.cx, t.cy, t.r])).toEqual([['t1', 116, 66, 6]]);
    findings.relayout(0, project, true);
    expect(findings.layout.ai.map((a) => [a.item.id, a.cx, a.cy])).toEqual([['ai1', 108, 58]]);
  });

  it('colour the shown image\'s heatmap once, then stretch it over the image', async () => {
    const { findings, ports, load } = setUp();
    load({ heatmaps: [{ imageIndex: 0, url: '/files/heatmap/h0' }] });
    expect(findings.heatmapAvailable(true)).toBe(true);
    expect(findings.heatmapAvailable(false)).toBe(false);
    expect(findings.heatmap(true, false, 'http://calibra.test/reading/1')).toBeNull();
    await settle();
    const shown = findings.heatmap(true, false, 'http://calibra.test/reading/1');
    expect(shown).toEqual({ href: 'coloured:http://calibra.test/files/heatmap/h0', columns: 64, rows: 48, matrix: [2, 0, 0, 2, 100, 50], opacity: 0.4 });
    expect(ports.colour).toHaveBeenCalledTimes(1);
    findings.setHeatmapOpacity(75);
    expect(findings.heatmap(true, false, 'http://calibra.test/')?.opacity).toBe(0.75);
    findings.toggleHeatmap();
    expect(findings.heatmap(true, false, 'http://calibra.test/')).toBeNull();
    findings.toggleHeatmap();
    expect(findings.heatmap(false, false, 'http://calibra.test/')).toBeNull();
    expect(findings.heatmap(true, true, 'http://calibra.test/')).toBeNull();
  });
});

