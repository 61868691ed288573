/** How service output is shown, assembled for a run: the sink tovrun's own lines go to, and (panes) the launcher opening the panes. */
import type { ControlServer } from '../supervisor/control/server.js';
import type { ProcessLauncher } from '../os/launcher.js';
import type { AgentProgram } from './agent/agent-command.js';
import type { PanesSelection } from './mode.js';
import { createPrefixSink, type PrefixSink, type SinkDestination } from './prefix-sink.js';
import type { LineMask } from './sink.js';
import type { TmuxRunner } from './tmux/tmux-runner.js';
import type { DetachedStart } from './windows/windows-opener.js';

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

/** The sink (and, for tmux and windows, the pane launcher) of a run; panes open as the supervisor launches services. */
export async function openPaneOutput(options: PaneOutputOptions): Promise<PaneOutput> {
  // The pane machinery (tmux, Windows terminals, agents) is loaded only by runs that open panes.
  const { selection } = options;
  const panes = selection.mode === 'prefix' ? null : (await import('./pane-launch.js')).openPaneLaunch(options, selection);
  const sink = createPrefixSink({ destination: options.destination, services: options.services, color: options.color, stateDir: options.stateDir, showLines: panes === null, ...(options.mask ? { mask: options.mask } : {}) });
  return {
    mode: options.selection.mode,
    sink,
    launcher: panes?.launcher,
    async followLogs(names) {
      if (!panes) return;
      // `tovrun logs` knows a name by its log file; start it (once per run) so the follower starts before the first line.
      for (const name of names) sink.openLog(name);
      await panes.followLogs(names);
    },
    async close() {
      await panes?.launcher.close();
      await sink.close();
    },
  };
}
