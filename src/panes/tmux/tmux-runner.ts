/** Running tmux commands against one server: the effect the tmux panes use, injectable for tests. */
import { FailedError } from '../../errors.js';
import { type ExecResult, type Host, realHost } from '../../os/host.js';
import { serverArgs, type TmuxServer } from './tmux-command.js';

/** Runs one tmux command (arguments after the server flags); never throws (code null when tmux could not be run). */
export type TmuxRunner = (args: string[]) => Promise<ExecResult>;

/** The real tmux at tmuxPath addressing server, run by host; env is what a server started by this command inherits. */
export function realTmuxRunner(tmuxPath: string, server: TmuxServer, env: NodeJS.ProcessEnv = process.env, host: Host = realHost()): TmuxRunner {
  return (args) => host.exec(tmuxPath, [...serverArgs(server), ...args], { env });
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
