/** Collects items arriving in bursts and hands them over once the burst is quiet (editors save in several steps). */

/** Gathers items (paths) and calls flush with all of them once quietMs passed without a new one. */
export class DebouncedBatch<T> {
  private readonly items = new Set<T>();
  private timer: NodeJS.Timeout | null = null;

  /** Flushes after quietMs of quiet; each add restarts the wait. */
  constructor(
    private readonly quietMs: number,
    private readonly flush: (items: T[]) => void,
  ) {}

  /** Adds an item; the batch goes out quietMs after the last add. */
  add(item: T): void {
    this.items.add(item);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.quietMs);
  }

  /** Drops what was gathered and the pending flush. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.items.clear();
  }

  private fire(): void {
    this.timer = null;
    const items = [...this.items];
    this.items.clear();
    if (items.length > 0) this.flush(items);
  }
}
