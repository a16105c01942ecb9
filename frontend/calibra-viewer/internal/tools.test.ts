import { describe, expect, it, vi } from 'vitest';
import { Cine, clampFps } from './cine.js';
import type { CinePlayer } from './cine.js';
import { MARK_IN_MPR_HINT, MEASURE_IN_MPR_HINT, ToolState, chooseTool, nextShape } from './tools.js';
import type { ToolPorts } from './tools.js';

describe('choosing a tool', () => {
  it('gives the stack any tool outside MPR, the Mark tool only while marking is enabled', () => {
    for (const tool of ['wl', 'pan', 'zoom', 'length', 'roi', 'mark'] as const) {
      expect(chooseTool(tool, true, false)).toEqual({ view: 'stack', tool });
    }
    expect(chooseTool('mark', false, false)).toEqual({ view: 'none', hint: null });
  });

  it('in MPR hands W/L, pan and zoom to the MPR views and refuses marks and measurements with a reason', () => {
    for (const tool of ['wl', 'pan', 'zoom'] as const) expect(chooseTool(tool, true, true)).toEqual({ view: 'mpr', tool });
    expect(chooseTool('mark', true, true)).toEqual({ view: 'none', hint: MARK_IN_MPR_HINT });
    expect(chooseTool('mark', false, true)).toEqual({ view: 'none', hint: MARK_IN_MPR_HINT });
    expect(chooseTool('length', true, true)).toEqual({ view: 'none', hint: MEASURE_IN_MPR_HINT });
    expect(chooseTool('roi', true, true)).toEqual({ view: 'none', hint: MEASURE_IN_MPR_HINT });
  });

  it('cycles the shape of the next finding', () => {
    expect([nextShape('point'), nextShape('ellipse'), nextShape('box')]).toEqual(['ellipse', 'box', 'point']);
  });
});

describe('tool state', () => {
  const setUp = (marking = true, mpr = false) => {
    const ports = {
      markingEnabled: () => marking, mprOn: () => mpr,
      applyStackTool: vi.fn(), applyMprTool: vi.fn(), hint: vi.fn(), changed: vi.fn(),
    } satisfies ToolPorts;
    return { tools: new ToolState(ports), ports, setMpr: (on: boolean) => { mpr = on; }, setMarking: (on: boolean) => { marking = on; } };
  };

  it('m selects the Mark tool, m again the next shape', () => {
    const { tools, ports } = setUp();
    tools.markKey();
    expect([tools.tool, tools.markShape]).toEqual(['mark', 'point']);
    expect(ports.applyStackTool).toHaveBeenLastCalledWith('mark');
    tools.markKey();
    expect(tools.markShape).toBe('ellipse');
    tools.markKey();
    tools.markKey();
    expect(tools.markShape).toBe('point');
    expect(tools.tool).toBe('mark');
  });

  it('a shape button selects the shape and the Mark tool', () => {
    const { tools } = setUp();
    tools.selectShape('box');
    expect([tools.tool, tools.markShape]).toEqual(['mark', 'box']);
  });

  it('leaves the Mark tool for W/L when Java switches marking off', () => {
    const { tools, setMarking } = setUp();
    tools.select('mark');
    setMarking(false);
    tools.markingDisabled();
    expect(tools.tool).toBe('wl');
    tools.select('mark');
    expect(tools.tool).toBe('wl');
  });

  it('in MPR keeps the stack\'s tool, drives the MPR tool and explains refusals', () => {
    const { tools, ports, setMpr } = setUp();
    tools.select('length');
    setMpr(true);
    tools.enteringMpr();
    expect(tools.mprTool).toBe('crosshair');
    tools.select('zoom');
    expect([tools.tool, tools.mprTool]).toEqual(['length', 'zoom']);
    expect(ports.applyMprTool).toHaveBeenLastCalledWith('zoom');
    tools.markKey();
    expect(ports.hint).toHaveBeenLastCalledWith(MARK_IN_MPR_HINT);
    expect(tools.tool).toBe('length');
  });
});

describe('cine', () => {
  const player = (): CinePlayer & { cinePlaying: boolean; fps: number } => ({
    cinePlaying: false, fps: 0,
    playCine(fps) { this.cinePlaying = true; this.fps = fps; },
    stopCine() { this.cinePlaying = false; },
  });

  it('keeps the rate a whole number from 1 to 30 per second', () => {
    expect([clampFps(0), clampFps(7.6), clampFps(99)]).toEqual([1, 8, 30]);
  });

  it('plays and pauses when allowed, at the chosen rate', () => {
    const cine = new Cine(() => {});
    const p = player();
    cine.toggle(p, false);
    expect(cine.playing).toBe(false);
    cine.toggle(p, true);
    expect([cine.playing, p.fps]).toEqual([true, 10]);
    cine.setFps(p, 24);
    expect(p.fps).toBe(24);
    cine.toggle(p, true);
    expect([cine.playing, p.cinePlaying]).toEqual([false, false]);
    cine.toggle(null, true);
    expect(cine.playing).toBe(false);
  });

  it('stops with the stack', () => {
    const cine = new Cine(() => {});
    const p = player();
    cine.toggle(p, true);
    cine.stop(p);
    expect([cine.playing, p.cinePlaying]).toEqual([false, false]);
  });
});
