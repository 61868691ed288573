/** The file reads the doctor's checks make, injectable for tests; never a write. */
import { readdirSync } from 'node:fs';
import { type ReadText, readText } from './read-text.js';

/** One entry of a folder. */
export interface FolderEntry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
}

/** Reading files and folders; a missing or unreadable one reads as undefined (see ReadText) / []. */
export interface CheckFiles {
  readText: ReadText;
  listDir(dir: string): FolderEntry[];
}

/** The real file system, read only; never blocks on a FIFO or reads a device. */
export const realCheckFiles: CheckFiles = {
  readText,
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
