/** Following a container's output (`docker logs --follow`) as lines; injected so tests need no engine. */
import { spawn } from 'node:child_process';
import { LineSplitter } from '../text/line-splitter.js';
import type { OutputStream } from '../panes/sink.js';

/** A running follow: stop it, or learn when it ended on its own (the container stopped). */
export interface FollowedLog {
  stop(): void;
  readonly ended: Promise<void>;
}

/** Starts following: command and args (an engine `logs --follow`), each output line to onLine with its stream. */
export type LogFollower = (command: string, args: readonly string[], env: NodeJS.ProcessEnv, onLine: (stream: OutputStream, line: string) => void) => FollowedLog;

/**
 * The real follower: a child process whose stdout and stderr are split into lines (the container's own streams).
 * On POSIX it gets its own process group, so the terminal's Ctrl-C does not end it before the containers' last lines.
 */
export const spawnLogFollower: LogFollower = (command, args, env, onLine) => {
  const child = spawn(command, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, detached: process.platform !== 'win32' });
  const splitters = (['stdout', 'stderr'] as const).map((stream) => {
    const lines = new LineSplitter((line) => onLine(stream, line));
    child[stream].setEncoding('utf8').on('data', (chunk: string) => lines.push(chunk));
    return lines;
  });
  const ended = new Promise<void>((resolve) => {
    child.once('error', () => resolve());
    child.once('close', () => {
      for (const lines of splitters) lines.flush();
      resolve();
    });
  });
  return {
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
    ended,
  };
};
