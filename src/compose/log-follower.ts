/** Following a container's output (`docker logs --follow`) as lines; injected so tests need no engine. */
import { type Host, realHost } from '../os/host.js';
import type { OutputStream } from '../os/launcher.js';
import { LineSplitter } from '../text/line-splitter.js';

/** A running follow: stop it, or learn when it ended on its own (the container stopped). */
export interface FollowedLog {
  stop(): void;
  readonly ended: Promise<void>;
}

/** Starts following: command and args (an engine `logs --follow`), each output line to onLine with its stream. */
export type LogFollower = (
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  onLine: (stream: OutputStream, line: string) => void,
) => FollowedLog;

/**
 * The real follower: a child process spawned through host, whose stdout and stderr are split into lines (the
 * container's own streams). On POSIX it gets its own process group, so the terminal's Ctrl-C does not end it before
 * the containers' last lines.
 */
export function hostLogFollower(host: Host = realHost()): LogFollower {
  return (command, args, env, onLine) => {
    const child = host.spawn(command, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, detached: host.platform !== 'win32' });
    const splitters = (['stdout', 'stderr'] as const).map((stream) => {
      const lines = new LineSplitter((line) => onLine(stream, line));
      child[stream]?.setEncoding('utf8').on('data', (chunk: string) => lines.push(chunk));
      return lines;
    });
    const ended = new Promise<void>((resolve) => {
      child.once('error', () => resolve());
      child.once('close', () => {
        for (const lines of splitters) lines.flush();
        resolve();
      });
    });
    const stop = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    };
    return { stop, ended };
  };
}
