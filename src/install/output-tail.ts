/** The last lines of a tool's output, cleaned for a readable failure report. */
import { plainText } from '../text/ansi.js';

/** How many lines of a failing tool's output are shown. */
export const tailLineCount = 20;

/** The last `count` non-empty lines of output, colours and trailing spaces removed. */
export function outputTail(output: string, count: number = tailLineCount): string[] {
  const lines = plainText(output)
    .split(/\r?\n|\r/)
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
  return lines.slice(-count);
}
