/** Reading a log file incrementally: what was appended since the last read, as complete lines, across rotations. */
import type { Stats } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { LineSplitter } from '../text/line-splitter.js';

const chunkBytes = 64 * 1024;

/** Which file stats describe (device and inode): a rotated log's path names another file than before. */
function fileIdentity(stats: Stats): string {
  return `${stats.dev}:${stats.ino}`;
}

/**
 * Follows one file like `tail -F`: each readNew() emits the lines appended since the previous one. The file stays open
 * between reads, so when it is renamed (rotated) its last lines are still read before the new file at the path is.
 */
export class LogTail {
  private offset = 0;
  private decoder = new StringDecoder('utf8');
  private readonly splitter: LineSplitter;
  private handle: FileHandle | null = null;
  /** The identity of the file offset counts in. */
  private followed: string | null = null;

  constructor(
    readonly file: string,
    onLine: (line: string) => void,
  ) {
    this.splitter = new LineSplitter(onLine);
  }

  /**
   * Reads what was appended since the last call: from the start after truncation, and to its end before moving on to a new
   * file at the path (a rotation); a missing file reads as empty.
   */
  async readNew(): Promise<void> {
    if (!this.handle && !(await this.openPath())) return;
    await this.readToEnd();
    if (!(await this.pathReplaced())) return;
    this.release();
    if (await this.openPath()) await this.readToEnd();
  }

  /** Emits a final line that has no newline yet, and lets go of the file (a later readNew opens it again). */
  flush(): void {
    this.splitter.flush();
    this.release();
  }

  /** Opens the file now at the path; another file than the one followed is read from its start. */
  private async openPath(): Promise<boolean> {
    let handle: FileHandle;
    try {
      handle = await open(this.file, 'r');
    } catch {
      return false;
    }
    const identity = fileIdentity(await handle.stat());
    if (identity !== this.followed) {
      this.restart();
      this.followed = identity;
    }
    this.handle = handle;
    return true;
  }

  private async readToEnd(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    const { size } = await handle.stat();
    if (size < this.offset) this.restart();
    const buffer = Buffer.alloc(chunkBytes);
    while (this.offset < size) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(chunkBytes, size - this.offset), this.offset);
      if (bytesRead === 0) break;
      this.offset += bytesRead;
      this.splitter.push(this.decoder.write(buffer.subarray(0, bytesRead)));
    }
  }

  /** Whether the path now names another file than the one open (it was rotated, or deleted and created anew). */
  private async pathReplaced(): Promise<boolean> {
    try {
      return fileIdentity(await stat(this.file)) !== this.followed;
    } catch {
      return false; // renamed and not created again yet: keep the old one open
    }
  }

  /** Starts reading from the beginning of a file; a line left unfinished in the one before is passed on as it is. */
  private restart(): void {
    this.splitter.flush();
    this.offset = 0;
    this.decoder = new StringDecoder('utf8');
  }

  private release(): void {
    const handle = this.handle;
    this.handle = null;
    void handle?.close().catch(() => undefined);
  }
}
