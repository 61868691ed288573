/** The pane side of a run in tmux or Windows panes: the launcher opening a pane (with an agent) per service, and log followers. */
import { UsageError } from '../errors.js';
import type { LaunchCommand, OutputReceiver } from '../os/launcher.js';
import { type AgentProgram, currentAgentProgram } from './agent/agent-command.js';
import { AgentHub } from './agent/hub.js';
import { PaneLauncher, type PaneOpener } from './agent/pane-launcher.js';
import type { PanesSelection } from './mode.js';
import type { PaneOutputOptions } from './pane-output-options.js';
import { attachHint, currentServer, tmuxSessionName } from './tmux/tmux-command.js';
import { TmuxOpener } from './tmux/tmux-opener.js';
import { realTmuxRunner } from './tmux/tmux-runner.js';
import { dedicatedServer, ownSessionEnv } from './tmux/tmux-session.js';
import { ConsoleWindowOpener, WindowsTerminalOpener } from './windows/windows-opener.js';

/** A run's panes: give launcher to the Supervisor; followLogs opens panes following log files. */
export interface PaneLaunch {
  readonly launcher: PaneLauncher;
  /** Opens a pane per name running `tovrun logs <name> --follow` (the caller makes sure each log file exists first). */
  followLogs(names: readonly string[]): Promise<void>;
}

/** A launch of `tovrun logs <name> --follow` in the workspace: not a service (no probe, no restart). */
function logFollower(name: string, options: PaneOutputOptions, program: AgentProgram): LaunchCommand {
  return {
    name,
    file: program.nodePath,
    args: [program.cliPath, 'logs', name, '--follow', ...(options.instance ? ['--instance', String(options.instance)] : [])],
    cwd: options.root,
    env: options.env,
  };
}

const ignoreOutput: OutputReceiver = { lines: () => undefined, whenWritable: () => undefined };

function tmuxOpener(options: PaneOutputOptions, selection: Extract<PanesSelection, { mode: 'tmux' }>): TmuxOpener {
  const { env, stateDir } = options;
  const ownerPid = process.pid;
  const inside = selection.inside ? currentServer(env) : null;
  const pane = env.TMUX_PANE ?? '';
  if (selection.inside && (!inside || pane === ''))
    throw new UsageError('tovrun runs inside tmux but $TMUX or $TMUX_PANE is empty.', 'Run tovrun from a tmux pane, or use --panes prefix.');
  if (inside) {
    const run = options.tmuxRunner ?? realTmuxRunner(selection.tmux, inside, env);
    return new TmuxOpener({ run, server: inside, placement: { kind: 'beside-tovrun', pane, ownSession: env[ownSessionEnv] || null }, stateDir, ownerPid });
  }
  const server = dedicatedServer(options.root, options.platform);
  const session = tmuxSessionName(options.root, options.instance);
  const run = options.tmuxRunner ?? realTmuxRunner(selection.tmux, server, env);
  options.destination.write(`tovrun: the services run in tmux session ${session}; attach with \`${attachHint(server, session)}\`\n`);
  return new TmuxOpener({ run, server, placement: { kind: 'new-session', session }, stateDir, ownerPid });
}

function opener(options: PaneOutputOptions, selection: Extract<PanesSelection, { mode: 'tmux' | 'windows' }>): PaneOpener {
  if (selection.mode === 'tmux') return tmuxOpener(options, selection);
  return selection.wt ? new WindowsTerminalOpener(selection.wt, options.detachedStart) : new ConsoleWindowOpener(options.detachedStart);
}

/** The panes of a tmux or windows run (selection: options.selection, known not to be prefix). */
export function openPaneLaunch(options: PaneOutputOptions, selection: Extract<PanesSelection, { mode: 'tmux' | 'windows' }>): PaneLaunch {
  const program = options.program ?? currentAgentProgram();
  const launcher = new PaneLauncher({ hub: AgentHub.on(options.control), opener: opener(options, selection), program, platform: options.platform });
  return {
    launcher,
    async followLogs(names) {
      await Promise.all(names.map((name) => launcher.launch(logFollower(name, options, program), ignoreOutput)));
    },
  };
}
