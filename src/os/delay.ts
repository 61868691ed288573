/** Cancellable waiting: a sleep that ends early on abort, and a waker that ends a wait when something happens. */

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
