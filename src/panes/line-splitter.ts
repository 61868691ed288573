/** Splits a stream of text into lines, holding a partial line until its newline (or flush). */

/** Longest partial line held back; beyond it the text is passed on as a line of its own. */
const maxPartialLength = 1024 * 1024;

/** One stream's line splitter: push chunks, receive complete lines (without \n or a trailing \r). */
export class LineSplitter {
  private partial = '';

  constructor(private readonly emit: (line: string) => void) {}

  /** Emits every complete line in chunk and keeps the rest. */
  push(chunk: string): void {
    let start = 0;
    let newline = chunk.indexOf('\n');
    if (newline !== -1 && this.partial !== '') {
      this.emitLine(this.partial + chunk.slice(0, newline));
      this.partial = '';
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    while (newline !== -1) {
      this.emitLine(chunk.slice(start, newline));
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) this.partial += chunk.slice(start);
    if (this.partial.length > maxPartialLength) this.flush();
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
