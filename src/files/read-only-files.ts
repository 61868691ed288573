/** The file reads the doctor's checks make, injectable for tests; never a write. */
import { readdirSync } from 'node:fs';
import { mebibyte, readTextFileIfPresent, type ReadTextOptions } from './read-text.js';

/** One entry of a folder. */
export interface FolderEntry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
}

/** Reading files and folders; a missing or unreadable one reads as undefined / []. */
export interface CheckFiles {
  /**
   * The file's text, undefined when it is missing. Without limits anything else that cannot be read as text (a folder,
   * a FIFO, a device, a file over 64 MiB) reads as undefined too; with limits it is a ConfigError naming limits.label.
   */
  readText(file: string, limits?: ReadTextOptions): string | undefined;
  listDir(dir: string): FolderEntry[];
}

/** The most the doctor reads of a file it was given no limits for (lock files and manifests can be large). */
const anyFileMaxBytes = 64 * mebibyte;

/** The real file system, read only; never blocks on a FIFO or reads a device. */
export const realCheckFiles: CheckFiles = {
  readText(file, limits) {
    if (limits) return readTextFileIfPresent(file, limits);
    try {
      return readTextFileIfPresent(file, { label: file, maxBytes: anyFileMaxBytes });
    } catch {
      return undefined;
    }
  },
  listDir(dir) {
    try {
      return readdirSync(dir, { withFileTypes: true }).map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory(), isFile: entry.isFile() }));
    } catch {
      return [];
    }
  },
};

/** The 1-based line of a character offset in text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}
