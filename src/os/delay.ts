/**
 * Cancellable waiting: a sleep that ends early on abort, a wait for a promise with a deadline (as a marker, an error or
 * a plain wait that never rejects), and a waker that ends a wait when something happens.
 */

/** Resolves after ms, or at once when signal aborts (never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** How a deadline waits: the real sleep, or an injected clock's (tests pass one that returns at once). */
export type DeadlineSleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** What withDeadline resolves with when the deadline came first. */
export const timedOut: unique symbol = Symbol('timed out');

/** Settles as work does, or resolves with timedOut once ms passed first; the deadline's timer ends either way. */
export async function withDeadline<T>(work: Promise<T>, ms: number, wait: DeadlineSleep = sleep): Promise<T | typeof timedOut> {
  const patience = new AbortController();
  try {
    const deadline = wait(ms, patience.signal).then((): typeof timedOut => timedOut);
    return await Promise.race([work, deadline]);
  } finally {
    patience.abort();
  }
}

/** Settles as work does, or rejects with late() once ms passed first. */
export async function orTimeout<T>(work: Promise<T>, ms: number, late: () => Error, wait: DeadlineSleep = sleep): Promise<T> {
  const result = await withDeadline(work, ms, wait);
  if (result === timedOut) throw late();
  return result;
}

/** Resolves when work settles or after ms, whichever comes first (never rejects). */
export async function waitAtMost(work: Promise<unknown>, ms: number, wait: DeadlineSleep = sleep): Promise<void> {
  await withDeadline(
    work.then(
      () => undefined,
      () => undefined,
    ),
    ms,
    wait,
  );
}

/** A wait that wake() ends early; used by polling loops that also react to events. */
export class Waker {
  private wakeUp: (() => void) | undefined;

  /** Resolves after ms, on wake(), or on abort. */
  wait(ms: number, signal?: AbortSignal): Promise<void> {
    const controller = new AbortController();
    this.wakeUp = () => controller.abort();
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    return sleep(ms, signal?.aborted ? AbortSignal.abort() : controller.signal).finally(() => {
      signal?.removeEventListener('abort', onAbort);
      this.wakeUp = undefined;
    });
  }

  /** Ends the current wait, if any. */
  wake(): void {
    this.wakeUp?.();
  }
}
