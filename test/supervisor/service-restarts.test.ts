import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServiceRestarts } from '../../src/supervisor/service-restarts.js';

const onFailure = { policy: 'on-failure' as const, maxRetries: 2, backoffMs: 100 };
const crashed = { code: 1, signal: null };

afterEach(() => vi.useRealTimers());

describe('ServiceRestarts', () => {
  it('counts a granted restart at once, gives up at the limit, and adds requested restarts to the total only', () => {
    const restarts = new ServiceRestarts(onFailure);
    expect(restarts.decide(crashed)).toEqual({ restart: true, attempt: 1, delayMs: 100 });
    expect(restarts.decide(crashed)).toEqual({ restart: true, attempt: 2, delayMs: 200 });
    expect(restarts.decide(crashed)).toEqual({ restart: false, gaveUp: true });
    restarts.countRequested();
    expect([restarts.afterCrashes, restarts.total]).toEqual([2, 3]);
    // A revive counts crashes afresh; restarts on request keep adding up.
    restarts.resetCrashes();
    expect([restarts.afterCrashes, restarts.total]).toEqual([0, 1]);
    expect(restarts.decide({ code: 0, signal: null })).toEqual({ restart: false, gaveUp: false });
    expect(restarts.afterCrashes).toBe(0);
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
