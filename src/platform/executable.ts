/** Finds an executable on the search path the way the platform's shell would (PATHEXT on Windows). */
import { lstatSync, statSync } from 'node:fs';
import { envValue } from './env-keys.js';
import type { Platform } from './platform.js';

/** Whether a path is an existing regular file. */
export type IsFile = (file: string) => boolean;

/** The two stat calls isFileOrAlias needs (node:fs's statSync and lstatSync), injectable for tests. */
export interface StatCalls {
  stat(file: string): { isFile(): boolean };
  lstat(file: string): { isFile(): boolean; isSymbolicLink(): boolean };
}

/**
 * Whether file is a regular file, or an App Execution Alias standing for one (`wt.exe`, `winget.exe` in
 * %LOCALAPPDATA%\Microsoft\WindowsApps). Such an alias is a reparse point (IO_REPARSE_TAG_APPEXECLINK) that Windows
 * cannot open as a file: Node's stat throws EACCES (libuv maps ERROR_CANT_ACCESS_FILE so, nodejs/node#36790), while
 * lstat reads the link itself and CreateProcess runs it. So a stat refused with EACCES/EPERM whose lstat finds a file
 * or a link counts as present.
 */
export function isFileOrAlias(file: string, calls: StatCalls = { stat: statSync, lstat: lstatSync }): boolean {
  try {
    return calls.stat(file).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') return false;
    try {
      const link = calls.lstat(file);
      return link.isFile() || link.isSymbolicLink();
    } catch {
      return false;
    }
  }
}

const realIsFile: IsFile = (file) => isFileOrAlias(file);

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
