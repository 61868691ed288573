/** The last lines a service printed, kept for readiness and crash reports. */

/** A fixed-size ring of the most recent lines. */
export class RecentLines {
  private readonly lines: string[] = [];
  private next = 0;

  constructor(private readonly capacity = 20) {}

  /** Remembers a line, forgetting the oldest when full. */
  push(line: string): void {
    if (this.lines.length < this.capacity) this.lines.push(line);
    else this.lines[this.next] = line;
    this.next = (this.next + 1) % this.capacity;
  }

  /** The remembered lines, oldest first. */
  list(): string[] {
    return this.lines.length < this.capacity ? [...this.lines] : [...this.lines.slice(this.next), ...this.lines.slice(0, this.next)];
  }
}
