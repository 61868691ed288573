/** One service's log file during a run: started empty (the previous run's log kept), rotated at a size cap, with backpressure. */
import { createWriteStream, openSync, renameSync, statSync, type WriteStream } from 'node:fs';
import { untilDrained } from './backpressure.js';

/** How big one log file may grow, and how much text may wait to be written before the file reports it is full. */
export interface LogLimits {
  /** Past this many bytes the file becomes the previous log and a fresh one continues (like Docker's max-size). */
  maxBytes: number;
  /** Bytes waiting to be written beyond which the file asks its sources to pause. */
  highWaterMark: number;
}

/** 64 MiB per file (so at most twice that per service, with the previous log), 1 MiB waiting in memory. */
export const defaultLogLimits: LogLimits = { maxBytes: 64 * 1024 * 1024, highWaterMark: 1024 * 1024 };

/** An append stream on file, opened at once (so the file exists on return); write errors are ignored, as logging is best effort. */
function openForAppend(file: string, highWaterMark: number): WriteStream {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'a');
  } catch {
    fd = undefined; // the stream's own open fails the same way, and the stream then drops what it is given
  }
  const stream = fd === undefined ? createWriteStream(file, { flags: 'a', highWaterMark }) : createWriteStream(file, { fd, highWaterMark });
  stream.on('error', () => undefined);
  return stream;
}

/** Ends stream; settles once it closed (everything given to it written, or given up on after an error). */
function finish(stream: WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('close', () => resolve());
    stream.end();
  });
}

/** Moves a log holding anything to previous, replacing an older one; a missing or empty log is left as it is. */
function keepNonEmptyAsPrevious(file: string, previous: string): void {
  try {
    if (statSync(file).size > 0) renameSync(file, previous);
  } catch {
    // no log yet; or it cannot be moved (then this run appends to it)
  }
}

/** A service's log file for one run: text is queued with append() and written by flush(). */
export class ServiceLog {
  private stream: WriteStream;
  /** Size of the current file at which it is rotated (raised when a rotation failed, so it is not retried on every write). */
  private rotateAt: number;
  private pending = '';
  private retiring: Promise<unknown> = Promise.resolve();
  private waiting: Promise<void> | undefined;

  /** Keeps the previous run's log as previous and starts file empty, at once (the file exists on return). */
  constructor(
    private readonly file: string,
    private readonly previous: string,
    private readonly limits: LogLimits,
  ) {
    keepNonEmptyAsPrevious(file, previous);
    this.stream = openForAppend(file, limits.highWaterMark);
    this.rotateAt = limits.maxBytes;
  }

  /** Queues text (complete lines, each ending in '\n'). */
  append(text: string): void {
    this.pending += text;
  }

  /** Writes the queued text; once the file passed the size cap, it becomes the previous log and a fresh file continues. */
  flush(): void {
    if (this.pending === '') return;
    const stream = this.stream;
    stream.write(this.pending);
    this.pending = '';
    if (stream.bytesWritten + stream.writableLength >= this.rotateAt) this.rotate();
  }

  /** A promise while more than the high-water mark waits to be written; undefined when the file takes more now. */
  whenWritable(): Promise<void> | undefined {
    if (!this.stream.writableNeedDrain) return undefined;
    if (!this.waiting) {
      const waiting = untilDrained(this.stream).then(() => {
        if (this.waiting === waiting) this.waiting = undefined;
      });
      this.waiting = waiting;
    }
    return this.waiting;
  }

  /** Writes what is queued and closes the file; settles when everything is written. */
  async close(): Promise<void> {
    this.flush();
    await Promise.all([finish(this.stream), this.retiring]);
  }

  private rotate(): void {
    try {
      renameSync(this.file, this.previous);
    } catch (error) {
      // Deleted meanwhile: nothing to keep, start afresh. Otherwise keep writing and try again after another maxBytes.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.rotateAt += this.limits.maxBytes;
        return;
      }
    }
    // The old stream has the file open: it goes on writing what it holds to the renamed file, then closes.
    this.retiring = Promise.all([this.retiring, finish(this.stream)]);
    this.stream = openForAppend(this.file, this.limits.highWaterMark);
    this.rotateAt = this.limits.maxBytes;
  }
}
