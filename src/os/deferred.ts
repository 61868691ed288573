/**
 * Waiting on something that settles elsewhere: a promise with its settle functions at hand (a wait with a deadline is
 * waitAtMost in delay.ts). Here in the base because the supervisor and panes both wait this way.
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
