/** One service's life: spawn in its own process group, relay its lines, restart on failure, stop its whole tree. */
import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import type { Readable } from 'node:stream';
import { LineSplitter, plainText, type OutputStream, type ServiceOutputSink } from '../panes/index.js';
import { sleep } from './delay.js';
import type { SupervisorEvent } from './events.js';
import type { Host } from './host.js';
import { terminateTree, type ProcessTree } from './kill-tree.js';
import { processIdentity, type ProcessIdentity } from './process-table.js';
import { RecentLines } from './recent-lines.js';
import { decideRestart, exitCodeFor, isFailure, type ProcessExit } from './restart-policy.js';
import type { RecordedService } from './state-file.js';
import type { LaunchSpec, ServiceResult } from './types.js';

/** What a runner needs from its supervisor. */
export interface RunnerDeps {
  host: Host;
  sink: ServiceOutputSink;
  graceMs: number;
  /** Aborted by a forced stop: skip the grace period. */
  force: AbortSignal;
  emit(event: SupervisorEvent): void;
  /** Called whenever what should be in the state file changed. */
  changed(): void;
}

/** How long output may keep flowing after the process exited (a descendant outside the group may hold the pipe). */
const outputDrainMs = 1_000;
const spawnFailureExit: ProcessExit = { code: 127, signal: null };

/** Runs one LaunchSpec until it stops for good; `done` resolves with how it ended. */
export class ServiceRunner {
  readonly recent = new RecentLines();
  readonly done: Promise<ServiceResult>;
  private resolveDone!: (result: ServiceResult) => void;
  private readonly lineListeners = new Set<(line: string) => void>();
  private child: ChildProcess | null = null;
  private tree: (ProcessTree & ProcessIdentity) | null = null;
  private restarts = 0;
  private stopRequested = false;
  private finished = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private lastExit: ProcessExit | null = null;
  private terminating: Promise<unknown> | null = null;

  constructor(
    readonly spec: LaunchSpec,
    private readonly deps: RunnerDeps,
  ) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  /** Spawns the service. */
  start(): void {
    this.spawnChild();
  }

  /** Listens to every output line (ANSI removed) until the returned function is called. */
  subscribeLines(listener: (line: string) => void): () => void {
    this.lineListeners.add(listener);
    return () => this.lineListeners.delete(listener);
  }

  /** What the state file should hold for this service, or null while nothing runs. */
  record(): RecordedService | null {
    if (!this.tree) return null;
    const { pid, pgid, startTime, commandLine } = this.tree;
    return { name: this.spec.name, pid, pgid, startTime, commandLine, port: this.spec.port, command: [this.spec.file, ...this.spec.args], cwd: this.spec.cwd };
  }

  /** Stops the service with its whole tree: graceful signal, forced after the grace period (or at once when forced). */
  stop(): void {
    if (this.stopRequested || this.finished) return;
    this.stopRequested = true;
    if (this.restartTimer) {
      clearTimeout(this.restartTimer);
      this.restartTimer = null;
      this.finish(this.lastExit, true);
    } else if (this.tree && this.child) {
      this.terminating = this.terminate(this.tree);
    }
  }

  private async terminate(tree: ProcessTree): Promise<void> {
    const result = await terminateTree(this.deps.host, tree, { graceMs: this.deps.graceMs, force: this.deps.force });
    if (result === 'forced' && !this.deps.force.aborted) this.deps.emit({ type: 'forced', service: this.spec.name, graceMs: this.deps.graceMs });
  }

