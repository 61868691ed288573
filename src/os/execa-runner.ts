/** The command runner built on execa (loaded on first use), which starts Windows .cmd files safely without a shell. */
import { LineSplitter } from '../text/line-splitter.js';
import type { CommandRunner } from './command-runner.js';

/** Runs through execa: no shell, stdin closed, stdout and stderr interleaved into one output. */
export const execaRunner: CommandRunner = async (command, args, options = {}) => {
  const { execa } = await import('execa');
  const child = execa(command, [...args], {
    cwd: options.cwd,
    env: options.env,
    extendEnv: options.env === undefined,
    all: true,
    reject: false,
    stdin: 'ignore',
    windowsHide: true,
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
  });
  // One splitter per stream, so a line cut between chunks is never glued to the other stream's text; a lone '\r' (a
  // progress redraw) ends a line, as in the spawn runner.
  const onLine = options.onLine;
  const splitters = onLine
    ? [child.stdout, child.stderr].map((stream) => {
        const lines = new LineSplitter(onLine, { carriageReturnEndsLine: true });
        stream?.on('data', (chunk: Buffer | string) => lines.push(chunk.toString()));
        return lines;
      })
    : [];
  const result = await child;
  for (const lines of splitters) lines.flush();
  const output = typeof result.all === 'string' ? result.all : '';
  const spawnError = result.exitCode === undefined && !result.isTerminated ? (result.code ?? 'ESPAWN') : undefined;
  return { exitCode: result.exitCode, output, ...(spawnError === undefined ? {} : { spawnError }) };
};
