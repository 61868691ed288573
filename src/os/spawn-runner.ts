/** The command runner: the one spawn path of src/os (PATHEXT and cmd.exe on Windows), stdin closed, stdout and stderr interleaved. */
import { type ChildProcess, spawn } from 'node:child_process';
import { spawnProgram } from '../os/spawn-command.js';
import { type Platform, platformFor } from '../platform/platform.js';
import { LineSplitter } from '../text/line-splitter.js';
import type { CommandRunner, RunResult } from './command-runner.js';

/** A runner for a platform: a program missing on Windows is spawnError 'ENOENT' (never cmd.exe's exit 1), as elsewhere. */
export function platformRunner(platform: Platform): CommandRunner {
  return (command, args, options = {}) =>
    new Promise<RunResult>((resolve) => {
      const chunks: string[] = [];
      let child: ChildProcess;
      try {
        child = spawnProgram(
          spawn,
          command,
          args,
          { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true },
          platform,
        );
      } catch (error) {
        resolve({ exitCode: undefined, output: '', spawnError: (error as NodeJS.ErrnoException).code ?? 'ESPAWN' });
        return;
      }
      const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
      // One splitter per stream, so a line cut between chunks is never glued to the other stream's text; a progress line
      // redrawn with a lone '\r' is a line of its own, so the live task list shows each redraw, not one endless line.
      const splitters = [child.stdout, child.stderr].map((stream) => {
        const lines = options.onLine ? new LineSplitter(options.onLine, { carriageReturnEndsLine: true }) : undefined;
        stream?.setEncoding('utf8').on('data', (chunk: string) => {
          chunks.push(chunk);
          lines?.push(chunk);
        });
        return lines;
      });
      child.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        resolve({ exitCode: undefined, output: chunks.join(''), spawnError: error.code ?? 'ESPAWN' });
      });
      child.once('close', (code) => {
        clearTimeout(timer);
        for (const lines of splitters) lines?.flush();
        resolve({ exitCode: code ?? undefined, output: chunks.join('') });
      });
    });
}

/** The runner for the platform tovrun runs on. */
export const spawnRunner: CommandRunner = platformRunner(platformFor(process.platform));
