/** Running tmux commands against one server: the effect the tmux panes use, injectable for tests. */
import { execFile } from 'node:child_process';
import { FailedError } from '../../errors.js';
import { serverArgs, type TmuxServer } from './tmux-command.js';

/** What one tmux command printed; code null when tmux could not be run. */
export interface TmuxResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one tmux command (arguments after the server flags); never throws. */
export type TmuxRunner = (args: string[]) => Promise<TmuxResult>;

/** The real tmux at tmuxPath addressing server; env is what a server started by this command inherits. */
export function realTmuxRunner(tmuxPath: string, server: TmuxServer, env: NodeJS.ProcessEnv = process.env): TmuxRunner {
  return (args) =>
    new Promise((resolve) => {
      execFile(tmuxPath, [...serverArgs(server), ...args], { encoding: 'utf8', env, timeout: 10_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout: stdout ?? '', stderr: stderr ?? '' });
      });
    });
}

/** Runs a command that must succeed; its first output line (a pane or window id), or a FailedError quoting tmux. */
export async function tmuxOrFail(run: TmuxRunner, args: string[]): Promise<string> {
  const result = await run(args);
  if (result.code !== 0) {
    const said = result.stderr.trim() || `exit code ${result.code ?? 'unknown'}`;
    throw new FailedError(`tmux ${args[0] ?? ''} failed: ${said}.`, 'tovrun needs tmux 3.0 or newer; `tmux -V` shows yours.');
  }
  return result.stdout.trim().split('\n')[0] ?? '';
}
