/** What reaches a pane agent from its pane rather than from tovrun: signals, its terminal going away, and its own exit. */
import type { AgentEffects } from './agent-effects.js';

/** Signals the terminal sends its foreground (the agent) that are meant for the service: passed on to it. */
const forwardedSignals: NodeJS.Signals[] = ['SIGINT', 'SIGQUIT', 'SIGWINCH'];
/** Signals that end the agent: its pane closed (SIGHUP), or it was asked to (SIGTERM). */
const leavingSignals: NodeJS.Signals[] = ['SIGHUP', 'SIGTERM'];

/** How an agent answers its pane. */
export interface PaneReactions {
  /** Passes a signal on to the service. */
  forward(signal: NodeJS.Signals): void;
  /** Stops the service, then ends the agent: its pane is closing or has gone. */
  leave(): void;
  /** The agent's process exits now, whatever the cause: stops the service at once (synchronously; nothing can be waited for). */
  exiting(): void;
}

/**
 * Ties an agent to its pane; returns what unties the signals and the exit hook. A terminal error always means the pane
 * has gone and the agent leaves; those listeners stay, so that a terminal vanishing after the agent left cannot crash it.
 */
export function tieToPane(effects: Pick<AgentEffects, 'host' | 'signals' | 'stdout' | 'stderr' | 'onExit'>, reactions: PaneReactions): () => void {
  const posix = effects.host.platform !== 'win32';
  const handlers: [NodeJS.Signals, () => void][] = [];
  // On Windows the console itself delivers Ctrl-C to the service.
  for (const signal of forwardedSignals) if (posix || signal === 'SIGINT') handlers.push([signal, () => reactions.forward(signal)]);
  for (const signal of leavingSignals) handlers.push([signal, () => reactions.leave()]);
  for (const [signal, handler] of handlers) effects.signals.on(signal, handler);
  // Once the pane has gone, Node's own size refresh on SIGWINCH (getWindowSize) and any write fail with EIO, emitted as an
  // 'error' event on stdout or stderr: fatal when unheard, which would leave the service running without its agent.
  for (const terminal of [effects.stdout, effects.stderr]) terminal.on('error', () => reactions.leave());
  const removeExitHook = effects.onExit(() => reactions.exiting());
  return () => {
    for (const [signal, handler] of handlers) effects.signals.off(signal, handler);
    removeExitHook();
  };
}