  private spawnChild(): void {
    const { host } = this.deps;
    let child: ChildProcess;
    try {
      child = host.spawn(this.spec.file, this.spec.args, {
        cwd: this.spec.cwd,
        env: this.spec.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: host.platform !== 'win32',
        windowsHide: true,
      });
    } catch (error) {
      this.deps.emit({ type: 'spawn-failed', service: this.spec.name, message: (error as Error).message });
      void this.afterExit(spawnFailureExit, false);
      return;
    }
    this.child = child;
    const output = [this.relay(child.stdout, 'stdout'), this.relay(child.stderr, 'stderr')];
    let exited = false;
    const onExit = (exit: ProcessExit) => {
      if (exited) return;
      exited = true;
      void this.handleExit(child, exit, output);
    };
    child.once('error', (error) => {
      if (child.pid !== undefined) return;
      this.deps.emit({ type: 'spawn-failed', service: this.spec.name, message: error.message });
      onExit(spawnFailureExit);
    });
    child.once('exit', (code, signal) => onExit({ code, signal }));
    const pid = child.pid;
    if (pid === undefined) return;
    const tree = { pid, pgid: host.platform === 'win32' ? null : pid, startTime: null, commandLine: null };
    this.tree = tree;
    this.deps.emit({ type: 'started', service: this.spec.name, pid, restarts: this.restarts });
    this.deps.changed();
    void processIdentity(host, pid).then((identity) => {
      if (!identity || this.tree !== tree) return;
      Object.assign(tree, identity);
      this.deps.changed();
    });
  }

  private relay(stream: Readable | null, name: OutputStream): Promise<void> {
    if (!stream) return Promise.resolve();
    stream.setEncoding('utf8');
    const splitter = new LineSplitter((line) => this.onLine(name, line));
    stream.on('data', (chunk: string) => {
      splitter.push(chunk);
      const full = this.deps.sink.whenWritable();
      if (full && !stream.isPaused()) {
        stream.pause();
        void full.then(() => stream.resume());
      }
    });
    stream.on('error', () => undefined);
    return new Promise((resolve) =>
      stream.once('close', () => {
        splitter.flush();
        resolve();
      }),
    );
  }

  private onLine(stream: OutputStream, line: string): void {
    this.recent.push(line);
    this.deps.sink.line(this.spec.name, stream, line);
    if (this.lineListeners.size === 0) return;
    const plain = plainText(line);
    for (const listener of this.lineListeners) listener(plain);
  }

  private async handleExit(child: ChildProcess, exit: ProcessExit, output: Promise<void>[]): Promise<void> {
    const requested = this.stopRequested;
    const tree = this.tree;
    if (this.terminating) await this.terminating;
    else if (tree) await terminateTree(this.deps.host, tree, { graceMs: this.deps.graceMs, force: this.deps.force });
    const drained = new AbortController();
    await Promise.race([Promise.all(output), sleep(outputDrainMs, drained.signal)]);
    drained.abort();
    child.stdout?.destroy();
    child.stderr?.destroy();
    await Promise.all(output);
    this.child = null;
    this.tree = null;
    this.terminating = null;
    this.deps.changed();
    await this.afterExit(exit, requested);
  }

  private async afterExit(exit: ProcessExit, requested: boolean): Promise<void> {
    this.lastExit = exit;
    if (exit !== spawnFailureExit) this.deps.emit({ type: 'exited', service: this.spec.name, exit, requested });
    if (requested || this.stopRequested) return this.finish(exit, !requested && isFailure(exit));
    const decision = decideRestart(this.spec.restart, exit, this.restarts);
    if (!decision.restart) {
      if (decision.gaveUp) this.deps.emit({ type: 'gave-up', service: this.spec.name, restarts: this.restarts });
      return this.finish(exit, isFailure(exit));
    }
    this.restarts = decision.attempt;
    this.deps.emit({ type: 'restarting', service: this.spec.name, attempt: decision.attempt, maxRetries: this.spec.restart.maxRetries, delayMs: decision.delayMs });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.spawnChild();
    }, decision.delayMs);
  }

  private finish(exit: ProcessExit | null, failed: boolean): void {
    if (this.finished) return;
    this.finished = true;
    const code = failed && exit ? exitCodeFor(exit, constants.signals) : 0;
    this.resolveDone({ name: this.spec.name, exit, failed, restarts: this.restarts, code });
  }
}
