/** The last lines a service printed, kept for readiness and crash reports. */

/** The last count lines of a block (lines joined by '\n'), as a block; the whole block when it has no more. */
function lastLines(block: string, count: number): string {
  let start = block.length;
  for (let found = 0; found < count; found++) {
    if (start === 0) return block;
    const newline = block.lastIndexOf('\n', start - 1);
    if (newline === -1) return block;
    start = newline;
  }
  return block.slice(start + 1);
}

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

  /** Remembers the lines of a block (lines joined by '\n'); only its last ones are looked at, as only they can stay. */
  pushBlock(block: string): void {
    for (const line of lastLines(block, this.capacity).split('\n')) this.push(line);
  }

  /** The remembered lines, oldest first. */
  list(): string[] {
    return this.lines.length < this.capacity ? [...this.lines] : [...this.lines.slice(this.next), ...this.lines.slice(0, this.next)];
  }
}
