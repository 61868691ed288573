/**
 * Copies of compose and .env files in sub-folders (tovplay-backend/, tovplay-frontend/, .claude/infra/) left over from
 * before the consolidation into the root files: finding them, and which keys or services differ from the root's.
 */
import path from 'node:path';
import type { CheckFiles } from '../files/read-only-files.js';
import { yamlModule } from '../files/yaml-module.js';
import { parseEnv } from './parse.js';

/** Folders never searched: installed packages, venvs, build output, tovrun's state, version control, test data. */
const skippedFolders = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '.tovrun',
  'venv',
  '.venv',
  '__pycache__',
  'dist',
  'build',
  '.cache',
  '.next',
  'coverage',
  'fixtures',
  '__fixtures__',
  'testdata',
]);
const maxDepth = 4;
const maxEntries = 20_000;

/** Whether a file name looks like a compose file. */
export const isComposeName = (name: string) => /^docker-compose.*\.ya?ml$/i.test(name);
const isEnvName = (name: string) => name === '.env' || name.startsWith('.env.');

/** Sub-folder files named like compose or .env files, depth first, bounded in depth and size. */
export function findStaleCandidates(root: string, files: CheckFiles, ignore: ReadonlySet<string>): string[] {
  const found: string[] = [];
  let seen = 0;
  const walk = (dir: string, depth: number): void => {
    const entries = files.listDir(dir);
    seen += entries.length;
    if (seen > maxEntries) return;
    if (depth > 0 && entries.some((entry) => entry.name === 'pyvenv.cfg')) return;
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory && depth < maxDepth && !skippedFolders.has(entry.name) && !ignore.has(full)) walk(full, depth + 1);
      else if (entry.isFile && depth > 0 && !ignore.has(full) && (isComposeName(entry.name) || isEnvName(entry.name))) found.push(full);
    }
  };
  walk(root, 0);
  return found;
}

/** The keys of a .env-style text with their values (values only ever compared, never shown). */
export function envMap(text: string): Map<string, string> {
  return new Map(parseEnv(text).entries.map((entry) => [entry.key, entry.value ?? '']));
}

/** The services of a compose text, each as its JSON definition (for comparing). */
export function composeServices(text: string): Map<string, string> {
  const value: unknown = yamlModule().parse(text);
  const services = (value as { services?: Record<string, unknown> } | null)?.services ?? {};
  return new Map(Object.entries(services).map(([name, service]) => [name, JSON.stringify(service)]));
}

const list = (names: string[]) => (names.length <= 6 ? names.join(', ') : `${names.slice(0, 6).join(', ')} and ${names.length - 6} more`);

/** The differing keys (never their values) of a copy against its root file, in words. */
export function describeDifferences(copy: Map<string, string>, original: Map<string, string>, noun: string, rootName: string): string {
  const onlyHere = [...copy.keys()].filter((key) => !original.has(key));
  const missing = [...original.keys()].filter((key) => !copy.has(key));
  const changed = [...copy.keys()].filter((key) => original.has(key) && original.get(key) !== copy.get(key));
  const parts = [
    ...(onlyHere.length ? [`${noun} only here: ${list(onlyHere)}`] : []),
    ...(changed.length ? [`different ${noun === 'keys' ? 'values' : 'definitions'}: ${list(changed)}`] : []),
    ...(missing.length ? [`missing here: ${list(missing)}`] : []),
  ];
  return parts.length === 0 ? `same ${noun} as ${rootName}` : `against ${rootName}: ${parts.join('; ')}`;
}
