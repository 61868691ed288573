/** Finds a repository's backend and frontend folders (TovPlay names first, then by content) and plain Node services. */
import path from 'node:path';
import { parseJsonObject } from '../files/json-state.js';
import { tovplayFolders } from '../workspace/presets.js';
import type { DetectedLayout, DetectedNodeService, InitReader } from './types.js';

const skippedFolders = new Set(['node_modules', '.git', '.tovrun', 'venv', '.venv', '__pycache__', 'dist', 'build', 'infra']);

/** The parsed package.json of a folder, or undefined. */
function readManifest(files: InitReader, dir: string): { scripts?: Record<string, string>; main?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> } | undefined {
  const text = files.readText(path.join(dir, 'package.json'));
  return text === undefined ? undefined : ((parseJsonObject(text) as ReturnType<typeof readManifest> | null) ?? undefined);
}

/** Whether a folder's package.json uses Vite (a dependency, or a script calling vite). */
export function usesVite(files: InitReader, dir: string): boolean {
  const manifest = readManifest(files, dir);
  if (!manifest) return false;
  const deps = { ...manifest.dependencies, ...manifest.devDependencies };
  return 'vite' in deps || Object.values(manifest.scripts ?? {}).some((script) => /\bvite\b/.test(script));
}

const isBackend = (files: InitReader, dir: string) => files.exists(path.join(dir, 'requirements.txt'));

/** The root's direct sub-folders, sorted, without installs and tool folders. */
function subFolders(files: InitReader, root: string): string[] {
  return files
    .listDir(root)
    .filter((entry) => entry.isDirectory && !skippedFolders.has(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

/** The first named folder that exists with the right content, else the first sub-folder with it. */
function pick(files: InitReader, root: string, names: readonly string[], matches: (dir: string) => boolean): string | null {
  const named = names.find((name) => files.exists(path.join(root, name)) && matches(path.join(root, name)));
  return named ?? subFolders(files, root).find((name) => matches(path.join(root, name))) ?? null;
}

/** How to start a plain Node service: `npm start` when it has a start script, else node on its main file. */
function nodeCommand(manifest: NonNullable<ReturnType<typeof readManifest>>): string {
  if (manifest.scripts?.start) return 'npm start';
  return `node ${manifest.main ?? 'index.js'}`;
}

/** Node services (package.json without Vite) at the root or in a sub-folder, excluding the backend and frontend. */
function detectNodeServices(files: InitReader, root: string, taken: (string | null)[]): DetectedNodeService[] {
  const found: DetectedNodeService[] = [];
  for (const dir of ['.', ...subFolders(files, root)]) {
    if (taken.includes(dir)) continue;
    const full = path.join(root, dir);
    const manifest = readManifest(files, full);
    if (!manifest || usesVite(files, full)) continue;
    found.push({ name: dir === '.' ? path.basename(root) || 'app' : dir, dir, command: nodeCommand(manifest) });
  }
  return found;
}

/** The layout of the repository at root. */
export function detectLayout(root: string, files: InitReader): DetectedLayout {
  const backend = pick(files, root, tovplayFolders.backend, (dir) => isBackend(files, dir));
  const frontend = pick(files, root, tovplayFolders.frontend, (dir) => usesVite(files, dir));
  const nodeServices = backend || frontend ? [] : detectNodeServices(files, root, [backend, frontend]);
  return { backend, frontend, nodeServices };
}
