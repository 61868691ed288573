/** tmux outside tmux: tovrun's dedicated server, and starting tovrun again in a new session it then attaches to. */
import { spawn } from 'node:child_process';
import type { Output } from '../../context.js';
import { rootHash } from '../../control/socket-path.js';
import { ExitCode, FailedError } from '../../errors.js';
import { instanceFlag } from '../../workspace/instance.js';
import { attachArgs, attachHint, hasSessionArgs, newSessionArgs, serverArgs, type TmuxServer, tmuxSessionName } from './tmux-command.js';
import { realTmuxRunner, type TmuxRunner, tmuxOrFail } from './tmux-runner.js';

/** Set in the session tovrun starts itself in: its name, so that tovrun records it for `tovrun down`. */
export const ownSessionEnv = 'TOVRUN_TMUX_SESSION';

/** The tmux server tovrun starts for a workspace (`-L tovrun-<hash>`): never one of the user's. */
export function dedicatedServer(root: string, platform: NodeJS.Platform = process.platform): TmuxServer {
  return { socketName: `tovrun-${rootHash(root, platform)}` };
}

/** tovrun's argv run by /bin/sh so that a failing run keeps its pane (and its message) until Enter; Ctrl-C (130) closes at once. */
export function sessionCommand(argv: readonly string[]): string[] {
  const script =
    '"$@"; code=$?; case $code in 0|130) ;; *) printf "\\ntovrun exited with code %s; press Enter to close this tmux session.\\n" "$code"; read reply ;; esac; exit $code';
  return ['/bin/sh', '-c', script, 'tovrun', ...argv];
}

/** Attaches this terminal to a session and resolves with tmux's exit code. */
export type TmuxAttach = (args: string[]) => Promise<number>;

/** The real attach: tmux in the foreground on this terminal. */
export function realAttach(tmux: string, server: TmuxServer): TmuxAttach {
  return (args) =>
    new Promise((resolve) => {
      const child = spawn(tmux, [...serverArgs(server), ...args], { stdio: 'inherit' });
      child.once('error', () => resolve(ExitCode.failed));
      child.once('exit', (code) => resolve(code ?? ExitCode.failed));
    });
}

/** Options of runInNewTmuxSession. */
export interface NewSessionOptions {
  /** tmux's path. */
  tmux: string;
  root: string;
  /** The instance (workspace/instance.ts): each has its own session. */
  instance?: number;
  /** tovrun's own command line to run in the session's first pane: node, bin/tovrun.js, arguments. */
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: Output;
  run?: TmuxRunner;
  attach?: TmuxAttach;
}

/** Starts tovrun again in the first pane of a new detached session on the dedicated server, attaches, and says how to come back after a detach. */
export async function runInNewTmuxSession(options: NewSessionOptions): Promise<number> {
  const server = dedicatedServer(options.root);
  const session = tmuxSessionName(options.root, options.instance);
  const run = options.run ?? realTmuxRunner(options.tmux, server, { ...options.env, [ownSessionEnv]: session });
  const hint = attachHint(server, session);
  if ((await run(hasSessionArgs(session))).code === 0) {
    throw new FailedError(
      `tovrun already runs in tmux session ${session}.`,
      `Attach with \`${hint}\`, or stop it with \`tovrun down${instanceFlag({ number: options.instance ?? 0 })}\`.`,
    );
  }
  await tmuxOrFail(run, newSessionArgs(session, options.root, sessionCommand(options.argv)));
  await (options.attach ?? realAttach(options.tmux, server))(attachArgs(session));
  if ((await run(hasSessionArgs(session))).code === 0) {
    options.stdout.write(
      `tovrun keeps running in tmux session ${session}: \`${hint}\` returns to it, \`tovrun down${instanceFlag({ number: options.instance ?? 0 })}\` stops it.\n`,
    );
  }
  return ExitCode.ok;
}
