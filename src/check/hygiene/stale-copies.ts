/**
 * hygiene/stale-copy: compose and .env files in sub-folders (tovplay-backend/, tovplay-frontend/, .claude/infra/) left
 * over from before the consolidation into the root files; each named with its path and the keys that differ.
 */
import path from 'node:path';
import { yamlModule } from '../../files/yaml-module.js';
import { parseEnv } from '../../env/parse.js';
import type { CheckFiles } from '../files.js';
import { workspacePath, type CheckInput } from '../input.js';
import { finding, type Finding } from '../../report/findings.js';
import { removeFileCommand } from '../shell-hints.js';

/** Folders never searched: installed packages, venvs, build output, tovrun's state, version control, test data. */
const skippedFolders = new Set(['node_modules', '.git', '.hg', '.svn', '.tovrun', 'venv', '.venv', '__pycache__', 'dist', 'build', '.cache', '.next', 'coverage', 'fixtures', '__fixtures__', 'testdata']);
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

function comparison(input: CheckInput, file: string): string {
  const { workspace, effects } = input;
  const compose = isComposeName(path.basename(file));
  const rootFile = compose ? workspace.composeFile : path.basename(file) === '.env' && effects.files.readText(workspace.envFile) !== undefined ? workspace.envFile : workspace.envTemplateFile;
  const copyText = effects.files.readText(file);
  const rootText = effects.files.readText(rootFile);
  const rootName = workspacePath(input, rootFile);
  if (copyText === undefined) return 'unreadable';
  if (rootText === undefined) return `there is no ${rootName} to compare it with`;
  try {
    return compose ? describeDifferences(composeServices(copyText), composeServices(rootText), 'services', rootName) : describeDifferences(envMap(copyText), envMap(rootText), 'keys', rootName);
  } catch {
    return `it could not be compared with ${rootName}`;
  }
}

/** One warning per stale copy, or one ok. */
export function staleCopyFindings(input: CheckInput): Finding[] {
  const { workspace } = input;
  const inUse = new Set([workspace.composeFile, workspace.envFile, workspace.envTemplateFile, ...workspace.services.flatMap((service) => (service.type === 'python' ? [service.venv] : []))]);
  const copies = findStaleCandidates(workspace.root, input.effects.files, inUse);
  if (copies.length === 0) return [finding('hygiene/stale-copies', 'ok', 'no stale docker-compose or .env copies in sub-folders.')];
  return copies.map((file) => {
    const shown = workspacePath(input, file);
    return finding('hygiene/stale-copy', 'warn', `${shown} is not used by tovrun; remove it (${comparison(input, file)}).`, {
      file: shown,
      hint: `Move anything still needed into the root file, then run \`${removeFileCommand(shown, input.platform)}\`.`,
    });
  });
}
