/** A service's recent output in the terminal UI: a ring of at most `capacity` lines, addressed by a number that never moves. */
import { cutLongLine, LineRing } from '../../text/line-ring.js';

/** Lines kept per service (and in the merged "all" view) by default. */
export const defaultScrollbackLines = 10_000;

/** One kept line: its text as printed (colours included), the service it came from, and whether tovrun said it. */
export interface ScrollLine {
  text: string;
  service: string;
  notice: boolean;
}

/** A ring buffer of lines (text/line-ring.ts gives the absolute indexes that a scroll position or search hit keeps). */
export class Scrollback extends LineRing {
  // Parallel arrays rather than an object per line: a service printing fast allocates one string per line, no more.
  private readonly texts: (string | undefined)[];
  private readonly services: (string | undefined)[];
  private readonly notices: Uint8Array;

  /** Keeps at most capacity lines. */
  constructor(capacity: number = defaultScrollbackLines) {
    super(capacity);
    this.texts = new Array<string | undefined>(capacity);
    this.services = new Array<string | undefined>(capacity);
    this.notices = new Uint8Array(capacity);
  }

  /** Adds a line (cut to maxKeptLineChars), dropping the oldest when full. */
  push(line: ScrollLine): void {
    this.add(line.text, line.service, line.notice);
  }

  /** Adds a line given by its parts (as push). */
  add(text: string, service: string, notice: boolean): void {
    const slot = this.claimSlot();
    this.texts[slot] = cutLongLine(text);
    this.services[slot] = service;
    this.notices[slot] = notice ? 1 : 0;
  }

  /** The line at an absolute index, or undefined when it was dropped or never pushed. */
  at(index: number): ScrollLine | undefined {
    const slot = this.slotOf(index);
    if (slot < 0) return undefined;
    return { text: this.texts[slot] as string, service: this.services[slot] as string, notice: this.notices[slot] === 1 };
  }

  /** The text of the line at an absolute index ('' when it is not kept), without building the line. */
  textAt(index: number): string {
    const slot = this.slotOf(index);
    return slot < 0 ? '' : (this.texts[slot] as string);
  }
}
