/** How service output is shown, assembled for a run: the sink tovrun's own lines go to, and (panes) the launcher opening the panes. */
import type { ProcessLauncher } from '../os/launcher.js';
import type { PanesSelection } from './mode.js';
import type { PaneOutputOptions } from './pane-output-options.js';
import { createPrefixSink, type PrefixSink } from './prefix-sink.js';

/** What openPaneOutput needs (in a file of its own, which pane-launch.ts imports too). */
export type { PaneOutputOptions } from './pane-output-options.js';

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
  const panes = selection.mode === 'prefix' || selection.mode === 'tui' ? null : (await import('./pane-launch.js')).openPaneLaunch(options, selection);
  const sink = createPrefixSink({
    destination: options.destination,
    services: options.services,
    color: options.color,
    stateDir: options.stateDir,
    showLines: panes === null && options.showLines !== false,
    ...(options.mask ? { mask: options.mask } : {}),
  });
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
