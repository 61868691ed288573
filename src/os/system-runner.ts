/** Runs external tools (python, pip, npm, docker, git) and reports how they ended; injected so tests of the features that use it need no processes. */
import type { Platform } from '../platform/platform.js';
import { execaRunner } from './execa-runner.js';
import { spawnRunner } from './spawn-runner.js';
import type { CommandRunner } from './command-runner.js';

export type { CommandRunner, RunOptions, RunResult } from './command-runner.js';

/**
 * The real runner for a platform. Windows needs execa: .cmd/.bat files (npm.cmd, pyenv-win's python.bat) cannot be
 * spawned without a shell since Node 20.12.2, and execa runs them through cmd.exe with every argument escaped.
 * Elsewhere Node's own spawn does the same job and spares the ~90 ms of loading execa on every warm `tovrun install`.
 */
export function systemRunner(platform: Platform): CommandRunner {
  return platform.isWindows ? execaRunner : spawnRunner;
}
