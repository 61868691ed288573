/** A promise settled from outside, for answers that arrive on a connection. */

/** A promise with its resolve function at hand. */
export class Deferred<T> {
  readonly promise: Promise<T>;
  resolve!: (value: T) => void;

  constructor() {
    this.promise = new Promise((resolve) => (this.resolve = resolve));
  }
}
