import { describe, expect, it, vi } from 'vitest';
import { MprSession } from './mpr-session.js';
import type { MprPorts, MprSessionCallbacks } from './mpr-session.js';
import { FakeMpr, axialPlanes, settle } from './test-fakes.js';
import { volumeGeometry } from './volume-geometry.js';
import type { VolumeGeometry } from './volume-geometry.js';

function setUp(create?: MprPorts['create']) {
  const sessions: FakeMpr[] = [];
  const frames: (() => void)[] = [];
  let generation = 1;
  const ports = {
    create: create ?? (async (_ids: string[], _panes: unknown, cb: MprSessionCallbacks) => { const m = new FakeMpr(cb); sessions.push(m); return m; }),
    imageIds: () => ['a', 'b', 'c', 'd'],
    generation: () => generation,
    entering: vi.fn(),
    display: () => ({ range: { lower: -1350, upper: 150 }, inverted: true }),
    voiChanged: vi.fn(),
    rendered: () => Promise.resolve(),
    panes: () => ({}) as never,
    leave: vi.fn(async () => {}),
    hint: vi.fn(),
    nextFrame: (cb: () => void) => { frames.push(cb); },
    changed: vi.fn(),
  } satisfies MprPorts;
  const mpr = new MprSession(ports);
  mpr.volume = volumeGeometry(axialPlanes(4, 2.5)) as VolumeGeometry;
  return { mpr, ports, sessions, frames, newGeneration: () => { generation++; } };
}

describe('MPR on and off', () => {
  it('is not offered without a volume', async () => {
    const { mpr, ports } = setUp();
    mpr.volume = null;
    await mpr.toggle();
    expect(mpr.state).toBe('off');
    expect(ports.entering).not.toHaveBeenCalled();
  });

  it('opens over the stack\'s images with the stack\'s window, then follows the crosshair to the nearest slice', async () => {
    const { mpr, ports, sessions, frames } = setUp();
    const opening = mpr.toggle();
    expect(mpr.state).toBe('loading');
    expect(ports.entering).toHaveBeenCalled();
    await opening;
    expect(mpr.state).toBe('ready');
    const [session] = sessions;
    expect(session.display).toEqual({ range: { lower: -1350, upper: 150 }, invert: true });
    expect(mpr.slice).toBe(0);
    session.centrePoint = [5, 5, 7.4];
    session.callbacks.cameraChanged();
    session.callbacks.cameraChanged(); // one read per frame
    expect(frames).toHaveLength(1);
    frames[0]();
    expect(mpr.slice).toBe(3);
    session.callbacks.voiChanged({ lower: 1, upper: 2 });
    expect(ports.voiChanged).toHaveBeenCalledWith({ lower: 1, upper: 2 });
  });

  it('goes back to the acquired slice at the crosshair and destroys the session', async () => {
    const { mpr, ports, sessions } = setUp();
    await mpr.toggle();
    sessions[0].centrePoint = [0, 0, 5.1];
    await mpr.toggle();
    expect(mpr.state).toBe('off');
    expect(sessions[0].destroyed).toBe(true);
    expect(ports.leave).toHaveBeenCalledWith(2);
  });

  it('drops a session that finishes loading after the stack changed', async () => {
    let resolve!: (m: FakeMpr) => void;
    const { mpr, newGeneration } = setUp(() => new Promise((r) => { resolve = r; }));
    const opening = mpr.toggle();
    await settle();
    newGeneration();
    const late = new FakeMpr({ cameraChanged: () => {}, voiChanged: () => {} });
    resolve(late);
    await opening;
    expect(mpr.session).toBeNull();
    expect(late.destroyed).toBe(true);
  });

  it('says why MPR could not be shown, and can be left again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { mpr, ports } = setUp(async () => { throw new Error('no WebGL'); });
    await mpr.toggle();
    expect(mpr.state).toBe('error');
    expect(ports.hint).toHaveBeenCalledWith('MPR could not be shown: no WebGL');
    await mpr.toggle();
    expect(mpr.state).toBe('off');
    expect(ports.leave).toHaveBeenCalledWith(-1);
    warn.mockRestore();
  });

  it('forgets the volume with a new stack', async () => {
    const { mpr, sessions } = setUp();
    await mpr.toggle();
    mpr.newStack();
    expect([mpr.state, mpr.volume, sessions[0].destroyed]).toEqual(['off', null, true]);
  });
});
