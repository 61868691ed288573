/** One pane's agent as tovrun sees it: order a spawn, receive the pid, output lines and exit code of the service in that pane. */
import type { LineConnection } from '../../control/line-connection.js';
import { deferred } from '../../os/deferred.js';
import { waitAtMost } from '../../os/delay.js';
import type { LaunchCommand, LaunchedProcess, OutputReceiver, OutputStream, ProcessExit } from '../../os/launcher.js';
import { plainText } from '../../text/ansi.js';
import { agentExitLine, agentLeaveMs } from './agent-command.js';
import { type AgentOrder, type AgentOutput, type AgentReport, definedEnv, parseAgentReport } from './messages.js';

/** The process being started or running in the pane. */
interface Run {
  service: string;
  output: OutputReceiver;
  /** Its exit, once reported. */
  exit: ProcessExit | null;
  /** An empty pipe line held back: the agent puts one before its exit line. */
  heldBlank: boolean;
  started(pid: number): void;
  failed(error: Error): void;
  exited(exit: ProcessExit): void;
  /** The agent's exit line came through the pipe: all output before it has arrived. */
  endSeen(): void;
}

const exitLineEnd = 'this pane stays open until tovrun stops.';

/** Passes lines on to the run's receiver as one block (nothing when there are none). */
function relayLines(run: Run, stream: OutputStream, lines: readonly string[]): void {
  if (lines.length > 0) run.output.lines(stream, lines.join('\n'));
}

/** The agent of one pane: runs one process at a time; `gone` once its pane or connection closed. */
export class RemoteAgent {
  private run: Run | null = null;
  private closed = false;

  constructor(
    private readonly runner: LineConnection,
    private readonly pipe: LineConnection | null,
    private readonly output: AgentOutput,
    private readonly platform: NodeJS.Platform,
  ) {
    runner.onLine((line) => this.onReport(parseAgentReport(line)));
    runner.onClose(() => this.lost());
    pipe?.onLine((line) => this.onPipe(parseAgentReport(line)));
  }

  /** Whether the agent has gone (its pane closed): a new pane is needed. */
  get gone(): boolean {
    return this.closed || this.runner.isClosed;
  }

  /** Orders the agent to run spec; resolves once it reports the pid, rejects when the process could not start. */
  launch(spec: LaunchCommand, output: OutputReceiver): Promise<LaunchedProcess> {
    if (this.run) return Promise.reject(new Error(`${spec.name} is already running in its pane`));
    if (this.gone) return Promise.reject(new Error(`the pane of ${spec.name} has closed`));
    return new Promise((resolve, reject) => {
      const exit = deferred<ProcessExit>();
      const ended = deferred<void>();
      const run: Run = {
        service: spec.name,
        output,
        exit: null,
        heldBlank: false,
        started: (pid) => resolve({ pid, pgid: this.platform === 'win32' ? null : pid, exit: exit.promise, drain: (ms) => this.drain(run, ended.promise, ms) }),
        failed: (error) => {
          if (this.run === run) this.run = null;
          reject(error);
        },
        exited: (result) => {
          run.exit = result;
          exit.resolve(result);
        },
        endSeen: () => ended.resolve(),
      };
      this.run = run;
      const order: AgentOrder = {
        type: 'spawn',
        service: spec.name,
        file: spec.file,
        args: spec.args,
        cwd: spec.cwd,
        env: definedEnv(spec.env),
        output: this.output,
      };
      this.runner.send(order);
    });
  }

  /** Tells the agent to leave; resolves once it has stopped its process and left (it closes the connection then), or after agentLeaveMs. */
  async close(): Promise<void> {
    this.closed = true;
    this.pipe?.destroy();
    this.runner.send({ type: 'close' } satisfies AgentOrder);
    // Not ended from here: an ended connection closes at once on the agent's side too, before its process has stopped.
    await waitAtMost(new Promise<void>((resolve) => this.runner.onClose(resolve)), agentLeaveMs);
    this.runner.destroy();
  }

  /** Waits (at most ms) until the pipe delivered the agent's exit line, so every line printed before it was passed on. */
  private async drain(run: Run, ended: Promise<void>, ms: number): Promise<void> {
    if (this.pipe && !this.pipe.isClosed) await waitAtMost(ended, ms);
    if (this.run === run) this.run = null;
  }

  private onReport(report: AgentReport | null): void {
    const run = this.run;
    if (!report || !run) return;
    if (report.type === 'started') run.started(report.pid);
    else if (report.type === 'spawn-failed') run.failed(new Error(report.message));
    else if (report.type === 'output') relayLines(run, report.stream, report.lines);
    else run.exited({ code: report.code, signal: report.signal });
  }

  private onPipe(report: AgentReport | null): void {
    const run = this.run;
    if (report?.type !== 'output' || !run) return;
    const shown: string[] = [];
    for (const line of report.lines) {
      const plain = plainText(line).trim();
      if (this.isExitLine(run, plain)) {
        run.heldBlank = false;
        run.endSeen();
        continue;
      }
      if (run.heldBlank) shown.push('');
      run.heldBlank = plain === '';
      if (!run.heldBlank) shown.push(line);
    }
    relayLines(run, 'stdout', shown);
  }

  private isExitLine(run: Run, plain: string): boolean {
    if (!plain.startsWith('[tovrun] ') || !plain.endsWith(exitLineEnd)) return false;
    return run.exit === null || plain === agentExitLine(run.service, run.exit);
  }

  private lost(): void {
    const run = this.run;
    this.closed = true;
    if (!run) return;
    run.failed(new Error(`the pane of ${run.service} closed before it started`));
    run.exited({ code: null, signal: null });
    run.endSeen();
  }
}
