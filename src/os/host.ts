/**
 * The effects tovrun asks of the operating system (spawning, signals, helper commands, reading files and /proc, the
 * clock, the platform), behind one injectable interface. A file that is missing or cannot be read is `undefined`
 * (read by files/read-text.ts, the one reader); no method throws.
 */
import { type ChildProcess, execFile, type SpawnOptions, spawn } from 'node:child_process';
import { access, readdir, readlink } from 'node:fs/promises';
import { type ReadText, readText } from '../files/read-text.js';
import { sleep } from './delay.js';

/** What a helper command printed; code is null when it could not be run at all (or ran past its timeout). */
export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How to run a helper command. */
export interface ExecOptions {
  /** The command's environment (default: tovrun's own). */
  env?: NodeJS.ProcessEnv;
}

/** Everything tovrun's features ask of the operating system. */
export interface Host {
  readonly platform: NodeJS.Platform;
  /** tovrun's own pid. */
  readonly pid: number;
  spawn(file: string, args: string[], options: SpawnOptions): ChildProcess;
  /** Sends a signal to a pid (a negative pid: a process group); false when there is no such process. */
  signal(pid: number, signal: NodeJS.Signals | 0): boolean;
  /** Runs a helper command (taskkill, netstat, ss, ps, tmux) for at most 10 s and captures its output; never throws. */
  exec(file: string, args: string[], options?: ExecOptions): Promise<ExecResult>;
  /** A file's text, or undefined when it is missing or cannot be read (read at once: /proc files are in memory). */
  readText: ReadText;
  /** Whether something is at path (a dangling link is nothing). */
  exists(path: string): Promise<boolean>;
  /** A folder's entries, or [] when it cannot be read. */
  listDir(dir: string): Promise<string[]>;
  /** A symbolic link's target, or undefined when path is no readable link. */
  readLink(path: string): Promise<string | undefined>;
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after ms, or at once when signal aborts (never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const execTimeoutMs = 10_000;
const execMaxBuffer = 16 * 1024 * 1024;

async function orUndefined<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch {
    return undefined;
  }
}

/** Runs file with args and resolves with its exit code and output; never rejects. */
function execCommand(file: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  return new Promise((resolve) => {
    const settings = {
      encoding: 'utf8' as const,
      timeout: execTimeoutMs,
      windowsHide: true,
      maxBuffer: execMaxBuffer,
      ...(options.env ? { env: options.env } : {}),
    };
    execFile(file, args, settings, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout: stdout ?? '', stderr: stderr ?? '' });
    });
  });
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
    exec: execCommand,
    readText,
    exists: (path) =>
      access(path).then(
        () => true,
        () => false,
      ),
    listDir: async (dir) => (await orUndefined(readdir(dir))) ?? [],
    readLink: (path) => orUndefined(readlink(path)),
    now: () => Date.now(),
    sleep,
  };
}
