/** What openPaneOutput needs; pane-output.ts and pane-launch.ts both take it, so it lives below both. */
import type { AgentEntrance } from '../control/agent-route.js';
import type { LineMask } from '../os/output-sink.js';
import type { AgentProgram } from './agent/agent-command.js';
import type { PanesSelection } from './mode.js';
import type { SinkDestination } from './prefix-sink.js';
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
  /** The instance's state folder (its logs). */
  stateDir: string;
  /** The instance number (workspace/instance.ts); 0 by default. Log panes follow this instance's logs, in its own tmux session. */
  instance?: number;
  services: string[];
  mask?: LineMask;
  /** False: service lines go only to their log files, not to destination (a background tovrun's own output file). Default true. */
  showLines?: boolean;
  /** The control server the pane agents connect to. */
  control: AgentEntrance;
  /** Which node and tovrun the panes run (this process's by default). */
  program?: AgentProgram;
  /** Test seams: tmux commands, detached starts on Windows. */
  tmuxRunner?: TmuxRunner;
  detachedStart?: DetachedStart;
}
