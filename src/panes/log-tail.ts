/** Reading a log file incrementally: what was appended since the last read, as complete lines. */
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { LineSplitter } from './line-splitter.js';

const chunkBytes = 64 * 1024;

/** Follows one file: each readNew() emits the lines appended since the previous one. */
export class LogTail {
  private offset = 0;
  private decoder = new StringDecoder('utf8');
  private readonly splitter: LineSplitter;

  constructor(
    readonly file: string,
    onLine: (line: string) => void,
  ) {
    this.splitter = new LineSplitter(onLine);
  }

  /** Reads what was appended since the last call (from the start after truncation); a missing file reads as empty. */
  async readNew(): Promise<void> {
    let handle;
    try {
      handle = await open(this.file, 'r');
    } catch {
      return;
    }
    try {
      const { size } = await handle.stat();
      if (size < this.offset) {
        this.offset = 0;
        this.decoder = new StringDecoder('utf8');
      }
      const buffer = Buffer.alloc(chunkBytes);
      while (this.offset < size) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(chunkBytes, size - this.offset), this.offset);
        if (bytesRead === 0) break;
        this.offset += bytesRead;
        this.splitter.push(this.decoder.write(buffer.subarray(0, bytesRead)));
      }
    } finally {
      await handle.close();
    }
  }

  /** Emits a final line that has no newline yet. */
  flush(): void {
    this.splitter.flush();
  }
}
