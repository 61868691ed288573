// Fresh temporary folders for install tests, with a helper to write files into them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A new empty folder under the system temp folder. */
export function tempDir(prefix = 'tovrun-install-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes files (relative path → text) under root, creating folders; returns root. */
export function writeFiles(root: string, files: Record<string, string>): string {
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}
