// Init test helpers: fixture repositories copied to scratch folders, and a hash of a whole tree.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { realCheckFiles } from '../../src/files/read-only-files.js';
import type { InitReader } from '../../src/init/types.js';

export const fixtures = path.resolve(import.meta.dirname, '../fixtures/init');

/** A scratch copy of test/fixtures/init/<name>. */
export function copyFixture(name: string): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), `tovrun-init-${name}-`)), 'repo');
  cpSync(path.join(fixtures, name), dir, { recursive: true });
  return dir;
}

/** Every file's relative path and content hash, sorted: equal strings mean an unchanged tree. */
export function hashTree(root: string): string {
  const lines: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else
        lines.push(
          `${child} ${createHash('sha256')
            .update(readFileSync(path.join(root, child)))
            .digest('hex')}`,
        );
    }
  };
  walk('');
  return lines.sort().join('\n');
}

/** The real, read-only file system as init's reader. */
export const realReader: InitReader = { ...realCheckFiles, exists: existsSync };
