/** Runs external tools (python, pip, npm) and reports how they ended; injected so install logic tests need no processes. */
import type { Platform } from '../platform/platform.js';
import { execaRunner } from './execa-runner.js';
import { spawnRunner } from './spawn-runner.js';

/** How to run one command. */
export interface RunOptions {
  cwd?: string;
  /** The whole environment of the child (nothing else is inherited). */
  env?: NodeJS.ProcessEnv;
  /** Called with each line the tool prints, stdout and stderr interleaved. */
  onLine?: (line: string) => void;
  timeoutMs?: number;
}

/** How a command ended. */
export interface RunResult {
  /** The exit code, or undefined when the command could not start or was killed. */
  exitCode: number | undefined;
  /** stdout and stderr interleaved, as printed. */
  output: string;
  /** Set when the command could not be started: 'ENOENT' when it does not exist, another code otherwise. */
  spawnError?: string;
}

/** Runs a command to its end; never throws for a failing or missing command. */
export type CommandRunner = (command: string, args: readonly string[], options?: RunOptions) => Promise<RunResult>;

/**
 * The real runner for a platform. Windows needs execa: .cmd/.bat files (npm.cmd, pyenv-win's python.bat) cannot be
 * spawned without a shell since Node 20.12.2, and execa runs them through cmd.exe with every argument escaped.
 * Elsewhere Node's own spawn does the same job and spares the ~90 ms of loading execa on every warm `tovrun install`.
 */
export function systemRunner(platform: Platform): CommandRunner {
  return platform.isWindows ? execaRunner : spawnRunner;
}
