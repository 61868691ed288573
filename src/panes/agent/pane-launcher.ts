/** The launcher of the pane modes: each service gets a pane running an agent, which spawns it and reports back. */
import type { LineConnection } from '../../control/line-connection.js';
import { orTimeout } from '../../os/delay.js';
import type { LaunchCommand, LaunchedProcess, OutputReceiver, ProcessLauncher } from '../../os/launcher.js';
import { type AgentProgram, agentArgv } from './agent-command.js';
import type { AgentHub } from './hub.js';
import type { AgentOutput } from './messages.js';
import { RemoteAgent } from './remote-agent.js';

/** One pane to open: its title, folder, the agent's argv, and (tmux) the pipe agent's argv for the pane's output. */
export interface PaneRequest {
  title: string;
  cwd: string;
  command: string[];
  /** Set when the opener pipes the pane's output to tovrun (tmux pipe-pane); null otherwise. */
  pipeCommand: string[] | null;
}

/** Opens panes in some terminal multiplexer (tmux, Windows Terminal, console windows). */
export interface PaneOpener {
  /** Whether the pane's output reaches tovrun through a pipe agent (tmux) rather than the agent's relay (Windows). */
  readonly pipesOutput: boolean;
  /** Opens one pane running request.command; resolves when it exists. */
  open(request: PaneRequest): Promise<void>;
  /** Closes what it opened (panes, a session tovrun created). */
  close(): Promise<void>;
}

/** Options of a PaneLauncher. */
export interface PaneLauncherOptions {
  hub: AgentHub;
  opener: PaneOpener;
  program: AgentProgram;
  platform: NodeJS.Platform;
  /** How long a new pane's agents may take to connect. */
  connectTimeoutMs?: number;
}

/** Launches each service through the agent in its pane; a pane is opened on the first launch and reused for restarts. */
export class PaneLauncher implements ProcessLauncher {
  private readonly agents = new Map<string, RemoteAgent>();

  constructor(private readonly options: PaneLauncherOptions) {}

  /** Opens the service's pane when it has none, then has its agent spawn the service. */
  async launch(spec: LaunchCommand, output: OutputReceiver): Promise<LaunchedProcess> {
    const agent = await this.agentFor(spec);
    return agent.launch(spec, output);
  }

  /** Sends every agent away, waits until each has stopped its process (closing a pane first could orphan it), then closes the panes. */
  async close(): Promise<void> {
    const agents = [...this.agents.values()];
    this.agents.clear();
    await Promise.all(agents.map((agent) => agent.close()));
    await this.options.opener.close();
  }

  private async agentFor(spec: LaunchCommand): Promise<RemoteAgent> {
    const existing = this.agents.get(spec.name);
    if (existing && !existing.gone) return existing;
    const { hub, opener, program } = this.options;
    const slot = hub.register();
    const pipeCommand = opener.pipesOutput ? agentArgv(program, hub.socketPath, slot.ticket, true) : null;
    let runner: LineConnection;
    let pipeConnection: LineConnection | null;
    try {
      await opener.open({ title: spec.name, cwd: spec.cwd, command: agentArgv(program, hub.socketPath, slot.ticket, false), pipeCommand });
      const timeoutMs = this.options.connectTimeoutMs ?? 15_000;
      const late = (what: string) => () => new Error(`the pane of ${spec.name} did not start its ${what} within ${timeoutMs / 1000} s`);
      const agent = orTimeout(slot.runner, timeoutMs, late('tovrun agent'));
      const pipe = pipeCommand ? orTimeout(slot.pipe, timeoutMs, late('output pipe')) : Promise.resolve(null);
      [runner, pipeConnection] = await Promise.all([agent, pipe]);
    } catch (error) {
      // Whichever agent did connect is sent away, so its pane closes.
      void slot.runner.then((connection) => connection.destroy());
      void slot.pipe.then((connection) => connection.destroy());
      throw error;
    } finally {
      hub.release(slot.ticket);
    }
    const output: AgentOutput = opener.pipesOutput ? 'inherit' : 'relay';
    const agent = new RemoteAgent(runner, pipeConnection, output, this.options.platform);
    this.agents.set(spec.name, agent);
    return agent;
  }
}
