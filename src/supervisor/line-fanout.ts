/** A service's output lines going out: to the sink, to the recent-lines ring, and (ANSI removed) to probes listening. */

import type { OutputStream } from '../os/launcher.js';
import type { ServiceOutputSink } from '../os/output-sink.js';
import { plainText } from '../text/ansi.js';
import { RecentLines } from './recent-lines.js';

/** Passes each block of lines of one service to the sink, remembers the last lines, and tells subscribers line by line. */
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

  /** A block of complete lines the service printed (joined by '\n'); split into lines only when someone listens. */
  lines(stream: OutputStream, block: string): void {
    this.recent.pushBlock(block);
    this.sink.lines(this.service, stream, block);
    if (this.listeners.size === 0) return;
    for (const line of plainText(block).split('\n')) {
      for (const listener of this.listeners) listener(line);
    }
  }
}
