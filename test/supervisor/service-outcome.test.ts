import { constants } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ServiceOutcome } from '../../src/supervisor/service-outcome.js';

describe('ServiceOutcome', () => {
  it('resolves done with code 0 unless failed, 1 for a launch that started no process, 128 + n for a signal', async () => {
    const cases: [ConstructorParameters<typeof ServiceOutcome>[0], Parameters<ServiceOutcome['end']>, number][] = [
      ['ok', [{ code: 3, signal: null }, false, 0], 0],
      ['crash', [{ code: 3, signal: null }, true, 2], 3],
      ['missing', [null, true, 0], 1],
      ['killed', [{ code: null, signal: 'SIGKILL' }, true, 0], 128 + constants.signals.SIGKILL],
    ];
    for (const [name, args, code] of cases) {
      const outcome = new ServiceOutcome(name);
      outcome.end(...args);
      expect(await outcome.done).toEqual({ name, exit: args[0], failed: args[1], restarts: args[2], code });
    }
  });

  it('gives a new done and forgets the start failure on reopen; settles the first launch once', async () => {
    const outcome = new ServiceOutcome('api');
    const first = outcome.done;
    outcome.startError = 'folder api does not exist';
    outcome.end(null, true, 0);
    outcome.reopen();
    expect(outcome.done).not.toBe(first);
    expect(outcome.startError).toBeNull();
    let settled = false;
    void outcome.firstLaunch.then(() => (settled = true));
    outcome.launchSettled();
    outcome.launchSettled();
    await outcome.firstLaunch;
    expect(settled).toBe(true);
    expect(await first).toMatchObject({ failed: true, code: 1 });
  });
});
