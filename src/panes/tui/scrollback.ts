/** A service's recent output in the terminal UI: a ring of at most `capacity` lines, addressed by a number that never moves. */

/** Lines kept per service (and in the merged "all" view) by default. */
export const defaultScrollbackLines = 10_000;
/** Characters kept of one line; the rest is cut (the log file keeps it whole), so memory stays bounded. */
export const maxLineChars = 4_096;

/** One kept line: its text as printed (colours included), the service it came from, and whether tovrun said it. */
export interface ScrollLine {
  text: string;
  service: string;
  notice: boolean;
}

/**
 * A ring buffer of lines. Each line gets an absolute index (0 for the first line ever pushed) that stays valid while
 * the line is kept, so a scroll position or a search hit does not shift when older lines are dropped.
 */
export class Scrollback {
  // Parallel arrays rather than an object per line: a service printing fast allocates one string per line, no more.
  private readonly texts: (string | undefined)[];
  private readonly services: (string | undefined)[];
  private readonly notices: Uint8Array;
  private pushed = 0;

  /** Keeps at most capacity lines. */
  constructor(readonly capacity: number = defaultScrollbackLines) {
    this.texts = new Array<string | undefined>(capacity);
    this.services = new Array<string | undefined>(capacity);
    this.notices = new Uint8Array(capacity);
  }

  /** Adds a line (cut to maxLineChars), dropping the oldest when full. */
  push(line: ScrollLine): void {
    this.add(line.text, line.service, line.notice);
  }

  /** Adds a line given by its parts (as push). */
  add(text: string, service: string, notice: boolean): void {
    const slot = this.pushed % this.capacity;
    this.texts[slot] = text.length > maxLineChars ? `${text.slice(0, maxLineChars)}…` : text;
    this.services[slot] = service;
    this.notices[slot] = notice ? 1 : 0;
    this.pushed += 1;
  }

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

  /** The line at an absolute index, or undefined when it was dropped or never pushed. */
  at(index: number): ScrollLine | undefined {
    if (index < this.first || index >= this.pushed) return undefined;
    const slot = index % this.capacity;
    return { text: this.texts[slot] as string, service: this.services[slot] as string, notice: this.notices[slot] === 1 };
  }

  /** The text of the line at an absolute index ('' when it is not kept), without building the line. */
  textAt(index: number): string {
    if (index < this.first || index >= this.pushed) return '';
    return this.texts[index % this.capacity] as string;
  }
}
