/** The "prefix" output mode: every line labelled with its service's padded (optionally coloured) name. */

import type { OutputStream } from '../os/launcher.js';
import type { LineMask, ServiceOutputSink } from '../os/output-sink.js';
import { dim, paint, serviceColorCode } from '../text/colors.js';
import { maskBlock } from '../text/masked-block.js';
import { whenAll } from './backpressure.js';
import { LogFiles } from './log-files.js';
import type { LogLimits } from './service-log.js';

/** Where labelled lines go: the terminal, a pipe, or a test buffer; drain is used for backpressure when offered. */
export interface SinkDestination {
  write(text: string): boolean | undefined;
  once?(event: 'drain', listener: () => void): unknown;
}

/** Options of the prefix sink. */
export interface PrefixSinkOptions {
  destination: SinkDestination;
  /** Service names known up front, in order: they fix the colours and the label width (and their log files start at once). */
  services: string[];
  /** Whether labels may carry colour (decide with useColor(output, env) from src/context.ts). */
  color: boolean;
  /**
   * The workspace's .tovrun folder; each service's lines are also written to logs/<service>.log, which starts empty for
   * this run (the previous run's kept as logs/<service>.previous.log). Null: no log files.
   */
  stateDir: string | null;
  /** Size cap and memory bound of each log file (defaultLogLimits unless set). */
  logLimits?: LogLimits;
  /** Applied to every line before it is printed or logged (the env module's secret masker). */
  mask?: LineMask;
  /** False: service lines are only logged, not printed (they show in the services' own panes); notices are printed. Default true. */
  showLines?: boolean;
}

/** A service's label: what starts its first line, and what a newline inside a block becomes. */
interface Label {
  start: string;
  newline: string;
}

/** Writes labelled lines in batches (one write per burst), never mixing two lines, holding nothing back. */
export class PrefixSink implements ServiceOutputSink {
  private readonly labels = new Map<string, Label>();
  private readonly names: string[];
  private readonly logs: LogFiles | null;
  private width: number;
  private pending = '';
  private flushScheduled = false;
  private drained: Promise<void> | undefined;

  constructor(private readonly options: PrefixSinkOptions) {
    this.names = [...options.services];
    this.width = Math.max(0, ...this.names.map((name) => name.length));
    this.logs = options.stateDir === null ? null : new LogFiles(options.stateDir, options.services, options.logLimits);
  }

  /**
   * Queues a block of lines, masked and each labelled (colours removed when tovrun shows none); written at the end of
   * the burst. Colour codes may split a secret, so text holding codes is also masked without them.
   */
  lines(service: string, _stream: OutputStream, block: string): void {
    const { plain, shown } = maskBlock(block, this.options.mask, this.options.color);
    this.logs?.append(service, `${plain}\n`);
    if (this.options.showLines !== false) {
      const label = this.label(service);
      this.pending += `${label.start}${shown.replaceAll('\n', label.newline)}\n`;
    }
    this.schedule();
  }

  /** Queues one labelled, masked line (a block of one line). */
  line(service: string, stream: OutputStream, text: string): void {
    this.lines(service, stream, text);
  }

  /** Queues a line from tovrun about a service, marked [tovrun] (dim when coloured). */
  notice(service: string, text: string): void {
    const message = `[tovrun] ${this.masked(text)}`;
    this.pending += `${this.label(service).start}${this.options.color ? dim(message) : message}\n`;
    this.logs?.append(service, `${message}\n`);
    this.schedule();
  }

  /** Starts the service's log file for this run now, if it was not yet (so a follower can open it before the first line). */
  openLog(service: string): void {
    this.logs?.open(service);
  }

  /** A promise while the destination reported it is full, or a log file has too much waiting to be written; undefined otherwise. */
  whenWritable(): Promise<void> | undefined {
    return this.logs ? whenAll([this.drained, this.logs.whenWritable()]) : this.drained;
  }

  /** Writes what is pending and closes the log files. */
  async close(): Promise<void> {
    this.flush();
    await this.logs?.close();
  }

  /** Writes every queued line now. */
  flush(): void {
    this.flushScheduled = false;
    this.logs?.flush();
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    const accepted = this.options.destination.write(text);
    const destination = this.options.destination;
    if (accepted === false && destination.once && !this.drained) {
      this.drained = new Promise((resolve) => {
        destination.once?.('drain', () => {
          this.drained = undefined;
          resolve();
        });
      });
    }
  }

  private masked(text: string): string {
    return this.options.mask ? this.options.mask(text) : text;
  }

  private schedule(): void {
    if (this.pending.length >= 65_536) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flushScheduled && this.flush());
    }
  }

  private label(service: string): Label {
    const cached = this.labels.get(service);
    if (cached !== undefined) return cached;
    if (!this.names.includes(service)) this.names.push(service);
    if (service.length > this.width) {
      this.width = service.length;
      this.labels.clear();
    }
    const text = `${service.padEnd(this.width)} |`;
    const start = `${this.options.color ? paint(text, serviceColorCode(this.names.indexOf(service))) : text} `;
    const label = { start, newline: `\n${start}` };
    this.labels.set(service, label);
    return label;
  }
}

/** A prefix sink (see PrefixSinkOptions). */
export function createPrefixSink(options: PrefixSinkOptions): PrefixSink {
  return new PrefixSink(options);
}
