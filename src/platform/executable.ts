/** Finds an executable on the search path the way the platform's shell would (PATHEXT on Windows). */
import { statSync } from 'node:fs';
import type { Platform } from './platform.js';
import { envValue } from './env-keys.js';

/** Whether a path is an existing regular file. */
export type IsFile = (file: string) => boolean;

const realIsFile: IsFile = (file) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

const defaultPathExt = '.COM;.EXE;.BAT;.CMD';

/** The file names `name` may have on disk: itself elsewhere, itself with each PATHEXT extension on Windows. */
export function executableNames(name: string, env: NodeJS.ProcessEnv, platform: Platform): string[] {
  if (!platform.isWindows) return [name];
  const extensions = (envValue(env, 'PATHEXT', platform) ?? defaultPathExt).split(';').filter(Boolean);
  const hasExtension = extensions.some((ext) => name.toLowerCase().endsWith(ext.toLowerCase()));
  return hasExtension ? [name] : extensions.map((ext) => `${name}${ext.toLowerCase()}`);
}

/** The absolute path of the first `name` on PATH (or name itself when it is a path to a file), or undefined. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv, platform: Platform, isFile: IsFile = realIsFile): string | undefined {
  const names = executableNames(name, env, platform);
  if (name.includes('/') || (platform.isWindows && name.includes('\\'))) return names.find(isFile);
  const dirs = (envValue(env, 'PATH', platform) ?? '').split(platform.path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const candidate of names) {
      const file = platform.path.join(dir, candidate);
      if (isFile(file)) return file;
    }
  }
  return undefined;
}
