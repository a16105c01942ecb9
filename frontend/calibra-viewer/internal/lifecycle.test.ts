import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeferredTeardown } from './lifecycle.js';

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('deferred tear-down', () => {
  it('tears down after the disconnecting task', () => {
    const tearDown = vi.fn();
    const t = new DeferredTeardown(() => false, tearDown);
    t.schedule();
    expect(tearDown).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(tearDown).toHaveBeenCalledTimes(1);
    expect(t.pending).toBe(false);
  });

  it('keeps everything when connected again first (Vaadin\'s detach and re-attach)', () => {
    const tearDown = vi.fn();
    const t = new DeferredTeardown(() => true, tearDown);
    t.schedule();
    t.cancel();
    vi.runAllTimers();
    expect(tearDown).not.toHaveBeenCalled();
  });

  it('does not tear down an element that is on the page when the timer fires', () => {
    let connected = false;
    const tearDown = vi.fn();
    const t = new DeferredTeardown(() => connected, tearDown);
    t.schedule();
    connected = true;
    vi.runAllTimers();
    expect(tearDown).not.toHaveBeenCalled();
  });

  it('tears down once for several disconnects', () => {
    const tearDown = vi.fn();
    const t = new DeferredTeardown(() => false, tearDown);
    t.schedule();
    t.schedule();
    vi.runAllTimers();
    expect(tearDown).toHaveBeenCalledTimes(1);
  });
});
