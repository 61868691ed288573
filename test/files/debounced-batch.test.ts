import { afterEach, describe, expect, it, vi } from 'vitest';
import { DebouncedBatch } from '../../src/files/debounced-batch.js';

afterEach(() => vi.useRealTimers());

describe('DebouncedBatch', () => {
  it("hands over one batch per burst, after the quiet time since the burst's last item", () => {
    vi.useFakeTimers();
    const flushed: string[][] = [];
    const batch = new DebouncedBatch<string>(100, (items) => flushed.push(items));
    // An editor's save: write a temporary file, rename it over .env, touch it again.
    batch.add('.env');
    vi.advanceTimersByTime(60);
    batch.add('.env');
    vi.advanceTimersByTime(60);
    batch.add('requirements.txt');
    vi.advanceTimersByTime(99);
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(flushed).toEqual([['.env', 'requirements.txt']]);
    batch.add('.env');
    vi.advanceTimersByTime(100);
    expect(flushed).toEqual([['.env', 'requirements.txt'], ['.env']]);
  });

  it('drops a pending batch on cancel', () => {
    vi.useFakeTimers();
    const flush = vi.fn();
    const batch = new DebouncedBatch<string>(100, flush);
    batch.add('a');
    batch.cancel();
    vi.advanceTimersByTime(1_000);
    expect(flush).not.toHaveBeenCalled();
  });
});
