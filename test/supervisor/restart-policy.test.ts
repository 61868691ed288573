import { constants } from 'node:os';
import { describe, expect, it } from 'vitest';
import { decideRestart, exitCodeFor, failuresWithin, isFailure, maxBackoffMs, restartDelayMs } from '../../src/supervisor/restart-policy.js';

const onFailure = { policy: 'on-failure' as const, maxRetries: 3, backoffMs: 1_000, crashLimit: 10, crashWindowMs: 60_000 };
const crashed = { code: 1, signal: null };

describe('restart policy', () => {
  it('restarts failures only, with doubling backoff, until the retry limit', () => {
    expect(decideRestart(onFailure, crashed, 0)).toEqual({ restart: true, attempt: 1, delayMs: 1_000 });
    expect(decideRestart(onFailure, crashed, 2)).toEqual({ restart: true, attempt: 3, delayMs: 4_000 });
    expect(decideRestart(onFailure, crashed, 3)).toEqual({ restart: false, gaveUp: true, crashLoop: false });
    expect(decideRestart(onFailure, { code: 0, signal: null }, 0)).toEqual({ restart: false, gaveUp: false, crashLoop: false });
    expect(decideRestart({ ...onFailure, policy: 'no' }, crashed, 0)).toEqual({ restart: false, gaveUp: false, crashLoop: false });
  });

  it('gives up on a crash loop: crashLimit failures within the window, whatever maxRetries allows', () => {
    const loop = { ...onFailure, maxRetries: 100, crashLimit: 3 };
    expect(decideRestart(loop, crashed, 1, 2)).toEqual({ restart: true, attempt: 2, delayMs: 2_000 });
    expect(decideRestart(loop, crashed, 2, 3)).toEqual({ restart: false, gaveUp: true, crashLoop: true });
    // Failures outside the window do not count: a service that ran a while starts its backoff afresh.
    expect(decideRestart(loop, crashed, 40, 1)).toEqual({ restart: true, attempt: 41, delayMs: 1_000 });
    expect(failuresWithin([0, 5_000, 59_000, 61_000], 60_000, 62_000)).toEqual([5_000, 59_000, 61_000]);
  });

  it('caps the backoff', () => {
    expect(restartDelayMs(onFailure, 20)).toBe(maxBackoffMs);
  });

  it('treats a non-zero code or a signal as failure and maps signals to 128 + n', () => {
    expect(isFailure({ code: 0, signal: null })).toBe(false);
    expect(isFailure({ code: null, signal: 'SIGSEGV' })).toBe(true);
    expect(exitCodeFor({ code: null, signal: 'SIGTERM' }, constants.signals)).toBe(143);
    expect(exitCodeFor({ code: 2, signal: null }, constants.signals)).toBe(2);
  });
});
