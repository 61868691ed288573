// Shared pieces of the output relay tests: the old per-line splitter as the reference, and arbitraries of service output.
import fc from 'fast-check';

/** The line splitter as it was before blocks: one call per complete line, trailing '\r' removed, partial held until flush. */
export class ReferenceLineSplitter {
  private partial = '';

  constructor(private readonly emit: (line: string) => void) {}

  /** Emits every complete line in chunk and keeps the rest. */
  push(chunk: string): void {
    const pieces = (this.partial + chunk).split('\n');
    this.partial = pieces.pop() ?? '';
    for (const line of pieces) this.emitLine(line);
  }

  /** Emits the held partial line, if any. */
  flush(): void {
    if (this.partial === '') return;
    const line = this.partial;
    this.partial = '';
    this.emitLine(line);
  }

  private emitLine(line: string): void {
    this.emit(line.endsWith('\r') ? line.slice(0, -1) : line);
  }
}

/** Secrets a test masks: long enough to be masked, made of characters no other fragment strings together by chance. */
export const secrets = ['s3cr3t-one', 'hunter2hunter2', 'tok_ABCDEF'];

/** Pieces service output is made of: words, line breaks, carriage returns, ANSI codes, URLs with passwords, secrets. */
const fragments = fc.oneof(
  fc.constantFrom('GET /api', ' ', 'x', '€', '😀', ':', '@', '/', '://', '='),
  fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '\r\r\n', '\n\n'),
  fc.constantFrom('\u001b[31m', '\u001b[0m', '\u001b[1;32m', '\u009b2m', '\u001b]0;title\u0007', '\u001b'),
  fc.constantFrom('https://user:pa55word@db:5432/app', 'redis://:other@cache', 'mailto:me@example.com', 'http://a/b@c'),
  fc.constantFrom(...secrets),
  // A secret with colour codes inside it, as a logger might print it.
  fc.constantFrom(...secrets).map((secret) => `${secret.slice(0, 3)}\u001b[1m${secret.slice(3)}\u001b[22m`),
);

/** Output text of a service: any sequence of fragments. */
export const outputText = fc.array(fragments, { maxLength: 60 }).map((parts) => parts.join(''));

/** Cuts text into chunks at the given fractions of its length (what a pipe may deliver). */
export function chunked(text: string, cuts: readonly number[]): string[] {
  const positions = [...new Set(cuts.map((cut) => Math.floor(cut * text.length)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const position of [...positions, text.length]) {
    chunks.push(text.slice(start, position));
    start = position;
  }
  return chunks.filter((chunk) => chunk !== '');
}

/** Where to cut an output text: fractions of its length. */
export const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });
