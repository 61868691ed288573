/** A service's output lines going out: to the sink, to the recent-lines ring, and (ANSI removed) to probes listening. */
import { plainText, type OutputStream, type ServiceOutputSink } from '../panes/index.js';
import { RecentLines } from './recent-lines.js';

/** Passes each line of one service to the sink, remembers the last ones, and tells subscribers. */
export class LineFanout {
  readonly recent = new RecentLines();
  private readonly listeners = new Set<(line: string) => void>();

  constructor(
    private readonly service: string,
    private readonly sink: ServiceOutputSink,
  ) {}

  /** Listens to every line (ANSI removed) until the returned function is called. */
  subscribe(listener: (line: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One line the service printed. */
  line(stream: OutputStream, line: string): void {
    this.recent.push(line);
    this.sink.line(this.service, stream, line);
    if (this.listeners.size === 0) return;
    const plain = plainText(line);
    for (const listener of this.listeners) listener(plain);
  }
}
