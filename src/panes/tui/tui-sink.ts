/** The terminal UI's output sink: each block masked once, logged as in every mode, and added to the UI's model. */

import type { OutputStream } from '../../os/launcher.js';
import type { LineMask, ServiceOutputSink } from '../../os/output-sink.js';
import { maskBlock } from '../../text/masked-block.js';
import { whenAll } from '../backpressure.js';
import { LogFiles } from '../log-files.js';
import type { LogLimits } from '../service-log.js';
import type { TuiModel } from './tui-model.js';

/** Options of a TuiSink. */
export interface TuiSinkOptions {
  model: TuiModel;
  /** Whether lines keep their colours on screen (useColor of tovrun's terminal). */
  color: boolean;
  /** The workspace's .tovrun folder for the log files (as the prefix sink's); null: no log files. */
  stateDir: string | null;
  services: readonly string[];
  logLimits?: LogLimits;
  mask?: LineMask;
  /** Called after lines were added, at most once per burst (the view throttles its redraws itself). */
  changed(): void;
}

/** Writes every line to the log files and into the model; the screen is the view's business. */
export class TuiSink implements ServiceOutputSink {
  private readonly logs: LogFiles | null;
  private scheduled = false;

  constructor(private readonly options: TuiSinkOptions) {
    this.logs = options.stateDir === null ? null : new LogFiles(options.stateDir, options.services, options.logLimits);
  }

  /** A block of lines a service printed: masked, logged plain, shown coloured when allowed. */
  lines(service: string, _stream: OutputStream, block: string): void {
    const { plain, shown } = maskBlock(block, this.options.mask, this.options.color);
    this.logs?.append(service, `${plain}\n`);
    this.options.model.add(service, shown);
    this.schedule();
  }

  /** One line a service printed. */
  line(service: string, stream: OutputStream, text: string): void {
    this.lines(service, stream, text);
  }

  /** A line tovrun says about a service, marked [tovrun]. */
  notice(service: string, text: string): void {
    const message = `[tovrun] ${this.masked(text)}`;
    this.logs?.append(service, `${message}\n`);
    this.options.model.add(service, message, true);
    this.schedule();
  }

  /** Lines tovrun says about the whole run (install progress, the ready summary): shown in the "all" view. */
  announce(text: string): void {
    const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
    if (trimmed !== '') this.options.model.announce(this.masked(trimmed));
    this.schedule();
  }

  /** Starts the service's log file for this run now (so a follower can open it before the first line). */
  openLog(service: string): void {
    this.logs?.open(service);
  }

  /** A promise while a log file has too much waiting to be written; the screen never holds services back. */
  whenWritable(): Promise<void> | undefined {
    return this.logs ? whenAll([this.logs.whenWritable()]) : undefined;
  }

  /** Writes the queued log text and tells the view. */
  flush(): void {
    this.scheduled = false;
    this.logs?.flush();
    this.options.changed();
  }

  /** Writes what is pending and closes the log files. */
  async close(): Promise<void> {
    this.flush();
    await this.logs?.close();
  }

  private masked(text: string): string {
    return this.options.mask ? this.options.mask(text) : text;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.scheduled && this.flush());
  }
}
