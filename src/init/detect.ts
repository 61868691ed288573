/** Finds a repository's backend and frontend folders (TovPlay names first, then by content) and plain Node services. */
import path from 'node:path';
import { parseJsonObject } from '../files/json-state.js';
import { tovplayFolders } from '../workspace/presets.js';
import { entryFile, type NodeManifest, serverHints } from './node-server.js';
import type { DetectedLayout, DetectedNodeService, DevScriptSuggestion, InitReader } from './types.js';

const skippedFolders = new Set(['node_modules', '.git', '.tovrun', 'venv', '.venv', '__pycache__', 'dist', 'build', 'infra']);

/** The parsed package.json of a folder, or undefined. */
function readManifest(files: InitReader, dir: string): NodeManifest | undefined {
  const text = files.readText(path.join(dir, 'package.json'));
  return text === undefined ? undefined : ((parseJsonObject(text) as NodeManifest | null) ?? undefined);
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

/**
 * How to start a package as a service: `npm start` when it has a start script, node on its entry file when that file
 * exists; undefined when it has neither (a library or a build-only package is not a service).
 */
function nodeCommand(files: InitReader, dir: string, manifest: NodeManifest): string | undefined {
  if (manifest.scripts?.start) return 'npm start';
  const entry = entryFile(manifest);
  return files.exists(path.join(dir, entry)) ? `node ${entry}` : undefined;
}

/** Node services (package.json without Vite) at the root or in a sub-folder, and `dev` scripts of packages that are not services. */
function detectNodeServices(files: InitReader, root: string): Pick<DetectedLayout, 'nodeServices' | 'devScripts'> {
  const nodeServices: DetectedNodeService[] = [];
  const devScripts: DevScriptSuggestion[] = [];
  for (const dir of ['.', ...subFolders(files, root)]) {
    const full = path.join(root, dir);
    const manifest = readManifest(files, full);
    if (!manifest || usesVite(files, full)) continue;
    const name = dir === '.' ? path.basename(root) || 'app' : dir;
    const command = nodeCommand(files, full, manifest);
    if (command) nodeServices.push({ name, dir, command, ...serverHints(files, full, manifest) });
    else if (manifest.scripts?.dev) devScripts.push({ name, dir, script: manifest.scripts.dev });
  }
  return { nodeServices, devScripts };
}

/** The layout of the repository at root. */
export function detectLayout(root: string, files: InitReader): DetectedLayout {
  const backend = pick(files, root, tovplayFolders.backend, (dir) => isBackend(files, dir));
  const frontend = pick(files, root, tovplayFolders.frontend, (dir) => usesVite(files, dir));
  const { nodeServices, devScripts } = backend || frontend ? { nodeServices: [], devScripts: [] } : detectNodeServices(files, root);
  return { backend, frontend, nodeServices, devScripts };
}
