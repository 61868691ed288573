/** node's and npm's versions known without running them (sparing `node --version` and a ~150 ms `npm --version` on every warm run). */
import { realpathSync } from 'node:fs';
import { parseJsonObject } from '../files/json-state.js';
import { type ReadText, readText } from '../files/read-text.js';
import { findExecutable, type IsFile } from '../platform/executable.js';
import { npmCommand } from '../platform/npm-command.js';
import type { Platform } from '../platform/platform.js';

/** The file system reads installedNpmVersion needs; injectable for tests. */
export interface NpmInstallFiles {
  isFile?: IsFile;
  realpath(file: string): string;
  readText: ReadText;
}

const realFiles: NpmInstallFiles = { realpath: (file) => realpathSync(file), readText };

/** The version in an npm package.json text, or undefined when the text is not npm's own package.json. */
function npmManifestVersion(text: string | undefined): string | undefined {
  const manifest = text === undefined ? null : parseJsonObject(text);
  return manifest?.name === 'npm' && typeof manifest.version === 'string' ? manifest.version : undefined;
}

/**
 * The version of the npm that PATH starts, from its package.json: beside npm.cmd on Windows (node_modules/npm/),
 * or above the npm-cli.js the `npm` symlink resolves to elsewhere. Undefined when it cannot tell (version managers'
 * shims); callers then ask `npm --version`.
 */
export function installedNpmVersion(env: NodeJS.ProcessEnv, platform: Platform, files: NpmInstallFiles = realFiles): string | undefined {
  const found = findExecutable(npmCommand(platform), env, platform, files.isFile);
  if (found === undefined) return undefined;
  let dir: string;
  try {
    dir = platform.path.dirname(files.realpath(found));
  } catch {
    return undefined;
  }
  const candidates = [platform.path.join(dir, 'node_modules', 'npm', 'package.json')];
  for (let up = dir, level = 0; level < 3; level++, up = platform.path.dirname(up)) candidates.push(platform.path.join(up, 'package.json'));
  for (const candidate of candidates) {
    const version = npmManifestVersion(files.readText(candidate));
    if (version !== undefined) return version;
  }
  return undefined;
}

/** The running Node.js: its binary and version. */
export interface RunningNode {
  execPath: string;
  version: string;
}

/**
 * The version of the `node` PATH starts when it is the very binary running tovrun (process.version); undefined when
 * PATH has another node or none (callers then ask `node --version`).
 */
export function pathNodeVersionIfRunning(
  env: NodeJS.ProcessEnv,
  platform: Platform,
  files: NpmInstallFiles = realFiles,
  running: RunningNode = process,
): string | undefined {
  const found = findExecutable('node', env, platform, files.isFile);
  if (found === undefined) return undefined;
  try {
    return files.realpath(found) === files.realpath(running.execPath) ? running.version : undefined;
  } catch {
    return undefined;
  }
}
