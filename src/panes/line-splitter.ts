/** Splits a stream of text into complete lines, holding a partial line until its newline (or flush). */

/** Longest partial line held back; beyond it the text is passed on as a line of its own. */
const maxPartialLength = 1024 * 1024;

/** A carriage return ending a line of a block (before a newline, or at the end of the block). */
const lineEndingCarriageReturn = /\r(?=\n|$)/g;

/**
 * One stream's splitter, a block of lines at a time: push chunks, receive every complete line they hold as one block —
 * one or more lines joined by '\n', with no final newline and each line's trailing '\r' removed.
 */
export class BlockSplitter {
  private partial = '';

  constructor(private readonly emit: (block: string) => void) {}

  /** Emits the complete lines in chunk (with the partial line held before them) as one block and keeps the rest. */
  push(chunk: string): void {
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
}

/** One stream's line splitter: push chunks, receive complete lines (without \n or a trailing \r), one call each. */
export class LineSplitter extends BlockSplitter {
  constructor(emit: (line: string) => void) {
    super((block) => {
      for (const line of block.split('\n')) emit(line);
    });
  }
}
