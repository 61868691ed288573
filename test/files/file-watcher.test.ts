// The one file watcher (chokidar) on a real folder: batches, an editor's rename-over save, skipped folders, and the
// '/'-separated relative paths globs are matched against on every platform.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FolderWatch, inSkippedFolder, relativeGlobPath, watchFolder } from '../../src/files/file-watcher.js';
import { eventually } from '../supervisor/support.js';

const watches: FolderWatch[] = [];
afterEach(async () => {
  for (const watch of watches.splice(0)) await watch.close();
});

async function watching(dir: string, options: { accept?: (file: string) => boolean; depth?: number } = {}) {
  const batches: string[][] = [];
  const watch = watchFolder({
    dir,
    accept: options.accept ?? (() => true),
    skipFolders: ['node_modules', '.git'],
    skipPaths: [path.join(dir, 'my-venv')],
    ...(options.depth === undefined ? {} : { depth: options.depth }),
    quietMs: 150,
    onChange: (files) => batches.push(files),
  });
  watches.push(watch);
  await watch.ready;
  return batches;
}

describe('watchFolder', () => {
  it('reports an edit and an editor-style save (write a temporary file, rename it over) as one batch each', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-watch-'));
    writeFileSync(path.join(dir, '.env'), 'A=1\n');
    const batches = await watching(dir, { accept: (file) => file === '.env', depth: 0 });
    writeFileSync(path.join(dir, '.env'), 'A=2\n');
    await eventually(() => batches.length === 1, 5_000);
    writeFileSync(path.join(dir, '.env.swp'), 'A=3\n');
    renameSync(path.join(dir, '.env.swp'), path.join(dir, '.env'));
    await eventually(() => batches.length === 2, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(batches).toEqual([['.env'], ['.env']]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows nested files but never node_modules, .git or a skipped venv', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-watch-'));
    for (const folder of ['src/lib', 'node_modules/pkg', '.git', 'my-venv/lib']) mkdirSync(path.join(dir, folder), { recursive: true });
    const batches = await watching(dir);
    for (const file of ['node_modules/pkg/index.js', '.git/HEAD', 'my-venv/lib/site.py']) writeFileSync(path.join(dir, file), 'x');
    writeFileSync(path.join(dir, 'src/lib/worker.js'), 'x');
    await eventually(() => batches.length > 0, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(batches.flat()).toEqual(['src/lib/worker.js']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('relativeGlobPath (Windows)', () => {
  // chokidar reports native paths, and Node's path.win32 joins and relativizes with '\' (https://nodejs.org/api/path.html#pathsep,
  // https://nodejs.org/api/path.html#pathwin32); globs in tovrun.yaml use '/', so the path is converted before matching.
  it("turns a Windows path under the service's folder into a '/'-separated relative path", () => {
    expect(relativeGlobPath('C:\\work\\worker', 'C:\\work\\worker\\src\\jobs\\run.js', path.win32)).toBe('src/jobs/run.js');
    expect(relativeGlobPath('C:\\work\\worker', 'c:\\work\\worker\\config.json', path.win32)).toBe('config.json');
    expect(inSkippedFolder(relativeGlobPath('C:\\w', 'C:\\w\\node_modules\\x\\i.js', path.win32), ['node_modules'])).toBe(true);
  });
});
