import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from '../../../src/panes/tui/throttle.js';

describe('redraw throttle', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('draws at once after a quiet spell, then at most once per interval however many requests come', () => {
    let draws = 0;
    const throttle = new Throttle(
      () => (draws += 1),
      50,
      () => Date.now(),
    );
    throttle.request();
    expect(draws).toBe(1);
    for (let index = 0; index < 1_000; index += 1) throttle.request();
    expect(draws).toBe(1);
    vi.advanceTimersByTime(49);
    expect(draws).toBe(1);
    vi.advanceTimersByTime(1);
    expect(draws).toBe(2);
    vi.advanceTimersByTime(500);
    expect(draws).toBe(2);
  });

  it('draws nothing after stop', () => {
    let draws = 0;
    const throttle = new Throttle(
      () => (draws += 1),
      50,
      () => Date.now(),
    );
    throttle.request();
    throttle.request();
    throttle.stop();
    vi.advanceTimersByTime(100);
    throttle.request();
    expect(draws).toBe(1);
  });
});
