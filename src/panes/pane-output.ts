/** How service output is shown, assembled for a run: the sink tovrun's own lines go to, and (panes) the launcher opening the panes. */
import { UsageError } from '../errors.js';
import type { ControlServer } from '../supervisor/control/server.js';
import type { OutputReceiver, ProcessLauncher } from '../supervisor/launcher.js';
import type { LaunchSpec } from '../supervisor/types.js';
import { currentAgentProgram, type AgentProgram } from './agent/agent-command.js';
import { AgentHub } from './agent/hub.js';
import { PaneLauncher, type PaneOpener } from './agent/pane-launcher.js';
import type { PanesSelection } from './mode.js';
import { createPrefixSink, type PrefixSink, type SinkDestination } from './prefix-sink.js';
import type { LineMask } from './sink.js';
import { attachHint, currentServer, tmuxSessionName } from './tmux/tmux-command.js';
import { TmuxOpener } from './tmux/tmux-opener.js';
import { realTmuxRunner, type TmuxRunner } from './tmux/tmux-runner.js';
import { dedicatedServer, ownSessionEnv } from './tmux/tmux-session.js';
import { ConsoleWindowOpener, WindowsTerminalOpener, type DetachedStart } from './windows/windows-opener.js';

/** What openPaneOutput needs. */
export interface PaneOutputOptions {
  selection: PanesSelection;
  /** tovrun's own output (its terminal, or its pane). */
  destination: SinkDestination;
  /** Whether tovrun's own lines may carry colour. */
  color: boolean;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  root: string;
  stateDir: string;
  services: string[];
  mask?: LineMask;
  /** The control server the pane agents connect to. */
  control: ControlServer;
  /** Which node and tovrun the panes run (this process's by default). */
  program?: AgentProgram;
  /** Test seams: tmux commands, detached starts on Windows. */
  tmuxRunner?: TmuxRunner;
  detachedStart?: DetachedStart;
}

/** A run's output: give sink and launcher to the Supervisor; close() after it finished. */
export interface PaneOutput {
  /** prefix, tmux or windows (shown by `tovrun status`). */
  readonly mode: PanesSelection['mode'];
  readonly sink: PrefixSink;
  /** Undefined in prefix mode (the supervisor spawns directly). */
  readonly launcher: ProcessLauncher | undefined;
  /**
   * Opens a pane per name following its log file (`tovrun logs <name> --follow`), for output that reaches tovrun only
   * through the sink (compose services' logs); nothing in prefix mode, where the sink prints those lines itself.
   */
  followLogs(names: readonly string[]): Promise<void>;
  /** Sends the agents away, closes the panes (and a session tovrun created), then the sink and its log files. */
  close(): Promise<void>;
}

/** A launch of `tovrun logs <name> --follow` in the workspace: not a service (no probe, no restart). */
function logFollower(name: string, options: PaneOutputOptions, program: AgentProgram): LaunchSpec {
  return {
    name,
    file: program.nodePath,
    args: [program.cliPath, 'logs', name, '--follow'],
    cwd: options.root,
    env: options.env,
    port: null,
    probe: { kind: 'none' },
    probeFallback: null,
    restart: { policy: 'no', maxRetries: 0, backoffMs: 0 },
  };
}

const ignoreOutput: OutputReceiver = { lines: () => undefined, whenWritable: () => undefined };

function tmuxOpener(options: PaneOutputOptions, selection: Extract<PanesSelection, { mode: 'tmux' }>): TmuxOpener {
  const { env, stateDir } = options;
  const ownerPid = process.pid;
  const inside = selection.inside ? currentServer(env) : null;
  const pane = env.TMUX_PANE ?? '';
  if (selection.inside && (!inside || pane === '')) throw new UsageError('tovrun runs inside tmux but $TMUX or $TMUX_PANE is empty.', 'Run tovrun from a tmux pane, or use --panes prefix.');
  if (inside) {
    const run = options.tmuxRunner ?? realTmuxRunner(selection.tmux, inside, env);
    return new TmuxOpener({ run, server: inside, placement: { kind: 'beside-tovrun', pane, ownSession: env[ownSessionEnv] || null }, stateDir, ownerPid });
  }
  const server = dedicatedServer(options.root, options.platform);
  const session = tmuxSessionName(options.root);
  const run = options.tmuxRunner ?? realTmuxRunner(selection.tmux, server, env);
  options.destination.write(`tovrun: the services run in tmux session ${session}; attach with \`${attachHint(server, session)}\`\n`);
  return new TmuxOpener({ run, server, placement: { kind: 'new-session', session }, stateDir, ownerPid });
}

function opener(options: PaneOutputOptions): PaneOpener | null {
  const { selection } = options;
  if (selection.mode === 'tmux') return tmuxOpener(options, selection);
  if (selection.mode === 'windows') return selection.wt ? new WindowsTerminalOpener(selection.wt, options.detachedStart) : new ConsoleWindowOpener(options.detachedStart);
  return null;
}

/** The sink (and, for tmux and windows, the pane launcher) of a run; panes open as the supervisor launches services. */
export function openPaneOutput(options: PaneOutputOptions): PaneOutput {
  const panes = opener(options);
  const sink = createPrefixSink({ destination: options.destination, services: options.services, color: options.color, stateDir: options.stateDir, showLines: panes === null, ...(options.mask ? { mask: options.mask } : {}) });
  const program = options.program ?? currentAgentProgram();
  const launcher = panes ? new PaneLauncher({ hub: AgentHub.on(options.control), opener: panes, program, platform: options.platform }) : undefined;
  return {
    mode: options.selection.mode,
    sink,
    launcher,
    async followLogs(names) {
      if (!launcher) return;
      // `tovrun logs` knows a name by its log file; start it (once per run) so the follower starts before the first line.
      for (const name of names) sink.openLog(name);
      await Promise.all(names.map((name) => launcher.launch(logFollower(name, options, program), ignoreOutput)));
    },
    async close() {
      await launcher?.close();
      await sink.close();
    },
  };
}
