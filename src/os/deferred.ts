/**
 * Waiting on something that settles elsewhere: a promise with its settle functions at hand, and a wait with a deadline.
 * Here in the base, beside delay.ts, because the supervisor and panes both wait this way.
 */

/** A promise and the functions that settle it, the shape Promise.withResolvers returns (Node 22+; tovrun runs on 20). */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

/** A new unsettled promise with its resolve and reject at hand; settling it again does nothing. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

/** Resolves when work settles or after ms, whichever comes first (never rejects). */
export async function waitAtMost(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([work.then(() => undefined, () => undefined), deadline]);
  clearTimeout(timer);
}
