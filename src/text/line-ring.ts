/** The bookkeeping of a ring of kept lines: absolute line indexes that never move, and the cut of an overlong line. */

/** Characters kept of one line in memory; the rest is cut (the log file keeps it whole), so memory stays bounded. */
export const maxKeptLineChars = 4_096;

/** The line as kept: cut to maxKeptLineChars, with "…" where it was cut. */
export function cutLongLine(text: string): string {
  return text.length > maxKeptLineChars ? `${text.slice(0, maxKeptLineChars)}…` : text;
}

/**
 * The positions of a ring of at most `capacity` lines. Each line gets an absolute index (0 for the first line ever
 * pushed) that stays valid while the line is kept, so a scroll position, a search hit or a query's place does not
 * shift when older lines are dropped. Subclasses keep the lines themselves, in whatever arrays suit them.
 */
export class LineRing {
  private pushed = 0;

  /** Keeps at most capacity lines. */
  constructor(readonly capacity: number) {}

  /** The absolute index of the oldest kept line. */
  get first(): number {
    return Math.max(0, this.pushed - this.capacity);
  }

  /** One past the absolute index of the newest line (the number of lines ever pushed). */
  get end(): number {
    return this.pushed;
  }

  /** How many lines are kept. */
  get size(): number {
    return this.pushed - this.first;
  }

  /** The slot the next line goes to (the oldest line's, once full); counts the line as pushed. */
  protected claimSlot(): number {
    const slot = this.pushed % this.capacity;
    this.pushed += 1;
    return slot;
  }

  /** The slot holding the line at an absolute index, or -1 when it was dropped or never pushed. */
  protected slotOf(index: number): number {
    return index < this.first || index >= this.pushed ? -1 : index % this.capacity;
  }
}
