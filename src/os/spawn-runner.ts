/** The command runner built on Node's spawn: no shell, stdin closed, stdout and stderr interleaved into one output. */
import { spawn } from 'node:child_process';
import { LineSplitter } from '../text/line-splitter.js';
import type { CommandRunner, RunResult } from './command-runner.js';

/** Runs with child_process.spawn; right wherever executables need no shell (not for Windows .cmd files). */
export const spawnRunner: CommandRunner = (command, args, options = {}) =>
  new Promise<RunResult>((resolve) => {
    const chunks: string[] = [];
    const child = spawn(command, [...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    // One splitter per stream, so a line cut between chunks is never glued to the other stream's text; a progress line
    // redrawn with a lone '\r' is a line of its own, so the live task list shows each redraw, not one endless line.
    const splitters = [child.stdout, child.stderr].map((stream) => {
      const lines = options.onLine ? new LineSplitter(options.onLine, { carriageReturnEndsLine: true }) : undefined;
      stream.setEncoding('utf8').on('data', (chunk: string) => {
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
