/** What an install depended on, as plain data: file hashes, tool versions and flags. Equal fingerprints mean nothing to do. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The inputs of one service's install. */
export interface Fingerprint {
  /** File (relative to the workspace root, / separators) → "sha256:<hex>" or "missing". */
  files: Record<string, string>;
  /** Tool → version, e.g. python → 3.11.7. */
  tools: Record<string, string>;
  /** Options that change what gets installed, e.g. legacy-peer-deps. */
  flags: string[];
}

/** A file's text, or undefined when it cannot be read. */
export function readTextOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** "sha256:<hex>" of a file's bytes, or "missing". */
export function hashFile(file: string): string {
  try {
    return `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
  } catch {
    return 'missing';
  }
}

/** The hashes of files, keyed by their path relative to root. */
export function hashFiles(files: readonly string[], root: string): Record<string, string> {
  return Object.fromEntries(files.map((file) => [path.relative(root, file).split(path.sep).join('/'), hashFile(file)]));
}

/** A canonical text of a fingerprint (sorted keys), so two can be compared as strings. */
export function fingerprintKey(fingerprint: Fingerprint): string {
  const sorted = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify({ files: sorted(fingerprint.files), tools: sorted(fingerprint.tools), flags: [...fingerprint.flags].sort() });
}
