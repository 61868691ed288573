/**
 * Where service output goes: the sink interface the supervisor and compose write to and panes/ implements. It lives
 * here, beside launcher.ts and under all three, so that neither the supervisor nor compose imports the panes feature.
 */
import type { OutputStream } from './launcher.js';

/** Where the supervisor sends service output: complete lines, a block of them at a time. */
export interface ServiceOutputSink {
  /**
   * A block of complete lines a service printed: one or more lines joined by '\n', with no final newline and each
   * line's ending '\r' removed (as a BlockSplitter emits them).
   */
  lines(service: string, stream: OutputStream, block: string): void;
  /** One complete line (no newline) a service printed. */
  line(service: string, stream: OutputStream, text: string): void;
  /** A line tovrun itself says about a service (started, exited, restarting, ready). */
  notice(service: string, text: string): void;
  /** A promise while the destination is full (the caller should pause its sources); undefined when it takes more now. */
  whenWritable(): Promise<void> | undefined;
  /** Writes what is pending, closes the log files, and resolves when everything is on disk. */
  close(): Promise<void>;
}

/** Rewrites a line (or a block of lines) before it is shown or logged, e.g. to hide secrets; must treat each line alike. */
export type LineMask = (line: string) => string;
