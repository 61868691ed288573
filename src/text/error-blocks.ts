/** Finding the last error in a service's output (for the terminal UI's `e` and `tovrun logs --errors`): a Python traceback, a Vite or esbuild error block, or a failure tovrun reported. */
import { plainText } from './ansi.js';

/** Lines addressed by an absolute index from first to end (exclusive): the terminal UI's scrollback, the control server's log book, a log file's lines. */
export interface LineSource {
  readonly first: number;
  readonly end: number;
  /** The line at index: its text and whether tovrun said it (a notice); undefined when it is not kept. */
  at(index: number): { text: string; notice: boolean } | undefined;
}

/** An error's lines, by absolute index: [start, end] inclusive. */
export interface ErrorBlock {
  start: number;
  end: number;
}

const tracebackStart = /^\s*Traceback \(most recent call last\):/;
/** Lines inside a traceback: indented frames and code, and the chaining sentences between two tracebacks. */
const tracebackBody = /^(\s+\S|\s*$|During handling of the above exception|The above exception was the direct cause|\s*\^+\s*$)/;
/** esbuild's "✘ [ERROR] …", Vite's "[vite] Internal server error: …", "error during build:", "[plugin:…] …". */
const bundlerStart =
  /^\s*(✘ \[ERROR\]|X \[ERROR\]|\[vite\] (Internal server error|Pre-transform error|error)|error during build:|\[plugin:[^\]]+\]|(\d\d?:\d\d:\d\d( [AP]M)? )?\[vite\] .*\berror\b)/i;
/** What tovrun says about a failed service (see describeEvent in the supervisor). */
const failureNotice =
  /(exited with code [1-9]\d*|exited with code unknown|was killed by SIG|could not start|gave up after|is not ready|not started:|did not stop within|failed)/;

/** Whether a line of tovrun's (a notice) reports a failure. */
export function isFailureNotice(text: string): boolean {
  return failureNotice.test(text);
}

/** The block starting at a traceback's first line: its frames, then the exception line that ends it. */
function tracebackEnd(lines: LineSource, start: number): number {
  let index = start + 1;
  while (index < lines.end) {
    const text = plainText(lines.at(index)?.text ?? '');
    if (tracebackStart.test(text) || tracebackBody.test(text)) index += 1;
    else return index;
  }
  return lines.end - 1;
}

/** The block starting at a bundler error's first line: it and the indented or blank lines after it (a trailing blank left out). */
function bundlerEnd(lines: LineSource, start: number): number {
  let end = start;
  for (let index = start + 1; index < lines.end; index += 1) {
    const text = plainText(lines.at(index)?.text ?? '');
    if (!/^(\s+\S|\s*$)/.test(text)) break;
    if (text.trim() !== '') end = index;
  }
  return end;
}

/**
 * The newest error block among the kept lines of one service: a Python traceback (its frames and the exception line),
 * a Vite/esbuild error with its indented detail, or a notice of tovrun's reporting a failure. Null when there is none.
 */
export function lastErrorBlock(lines: LineSource): ErrorBlock | null {
  for (let index = lines.end - 1; index >= lines.first; index -= 1) {
    const line = lines.at(index);
    if (!line) continue;
    if (line.notice) {
      if (isFailureNotice(line.text)) return { start: index, end: index };
      continue;
    }
    const text = plainText(line.text);
    if (tracebackStart.test(text)) return { start: index, end: tracebackEnd(lines, index) };
    if (bundlerStart.test(text)) return { start: index, end: bundlerEnd(lines, index) };
  }
  return null;
}
