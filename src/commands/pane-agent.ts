/** `tovrun __pane-agent` (hidden): what runs inside a tmux or Windows Terminal pane on behalf of the running tovrun. */
import { realAgentEffects } from '../panes/agent/agent-effects.js';
import { runPaneAgent } from '../panes/agent/pane-agent.js';
import { runPipeAgent } from '../panes/agent/pipe-agent.js';

/** Options of the agent command. */
export interface PaneAgentOptions {
  socket: string;
  ticket: string;
  /** Forward stdin (tmux pipe-pane) instead of running the service. */
  pipe: boolean;
}

/** Runs the pane agent (or the pipe agent) until tovrun closes it; returns its exit code. */
export function runPaneAgentCommand(options: PaneAgentOptions): Promise<number> {
  const effects = realAgentEffects();
  return options.pipe ? runPipeAgent(options, effects) : runPaneAgent(options, effects);
}
