/** The effects the supervisor uses (spawning, signals, commands, /proc, the clock), injectable for tests. */
import { execFile, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdir, readFile, readlink } from 'node:fs/promises';

/** What a helper command printed; code is null when it could not be run at all. */
export interface ExecResult {
  code: number | null;
  stdout: string;
}

/** Everything the supervisor asks of the operating system. */
export interface Host {
  readonly platform: NodeJS.Platform;
  /** tovrun's own pid. */
  readonly pid: number;
  spawn(file: string, args: string[], options: SpawnOptions): ChildProcess;
  /** Sends a signal to a pid (a negative pid: a process group); false when there is no such process. */
  signal(pid: number, signal: NodeJS.Signals | 0): boolean;
  /** Runs a helper command (taskkill, netstat, ss, ps) and captures its output; never throws. */
  exec(file: string, args: string[]): Promise<ExecResult>;
  /** A file's text, or null when it cannot be read. */
  readText(file: string): Promise<string | null>;
  /** A folder's entries, or [] when it cannot be read. */
  listDir(dir: string): Promise<string[]>;
  /** A symbolic link's target, or null. */
  readLink(file: string): Promise<string | null>;
  /** Milliseconds since the epoch. */
  now(): number;
}

async function orNull<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch {
    return null;
  }
}

/** The real operating system. */
export function realHost(platform: NodeJS.Platform = process.platform): Host {
  return {
    platform,
    pid: process.pid,
    spawn: (file, args, options) => spawn(file, args, options),
    signal(pid, signal) {
      try {
        process.kill(pid, signal);
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
    exec: (file, args) =>
      new Promise((resolve) => {
        execFile(file, args, { encoding: 'utf8', timeout: 10_000, windowsHide: true, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
          const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ code, stdout: stdout ?? '' });
        });
      }),
    readText: (file) => orNull(readFile(file, 'utf8')),
    listDir: async (dir) => (await orNull(readdir(dir))) ?? [],
    readLink: (file) => orNull(readlink(file)),
    now: () => Date.now(),
  };
}
