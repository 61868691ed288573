/** Waiting on answers that arrive on a connection: a promise settled from outside, and a wait with a deadline. */

/** A promise with its resolve function at hand. */
export class Deferred<T> {
  readonly promise: Promise<T>;
  resolve!: (value: T) => void;

  constructor() {
    this.promise = new Promise((resolve) => (this.resolve = resolve));
  }
}

/** Resolves when work settles or after ms, whichever comes first (never rejects). */
export async function waitAtMost(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([work.then(() => undefined, () => undefined), deadline]);
  clearTimeout(timer);
}
