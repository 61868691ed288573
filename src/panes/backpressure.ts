/** Waiting for full destinations (the terminal, log files) to take more: promises the sources pause on. */
import type { Writable } from 'node:stream';

/** Settles once stream drained, or closed or failed (it will then never drain, and must not hold its sources forever). */
export function untilDrained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const settle = (): void => {
      stream.off('drain', settle);
      stream.off('close', settle);
      stream.off('error', settle);
      resolve();
    };
    stream.on('drain', settle);
    stream.on('close', settle);
    stream.on('error', settle);
  });
}

/** One promise settling when every given one did; undefined when none is given (nothing is full). */
export function whenAll(waits: readonly (Promise<void> | undefined)[]): Promise<void> | undefined {
  const pending = waits.filter((wait): wait is Promise<void> => wait !== undefined);
  if (pending.length <= 1) return pending[0];
  return Promise.all(pending).then(() => undefined);
}
