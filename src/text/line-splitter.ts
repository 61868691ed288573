/** The one line splitter of tovrun: services, installs and container logs turn streamed text into lines with it. */

/** Longest partial line held back; beyond it the text is passed on as a line of its own (output without newlines stays bounded). */
const maxPartialLength = 1024 * 1024;

/** A carriage return ending a line of a block (before a newline, or at the end of the block). */
const lineEndingCarriageReturn = /\r(?=\n|$)/g;

/** A line ending where a lone carriage return also ends a line: CRLF or a lone CR. */
const carriageReturnEnding = /\r\n?/g;

/** How a splitter reads line endings. */
export interface SplitterOptions {
  /**
   * A lone '\r' ends a line too (a tool's progress line redrawn in place becomes one line per redraw). Default false:
   * only '\n' ends a line and a lone '\r' stays inside it, as a terminal would show it.
   */
  carriageReturnEndsLine?: boolean;
}

/**
 * One stream's splitter, a block of lines at a time: push chunks, receive every complete line they hold as one block —
 * one or more lines joined by '\n', with no final newline and each line's trailing '\r' removed.
 */
export class BlockSplitter {
  private partial = '';
  private readonly carriageReturnEndsLine: boolean;
  /** The last chunk ended in '\r' (carriageReturnEndsLine only): a '\n' starting the next one completes that CRLF. */
  private afterCarriageReturn = false;

  constructor(
    private readonly emit: (block: string) => void,
    options: SplitterOptions = {},
  ) {
    this.carriageReturnEndsLine = options.carriageReturnEndsLine === true;
  }

  /** Emits the complete lines in chunk (with the partial line held before them) as one block and keeps the rest. */
  push(chunk: string): void {
    if (this.carriageReturnEndsLine) {
      this.pushEndingAtCarriageReturns(chunk);
      return;
    }
    const lastNewline = chunk.lastIndexOf('\n');
    if (lastNewline === -1) {
      this.partial += chunk;
    } else {
      const block = this.partial + chunk.slice(0, lastNewline);
      this.partial = chunk.slice(lastNewline + 1);
      this.emitBlock(block);
    }
    if (this.partial.length > maxPartialLength) this.flush();
  }

  /** Emits the held partial line, if any. */
  flush(): void {
    if (this.partial === '') return;
    const line = this.partial;
    this.partial = '';
    this.emitBlock(line);
  }

  private emitBlock(block: string): void {
    this.emit(block.includes('\r') ? block.replace(lineEndingCarriageReturn, '') : block);
  }

  /** push() when a lone '\r' ends a line: the partial line then never holds a '\r'. */
  private pushEndingAtCarriageReturns(text: string): void {
    if (text === '') return;
    const chunk = this.afterCarriageReturn && text.startsWith('\n') ? text.slice(1) : text;
    this.afterCarriageReturn = chunk.endsWith('\r');
    const lastEnd = Math.max(chunk.lastIndexOf('\n'), chunk.lastIndexOf('\r'));
    if (lastEnd === -1) {
      this.partial += chunk;
    } else {
      const crlf = chunk[lastEnd] === '\n' && chunk[lastEnd - 1] === '\r';
      const block = this.partial + chunk.slice(0, crlf ? lastEnd - 1 : lastEnd);
      this.partial = chunk.slice(lastEnd + 1);
      this.emit(block.includes('\r') ? block.replace(carriageReturnEnding, '\n') : block);
    }
    if (this.partial.length > maxPartialLength) this.flush();
  }
}

/** One stream's line splitter: push chunks, receive complete lines (without \n or a trailing \r), one call each. */
export class LineSplitter extends BlockSplitter {
  constructor(emit: (line: string) => void, options: SplitterOptions = {}) {
    super((block) => {
      for (const line of block.split('\n')) emit(line);
    }, options);
  }
}
