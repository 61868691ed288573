/** Adapts tovrun's Output (a terminal, a pipe or a test buffer) to the Node stream listr2 writes to. */
import { Writable } from 'node:stream';
import type { Output } from '../context.js';

/** A writable that forwards to output and reports its TTY-ness and width the way a terminal stream does. */
export function outputStream(output: Output): NodeJS.WriteStream {
  const writable = new Writable({
    decodeStrings: false,
    write(chunk: Buffer | string, _encoding, done) {
      output.write(chunk.toString());
      done();
    },
  });
  Object.defineProperty(writable, 'isTTY', { get: () => output.isTTY });
  Object.defineProperty(writable, 'columns', { get: () => output.columns ?? 80 });
  // listr2 and log-update only write text and read isTTY/columns, which this writable provides.
  return writable as unknown as NodeJS.WriteStream;
}
