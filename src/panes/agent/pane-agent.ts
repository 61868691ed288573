/** The agent in a pane: runs the service on the pane's terminal, reports its pid and exit code, keeps the pane open until tovrun stops. */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { LineConnection } from '../../control/line-connection.js';
import { deferred } from '../../os/deferred.js';
import { waitAtMost } from '../../os/delay.js';
import { type ProcessTree, startTreeKill, terminateTree } from '../../os/kill-tree.js';
import type { OutputStream, ProcessExit } from '../../os/launcher.js';
import { spawnProgram } from '../../os/spawn-command.js';
import { platformFor } from '../../platform/platform.js';
import { dim } from '../../text/colors.js';
import { LineSplitter } from '../../text/line-splitter.js';
import { agentExitLine, serviceStopGraceMs } from './agent-command.js';
import { type AgentEffects, connectAgent } from './agent-effects.js';
import { type AgentHello, type AgentOrder, type AgentReport, parseAgentOrder } from './messages.js';
import { tieToPane } from './pane-ties.js';

/** How long relayed output may keep flowing after the service exited. */
const relayDrainMs = 1_000;

/** One service in its pane, run on orders from tovrun. */
class ServiceInPane {
  private readonly done = deferred<number>();
  /** Resolves with the agent's exit code once it has stopped the service and let go of tovrun. */
  readonly finished = this.done.promise;
  private child: ChildProcess | null = null;
  private leaving = false;
  private readonly untie: () => void;

  constructor(
    private readonly connection: LineConnection,
    private readonly effects: AgentEffects,
  ) {
    connection.onLine((line) => this.obey(parseAgentOrder(line)));
    connection.onClose(() => void this.leave());
    this.untie = tieToPane(effects, { forward: (signal) => this.forward(signal), leave: () => void this.leave(), exiting: () => this.killNow() });
  }

  private report(report: AgentReport): void {
    this.connection.send(report);
  }

  private obey(order: AgentOrder | null): void {
    if (order?.type === 'close') void this.leave();
    else if (order?.type === 'spawn') this.start(order);
  }

  /** The service's tree while it runs: its process group on POSIX (it runs in its own session). */
  private tree(): ProcessTree | null {
    const pid = this.child?.pid;
    if (pid === undefined) return null;
    return { pid, pgid: this.effects.host.platform === 'win32' ? null : pid };
  }

  /** Ctrl-C in the pane reaches the agent (the terminal's foreground); the service runs in its own group (POSIX) and gets it passed on. On Windows the console already delivered it. */
  private forward(signal: NodeJS.Signals): void {
    const pgid = this.tree()?.pgid;
    if (pgid) this.effects.host.signal(-pgid, signal);
  }

  /** The agent's process is exiting with the service still running (an uncaught error): kill its tree now, without grace. */
  private killNow(): void {
    const tree = this.tree();
    // Started before the agent exits and not killed with it: the group's signal on POSIX, a detached taskkill on Windows.
    if (tree) startTreeKill(this.effects.host, tree);
  }

  private start(order: Extract<AgentOrder, { type: 'spawn' }>): void {
    if (this.child || this.leaving) return this.report({ type: 'spawn-failed', message: `${order.service} is already running in this pane` });
    const relay = order.output === 'relay';
    let child: ChildProcess;
    try {
      // The services' one spawn path: on Windows the program is found with PATHEXT and a .cmd/.bat runs through cmd.exe.
      const options: SpawnOptions = {
        cwd: order.cwd,
        env: order.env,
        stdio: relay ? ['inherit', 'pipe', 'pipe'] : 'inherit',
        detached: this.effects.host.platform !== 'win32',
      };
      child = spawnProgram(this.effects.spawn, order.file, order.args, options, platformFor(this.effects.host.platform), this.effects.isFile);
    } catch (error) {
      return this.failed(order.service, (error as Error).message);
    }
    const pid = child.pid;
    if (pid === undefined) {
      child.once('error', (error) => this.failed(order.service, error.message));
      return;
    }
    child.on('error', () => undefined);
    this.child = child;
    this.report({ type: 'started', pid });
    const streams = relay ? [this.relay(child.stdout, 'stdout'), this.relay(child.stderr, 'stderr')] : [];
    child.once('exit', (code, signal) => void this.exited(order.service, { code, signal }, streams));
  }

  private failed(service: string, message: string): void {
    this.report({ type: 'spawn-failed', message });
    this.effects.stderr.write(`${dim(`[tovrun] ${service} could not start: ${message}`)}\n`);
  }

  private relay(stream: Readable | null, name: OutputStream): Promise<void> {
    if (!stream) return Promise.resolve();
    const terminal = name === 'stdout' ? this.effects.stdout : this.effects.stderr;
    const decoder = new StringDecoder('utf8');
    let lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    const send = () => {
      if (lines.length > 0) this.report({ type: 'output', stream: name, lines });
      lines = [];
    };
    stream.on('data', (chunk: Buffer) => {
      terminal.write(chunk);
      splitter.push(decoder.write(chunk));
      send();
    });
    stream.on('error', () => undefined);
    return new Promise((resolve) =>
      stream.once('close', () => {
        splitter.push(decoder.end());
        splitter.flush();
        send();
        resolve();
      }),
    );
  }

  private async exited(service: string, exit: ProcessExit, streams: Promise<void>[]): Promise<void> {
    await waitAtMost(Promise.all(streams), relayDrainMs);
    this.child = null;
    this.report({ type: 'exited', code: exit.code, signal: exit.signal });
    if (!this.leaving) this.effects.stdout.write(`\n${dim(agentExitLine(service, exit))}\n`);
  }

  /** Stops the service's tree when it still runs (tovrun is gone, or closes the pane, or the pane has gone), then ends the agent. */
  private async leave(): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    const tree = this.tree();
    if (tree) await terminateTree(this.effects.host, tree, { graceMs: serviceStopGraceMs });
    this.untie();
    // tovrun waits for this close to know the service has stopped.
    this.connection.destroy();
    this.done.resolve(0);
  }
}

/** Runs the agent of one pane until tovrun closes it (or goes away); returns the agent's exit code. */
export async function runPaneAgent(options: { socket: string; ticket: string }, effects: AgentEffects): Promise<number> {
  const connection = await connectAgent('pane', options.socket, effects);
  if (!connection) return 1;
  const hello: AgentHello = { type: 'agent-hello', ticket: options.ticket, role: 'runner' };
  const agent = new ServiceInPane(connection, effects);
  connection.send(hello);
  return agent.finished;
}
