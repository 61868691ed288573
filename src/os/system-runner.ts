/** Runs external tools (python, pip, npm, docker, git) and reports how they ended; injected so tests of the features that use it need no processes. */
import type { Platform } from '../platform/platform.js';
import type { CommandRunner } from './command-runner.js';
import { platformRunner } from './spawn-runner.js';

export type { CommandRunner, RunOptions, RunResult } from './command-runner.js';

/**
 * The real runner for a platform: the spawn path services use too (src/os/spawn-command.ts). On Windows it finds the
 * program with PATHEXT first, so a missing tool is 'ENOENT', and runs .cmd/.bat files (npm.cmd, pyenv-win's
 * python.bat) through cmd.exe with every argument quoted.
 */
export function systemRunner(platform: Platform): CommandRunner {
  return platformRunner(platform);
}
