/** A file's identity on disk as one string (size, modification and change times, inode): equal while the file is untouched. */
import { type Stats, statSync } from 'node:fs';

/** The stat of file, or undefined when it cannot be read. */
export function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** size, modification and change times, and inode of a stat as one string. */
export function statKey(stat: Stats): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

/** The statKey of file; undefined when it cannot be read. */
export function fileStatKey(file: string): string | undefined {
  const stat = statOrUndefined(file);
  return stat && statKey(stat);
}
