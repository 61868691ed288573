/** The running tovrun's recent output of each service, with the time of each line, for `tovrun logs --json` and `--errors`. */
import { cutLongLine, LineRing } from '../../text/line-ring.js';
import { type LogAnswer, type LogQuery, type LogStream, queryLines, type ServiceSource, unknownService } from './log-query.js';

/** One kept line: when it arrived (ms since the epoch), where from, and its text (masked, without colour codes). */
export interface LogEntry {
  time: number;
  stream: LogStream;
  text: string;
}

/** Lines kept per service by default: older ones are still in .tovrun/logs/<service>.log. */
export const defaultBookLines = 2_000;

/** One service's ring of lines, addressed by an absolute index that never moves (as the terminal UI's scrollback). */
export class ServiceLines extends LineRing implements ServiceSource {
  private readonly entries: (LogEntry | undefined)[];

  /** Keeps at most capacity lines of service. */
  constructor(
    readonly service: string,
    capacity: number,
  ) {
    super(capacity);
    this.entries = new Array<LogEntry | undefined>(capacity);
  }

  /** Adds a line (cut to maxKeptLineChars), dropping the oldest when full. */
  push(entry: LogEntry): void {
    this.entries[this.claimSlot()] = { ...entry, text: cutLongLine(entry.text) };
  }

  /** The entry at an absolute index, or undefined when it is not kept. */
  entry(index: number): LogEntry | undefined {
    const slot = this.slotOf(index);
    return slot < 0 ? undefined : this.entries[slot];
  }

  /** The line at index as the error-block finder reads it (a notice is tovrun's). */
  at(index: number): { text: string; notice: boolean } | undefined {
    const entry = this.entry(index);
    return entry && { text: entry.text, notice: entry.stream === 'tovrun' };
  }
}

/** Every service's kept lines, in the order services first printed (or were named up front). */
export class LogBook {
  private readonly books = new Map<string, ServiceLines>();

  /** Keeps capacity lines per service; services named up front are listed even before they print. */
  constructor(
    services: readonly string[] = [],
    private readonly capacity = defaultBookLines,
    private readonly now: () => number = Date.now,
  ) {
    for (const service of services) this.of(service);
  }

  /** Adds a block of lines (joined by '\n'), already masked and without colour codes, as they went to the log file. */
  add(service: string, stream: LogStream, block: string): void {
    const lines = this.of(service);
    const time = this.now();
    for (const text of block.split('\n')) lines.push({ time, stream, text });
  }

  /** Every service's ring, in order. */
  sources(): ServiceLines[] {
    return [...this.books.values()];
  }

  /** The service's ring (an empty one when it never printed). */
  of(service: string): ServiceLines {
    let lines = this.books.get(service);
    if (!lines) {
      lines = new ServiceLines(service, this.capacity);
      this.books.set(service, lines);
    }
    return lines;
  }

  /** The kept lines matching query (see queryLines); a UsageError for a service neither kept here nor among others (the run's services). */
  query(query: LogQuery, others: readonly string[]): LogAnswer {
    const known = [...new Set([...others, ...this.books.keys()])];
    if (query.service !== null && !known.includes(query.service)) throw unknownService(query.service, known);
    return queryLines(this.sources(), query, 'live');
  }
}
