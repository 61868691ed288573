/**
 * The one way tovrun turns a program name and arguments into what it spawns, for services and installs alike.
 * Elsewhere than Windows the name goes to spawn as is. On Windows the program is first found the way cmd.exe finds
 * it (the working folder, then PATH, each name tried with the PATHEXT extensions): a program found nowhere is "not
 * found" before anything starts, instead of cmd.exe's "is not recognized" exit 1; a .exe/.com is spawned directly;
 * a .cmd/.bat runs as `cmd.exe /d /s /c "…"` with its arguments quoted for cmd.exe (cmd-quote.ts), since Node
 * refuses to spawn batch files without a shell (EINVAL, Node's child_process docs, CVE-2024-27980) and libuv's own
 * path search tries only .com and .exe (so `npm` alone is ENOENT).
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { envValue } from '../platform/env-keys.js';
import { findExecutable, type IsFile } from '../platform/executable.js';
import type { Platform } from '../platform/platform.js';
import { cmdLine } from './cmd-quote.js';

/** What to hand to spawn: the file, its arguments, and whether they are already quoted (cmd.exe's line). */
export interface SpawnCommand {
  file: string;
  args: string[];
  windowsVerbatimArguments: boolean;
}

/** Where and how the program is looked for. */
export interface SpawnContext {
  /** The child's working folder: relative program paths and, on Windows, bare names are looked for there first. */
  cwd?: string;
  /** The child's environment (its PATH and PATHEXT are the ones searched). */
  env: NodeJS.ProcessEnv;
  platform: Platform;
  /** Whether a path is a file; defaults to asking the file system. */
  isFile?: IsFile;
}

/** The Windows program file that `program` names, found like cmd.exe finds it, or undefined when there is none. */
export function resolveWindowsProgram(program: string, context: SpawnContext): string | undefined {
  const { env, platform, isFile } = context;
  const cwd = context.cwd ?? '';
  if (/[\\/]/.test(program)) return findExecutable(cwd === '' ? program : platform.path.resolve(cwd, program), env, platform, isFile);
  // cmd.exe and libuv both look in the current folder before PATH.
  return (cwd === '' ? undefined : findExecutable(platform.path.join(cwd, program), env, platform, isFile)) ?? findExecutable(program, env, platform, isFile);
}

/** What to spawn for program and args, or undefined when the program cannot be found (Windows only; elsewhere spawn reports ENOENT). */
export function spawnCommand(program: string, args: readonly string[], context: SpawnContext): SpawnCommand | undefined {
  if (!context.platform.isWindows) return { file: program, args: [...args], windowsVerbatimArguments: false };
  if (program.trim() === '') return undefined;
  const file = resolveWindowsProgram(program, context);
  if (file === undefined) return undefined;
  if (!/\.(cmd|bat)$/i.test(file)) return { file, args: [...args], windowsVerbatimArguments: false };
  const shell = envValue(context.env, 'ComSpec', context.platform) ?? 'cmd.exe';
  return { file: shell, args: ['/d', '/s', '/c', cmdLine(file, args)], windowsVerbatimArguments: true };
}

/** The error spawn gives for a program that is not there (code ENOENT), so callers report both cases one way. */
export function notFoundError(program: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`spawn ${program} ENOENT`), { code: 'ENOENT', syscall: `spawn ${program}`, path: program });
}

/** A spawn function (child_process.spawn or the Host's). */
export type SpawnFunction = (file: string, args: string[], options: SpawnOptions) => ChildProcess;

/**
 * Spawns program with args through spawnCommand; throws notFoundError (code ENOENT) at once when Windows has no such
 * program. options.env (or process.env) and options.cwd are where the program is looked for.
 */
export function spawnProgram(
  spawn: SpawnFunction,
  program: string,
  args: readonly string[],
  options: SpawnOptions,
  platform: Platform,
  isFile?: IsFile,
): ChildProcess {
  const cwd = typeof options.cwd === 'string' ? options.cwd : undefined;
  const command = spawnCommand(program, args, {
    env: options.env ?? process.env,
    platform,
    ...(cwd === undefined ? {} : { cwd }),
    ...(isFile ? { isFile } : {}),
  });
  if (command === undefined) throw notFoundError(program);
  return spawn(command.file, command.args, { ...options, windowsVerbatimArguments: command.windowsVerbatimArguments });
}
