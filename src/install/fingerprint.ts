/** What an install depended on, as plain data: file hashes, tool versions and flags. Equal fingerprints mean nothing to do. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileStatKey, statKey, statOrUndefined } from '../files/file-stat.js';

/** The inputs of one service's install. */
export interface Fingerprint {
  /** File (relative to the workspace root, / separators) → "sha256:<hex>" or "missing". */
  files: Record<string, string>;
  /** Tool → version, e.g. python → 3.11.7. */
  tools: Record<string, string>;
  /** Options that change what gets installed, e.g. legacy-peer-deps. */
  flags: string[];
}

/** "sha256:<hex>" of a file's bytes, or "missing". */
export function hashFile(file: string): string {
  try {
    return `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
  } catch {
    return 'missing';
  }
}

/** A file's path relative to root with / separators: how fingerprints and stamps name files. */
export function fingerprintPath(file: string, root: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** Hashes recorded with a stamp, each valid while its file's stat is exactly the one recorded beside it. */
export interface KnownHashes {
  /** Relative path → fileStatKey when the hash was taken. */
  stats: Readonly<Record<string, string>>;
  /** Relative path → "sha256:<hex>". */
  hashes: Readonly<Record<string, string>>;
}

/** Files last changed this long ago cannot be changed again unnoticed within the file system's time resolution. */
const settledAfterMs = 2_000;

/**
 * The stat keys of those files that changed long enough ago (before now − 2 s) for a same-size rewrite to show in
 * their times: only such stats may stand in for hashing (the "racy" case git guards against too).
 */
export function settledFileStats(files: readonly string[], root: string, now: number = Date.now()): Record<string, string> {
  const stats: Record<string, string> = {};
  for (const file of files) {
    const stat = statOrUndefined(file);
    // A missing file has no stat to record; it is hashed as "missing".
    if (stat && Math.max(stat.mtimeMs, stat.ctimeMs) < now - settledAfterMs) stats[fingerprintPath(file, root)] = statKey(stat);
  }
  return stats;
}

/** The hashes of files, keyed by their path relative to root; a known hash is reused when the file's stat is unchanged. */
export function hashFiles(files: readonly string[], root: string, known?: KnownHashes): Record<string, string> {
  return Object.fromEntries(
    files.map((file) => {
      const relative = fingerprintPath(file, root);
      const recorded = known?.stats[relative];
      const hash = recorded !== undefined && known?.hashes[relative] !== undefined && fileStatKey(file) === recorded ? known.hashes[relative] : hashFile(file);
      return [relative, hash];
    }),
  );
}

/** A canonical text of a fingerprint (sorted keys), so two can be compared as strings. */
export function fingerprintKey(fingerprint: Fingerprint): string {
  // Code-unit order: the first localeCompare would load the ICU collator, costing more than the whole comparison.
  const sorted = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({ files: sorted(fingerprint.files), tools: sorted(fingerprint.tools), flags: [...fingerprint.flags].sort() });
}
