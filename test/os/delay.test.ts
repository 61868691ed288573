import { describe, expect, it } from 'vitest';
import { deferred } from '../../src/os/deferred.js';
import { type DeadlineSleep, orTimeout, sleep, timedOut, waitAtMost, withDeadline } from '../../src/os/delay.js';

/** An injected sleep that records each wait and ends it only when the test says so (or on abort). */
function manualSleep(): { wait: DeadlineSleep; signals: AbortSignal[]; elapse(): void } {
  const signals: AbortSignal[] = [];
  const ends: (() => void)[] = [];
  return {
    signals,
    wait: (_ms, signal) => {
      signals.push(signal);
      return new Promise((resolve) => {
        ends.push(resolve);
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    },
    elapse: () => ends.splice(0).forEach((end) => end()),
  };
}

describe('sleep', () => {
  it('waits ms, or ends at once on abort', async () => {
    const before = Date.now();
    await sleep(30);
    expect(Date.now() - before).toBeGreaterThanOrEqual(25);
    const controller = new AbortController();
    const started = Date.now();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('withDeadline', () => {
  it('settles as the work does when it comes first, and ends the deadline wait', async () => {
    const clock = manualSleep();
    await expect(withDeadline(Promise.resolve(7), 1_000, clock.wait)).resolves.toBe(7);
    await expect(withDeadline(Promise.reject(new Error('broken')), 1_000, clock.wait)).rejects.toThrow('broken');
    expect(clock.signals.map((signal) => signal.aborted)).toEqual([true, true]);
  });

  it('resolves with timedOut when the deadline comes first, whatever the work does later', async () => {
    const clock = manualSleep();
    const work = deferred<number>();
    const result = withDeadline(work.promise, 1_000, clock.wait);
    clock.elapse();
    await expect(result).resolves.toBe(timedOut);
    work.reject(new Error('too late'));
    await expect(work.promise).rejects.toThrow('too late');
  });

  it('keeps Node alive while it waits, so a hung work is reported as timed out rather than the process ending mid-wait', async () => {
    // process.getActiveResourcesInfo() lists what keeps the event loop alive (an unref'd timer is not listed).
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const work = deferred<void>();
    const waiting = withDeadline(work.promise, 60_000);
    expect(timers()).toBe(before + 1);
    work.resolve();
    await waiting;
    expect(timers()).toBe(before);
  });

  it('waits on the real clock by default', async () => {
    const before = Date.now();
    await expect(withDeadline(new Promise(() => undefined), 40)).resolves.toBe(timedOut);
    expect(Date.now() - before).toBeGreaterThanOrEqual(35);
  });
});

describe('orTimeout', () => {
  it('gives the work its value or error, and rejects with late() only when the deadline comes first', async () => {
    const clock = manualSleep();
    const late = () => new Error('no answer within 1 s');
    await expect(orTimeout(Promise.resolve('pong'), 1_000, late, clock.wait)).resolves.toBe('pong');
    await expect(orTimeout(Promise.reject(new Error('refused')), 1_000, late, clock.wait)).rejects.toThrow('refused');
    const hanging = orTimeout(new Promise(() => undefined), 1_000, late, clock.wait);
    clock.elapse();
    await expect(hanging).rejects.toThrow('no answer within 1 s');
  });
});

describe('waitAtMost', () => {
  it('ends with the work, or at the deadline, and never rejects', async () => {
    const started = Date.now();
    await waitAtMost(Promise.resolve(), 5_000);
    await waitAtMost(Promise.reject(new Error('ignored')), 5_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    const pending = deferred<void>();
    const before = Date.now();
    await waitAtMost(pending.promise, 50);
    expect(Date.now() - before).toBeGreaterThanOrEqual(40);
  });

  it('waits on an injected clock when given one', async () => {
    const clock = manualSleep();
    let over = false;
    const waiting = waitAtMost(new Promise(() => undefined), 2_000, clock.wait).then(() => (over = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(over).toBe(false);
    clock.elapse();
    await waiting;
    expect(over).toBe(true);
  });
});
