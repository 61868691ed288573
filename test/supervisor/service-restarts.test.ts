import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServiceRestarts } from '../../src/supervisor/service-restarts.js';

const onFailure = { policy: 'on-failure' as const, maxRetries: 2, backoffMs: 100, crashLimit: 10, crashWindowMs: 60_000 };
const crashed = { code: 1, signal: null };

afterEach(() => vi.useRealTimers());

describe('ServiceRestarts', () => {
  it('counts a granted restart at once, gives up at the limit, and adds requested restarts to the total only', () => {
    const restarts = new ServiceRestarts(onFailure);
    expect(restarts.decide(crashed, 0)).toEqual({ restart: true, attempt: 1, delayMs: 100 });
    expect(restarts.decide(crashed, 0)).toEqual({ restart: true, attempt: 2, delayMs: 200 });
    expect(restarts.decide(crashed, 0)).toEqual({ restart: false, gaveUp: true, crashLoop: false });
    restarts.countRequested();
    expect([restarts.afterCrashes, restarts.total]).toEqual([2, 3]);
    // A revive counts crashes afresh; restarts on request keep adding up.
    restarts.resetCrashes();
    expect([restarts.afterCrashes, restarts.total]).toEqual([0, 1]);
    expect(restarts.decide({ code: 0, signal: null }, 0)).toEqual({ restart: false, gaveUp: false, crashLoop: false });
    expect(restarts.afterCrashes).toBe(0);
  });

  it('counts the failures within the crash window only, and forgets them on a revive', () => {
    const restarts = new ServiceRestarts({ ...onFailure, maxRetries: 100, crashLimit: 3, crashWindowMs: 1_000 });
    expect(restarts.decide(crashed, 0)).toMatchObject({ restart: true, delayMs: 100 });
    expect(restarts.decide(crashed, 500)).toMatchObject({ restart: true, delayMs: 200 });
    // The first failure fell out of the window: two within it, the backoff of the second.
    expect(restarts.decide(crashed, 1_200)).toMatchObject({ restart: true, delayMs: 200 });
    expect(restarts.decide(crashed, 1_300)).toEqual({ restart: false, gaveUp: true, crashLoop: true });
    expect(restarts.recentFailures).toBe(3);
    restarts.resetCrashes();
    expect(restarts.decide(crashed, 1_400)).toMatchObject({ restart: true, delayMs: 100 });
  });

  it('is pending during the backoff, relaunches once it is over, and relaunches nothing once cancelled', () => {
    vi.useFakeTimers();
    const restarts = new ServiceRestarts(onFailure);
    const relaunch = vi.fn();
    restarts.schedule(100, relaunch);
    expect(restarts.pending).toBe(true);
    vi.advanceTimersByTime(99);
    expect(relaunch).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect([relaunch.mock.calls.length, restarts.pending]).toEqual([1, false]);
    restarts.schedule(100, relaunch);
    restarts.cancel();
    expect(restarts.pending).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(relaunch).toHaveBeenCalledTimes(1);
  });
});
