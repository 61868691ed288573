/** One service's life: launch it, relay its lines, restart on failure or on request, stop its whole tree. */
import { constants } from 'node:os';
import { ExitCode } from '../errors.js';
import type { ServiceOutputSink } from '../os/output-sink.js';
import type { SupervisorEvent } from './events.js';
import type { Host } from '../os/host.js';
import { terminateTree, type ProcessTree } from '../os/kill-tree.js';
import type { LaunchedProcess, ProcessLauncher } from '../os/launcher.js';
import { CurrentProcess } from './current-process.js';
import { LineFanout } from './line-fanout.js';
import { decideRestart, exitCodeFor, isFailure, type ProcessExit } from './restart-policy.js';
import { ReplaceWaiters } from './replace-waiters.js';
import { ServiceLifecycle, type ServiceState } from './service-state.js';
import type { ServiceStatus } from './service-status.js';
import type { RecordedService } from './state-file.js';
import type { LaunchSpec } from '../plan/launch-spec.js';
import type { ServiceResult } from './types.js';

/** What a runner needs from its supervisor. */
export interface RunnerDeps {
  host: Host;
  sink: ServiceOutputSink;
  launcher: ProcessLauncher;
  graceMs: number;
  /** Aborted by a forced stop: skip the grace period. */
  force: AbortSignal;
  emit(event: SupervisorEvent): void;
  /** Called whenever what should be in the state file changed. */
  changed(): void;
  /** Called with every process once it runs; first is true for the very first one. */
  spawned(launched: LaunchedProcess, first: boolean): void;
}

/** How long output may keep flowing after the process exited (a descendant outside the group may hold the pipe). */
const outputDrainMs = 1_000;

/** Runs one LaunchSpec until it stops for good; `done` resolves with how it ended (again after a revive). */
export class ServiceRunner {
  private readonly output: LineFanout;
  private donePromise!: Promise<ServiceResult>;
  private resolveDone!: (result: ServiceResult) => void;
  private readonly waiters = new ReplaceWaiters();
  private current: CurrentProcess | null = null;
  private launches = 0;
  private restarts = 0;
  private requestedRestarts = 0;
  /** The one state field: every change goes through its moveTo, which refuses moves its table does not allow. */
  private readonly lifecycle: ServiceLifecycle;
  /** The pending backoff while 'restarting' after a crash (null while 'restarting' for a requested replace). */
  private restartTimer: NodeJS.Timeout | null = null;
  private lastExit: ProcessExit | null = null;
  private startError: string | null = null;
  private terminating: Promise<unknown> | null = null;
  private settleFirstLaunch!: () => void;
  /** Resolves once the first launch has started the process or failed (panes may take a moment to open). */
  readonly firstLaunch = new Promise<void>((resolve) => (this.settleFirstLaunch = resolve));

  constructor(
    readonly spec: LaunchSpec,
    private readonly deps: RunnerDeps,
  ) {
    this.output = new LineFanout(spec.name, deps.sink);
    this.lifecycle = new ServiceLifecycle(spec.name);
    this.resetDone();
  }

  /** The last lines the service printed. */
  get recent(): LineFanout['recent'] {
    return this.output.recent;
  }

  /** Resolves when the service has stopped for good. */
  get done(): Promise<ServiceResult> {
    return this.donePromise;
  }

  /** Where the service is in its life now. */
  get state(): ServiceState {
    return this.lifecycle.state;
  }

  /** Whether the service has stopped for good (until a revive). */
  get hasFinished(): boolean {
    return this.lifecycle.ended;
  }

  /** Whether start() launched the service (false while it waits for its dependencies, or when it never started). */
  get hasStarted(): boolean {
    return this.lifecycle.launched;
  }

  /** Why the last launch could not start a process ("folder … does not exist"), or null when it did. */
  get startFailure(): string | null {
    return this.startError;
  }

  /** Launches the service (once; not after it was stopped or skipped). */
  start(): void {
    if (this.lifecycle.state !== 'waiting') return;
    this.lifecycle.moveTo('starting');
    void this.spawnChild();
  }

  /** Ends a service that was never launched (a dependency failed): `done` resolves with no exit. */
  skip(): void {
    if (this.lifecycle.state === 'waiting') this.finish(null, false);
  }

  /** Listens to every output line (ANSI removed) until the returned function is called. */
  subscribeLines(listener: (line: string) => void): () => void {
    return this.output.subscribe(listener);
  }

  /** What the state file should hold for this service, or null while nothing runs. */
  record(): RecordedService | null {
    return this.current?.record(this.spec) ?? null;
  }

  /** The process that runs now, or null. */
  get process(): LaunchedProcess | null {
    return this.current?.process ?? null;
  }

  /** Marks the given process as having passed its probe (ignored when it no longer runs). */
  markReady(launched: LaunchedProcess | null): void {
    if (this.current && launched === this.current.process) this.current.ready = true;
  }

  /** The service's state, pid, uptime, restarts and readiness now. */
  snapshot(): Omit<ServiceStatus, 'name' | 'port' | 'url'> {
    const current = this.current;
    return {
      state: this.lifecycle.state,
      pid: current?.process.pid ?? null,
      uptimeMs: current ? this.deps.host.now() - current.startedAt : null,
      restarts: this.restarts + this.requestedRestarts,
      ready: current?.ready ?? false,
      lastExit: this.lastExit,
    };
  }

  /** Stops the service with its whole tree: graceful signal, forced after the grace period (or at once when forced). */
  stop(): void {
    const state = this.lifecycle.state;
    if (state === 'stopping' || this.lifecycle.ended) return;
    this.waiters.rejectAll(new Error(`${this.spec.name} is being stopped.`));
    if (state === 'waiting') return this.finish(null, false);
    if (this.restartTimer) {
      // Stopped during the backoff: it ends failed, as its last process crashed.
      this.cancelBackoff();
      return this.finish(this.lastExit, true);
    }
    this.lifecycle.moveTo('stopping');
    // While it is launching, spawnChild terminates the new process once it runs.
    if (this.current) this.terminating ??= this.terminate(this.current.tree);
  }

  /** Replaces the process now: stops the running one, skips a pending backoff, or starts again a service that had stopped for good (`done` is then a new promise). Resolves with the new process. */
  replace(): Promise<LaunchedProcess> {
    const state = this.lifecycle.state;
    if (state === 'stopping') return Promise.reject(new Error(`${this.spec.name} is being stopped.`));
    if (state === 'waiting') return Promise.reject(new Error(`${this.spec.name} has not been launched yet.`));
    const waiting = this.waiters.add();
    this.deps.emit({ type: 'restart-requested', service: this.spec.name });
    if (this.lifecycle.ended || this.restartTimer) {
      if (this.lifecycle.ended) this.reopen();
      this.cancelBackoff();
      this.requestedRestarts++;
      this.lifecycle.moveTo('starting');
      void this.spawnChild();
    } else if (state !== 'restarting') {
      // Running or launching: the new process starts once this one's exit was handled (see afterExit).
      this.lifecycle.moveTo('restarting');
      if (this.current) this.terminating ??= this.terminate(this.current.tree);
    }
    return waiting;
  }

  private reopen(): void {
    this.resetDone();
    this.startError = null;
    this.restarts = 0;
  }

  private cancelBackoff(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
  }

  private resetDone(): void {
    this.donePromise = new Promise((resolve) => (this.resolveDone = resolve));
  }

  private async terminate(tree: ProcessTree): Promise<void> {
    const result = await terminateTree(this.deps.host, tree, { graceMs: this.deps.graceMs, force: this.deps.force });
    if (result === 'forced' && !this.deps.force.aborted) this.deps.emit({ type: 'forced', service: this.spec.name, graceMs: this.deps.graceMs });
  }

  private async spawnChild(): Promise<void> {
    let launched: LaunchedProcess;
    try {
      launched = await this.deps.launcher.launch(this.spec, { lines: (stream, block) => this.output.lines(stream, block), whenWritable: () => this.deps.sink.whenWritable() });
    } catch (error) {
      // Final, whatever the restart policy: a missing folder or program stays missing, and no process ever ran.
      const message = error instanceof Error ? error.message : String(error);
      this.startError = message;
      this.deps.emit({ type: 'spawn-failed', service: this.spec.name, message });
      this.waiters.rejectAll(new Error(`${this.spec.name} could not start: ${message}`));
      this.finish(null, this.lifecycle.state !== 'stopping');
      return;
    }
    this.startError = null;
    const current = new CurrentProcess(launched, this.deps.host, () => this.current === current && this.deps.changed());
    this.current = current;
    if (this.lifecycle.state === 'starting') this.lifecycle.moveTo('running');
    this.deps.emit({ type: 'started', service: this.spec.name, pid: launched.pid, restarts: this.restarts + this.requestedRestarts });
    this.deps.changed();
    this.deps.spawned(launched, this.launches++ === 0);
    // Replaced while launching: the callers wait for the process after this one.
    if (this.lifecycle.state !== 'restarting') this.waiters.resolveAll(launched);
    this.settleFirstLaunch();
    void launched.exit.then((exit) => this.handleExit(launched, exit));
    if (this.isEnding()) this.terminating ??= this.terminate(current.tree);
  }

  /** Whether tovrun asked the current process to end: the service is stopping, or being replaced. */
  private isEnding(): boolean {
    return this.lifecycle.state === 'stopping' || this.lifecycle.state === 'restarting';
  }

  private async handleExit(launched: LaunchedProcess, exit: ProcessExit): Promise<void> {
    const requested = this.isEnding();
    const tree = this.current?.tree;
    if (this.terminating) await this.terminating;
    else if (tree) await terminateTree(this.deps.host, tree, { graceMs: this.deps.graceMs, force: this.deps.force });
    await launched.drain(outputDrainMs);
    this.current = null;
    this.terminating = null;
    this.deps.changed();
    await this.afterExit(exit, requested);
  }

  private async afterExit(exit: ProcessExit, requested: boolean): Promise<void> {
    this.lastExit = exit;
    this.deps.emit({ type: 'exited', service: this.spec.name, exit, requested });
    if (this.lifecycle.state === 'stopping') return this.finish(exit, !requested && isFailure(exit));
    if (this.lifecycle.state === 'restarting') {
      this.requestedRestarts++;
      this.lifecycle.moveTo('starting');
      return this.spawnChild();
    }
    const decision = decideRestart(this.spec.restart, exit, this.restarts);
    if (!decision.restart) {
      if (decision.gaveUp) this.deps.emit({ type: 'gave-up', service: this.spec.name, restarts: this.restarts });
      return this.finish(exit, isFailure(exit));
    }
    this.restarts = decision.attempt;
    // Scheduled, not failed: the timer is set before the event, so a stop from a listener cancels it.
    this.lifecycle.moveTo('restarting');
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.lifecycle.moveTo('starting');
      void this.spawnChild();
    }, decision.delayMs);
    this.deps.emit({ type: 'restarting', service: this.spec.name, attempt: decision.attempt, maxRetries: this.spec.restart.maxRetries, delayMs: decision.delayMs });
  }

  private finish(exit: ProcessExit | null, failed: boolean): void {
    if (this.lifecycle.ended) return;
    this.lifecycle.moveTo(failed ? 'failed' : 'exited');
    this.settleFirstLaunch();
    this.waiters.rejectAll(new Error(`${this.spec.name} has stopped.`));
    // A launch that started no process has no exit of its own: it is a failed service (1), never a shell's 127.
    const code = !failed ? 0 : exit ? exitCodeFor(exit, constants.signals) : ExitCode.failed;
    this.resolveDone({ name: this.spec.name, exit, failed, restarts: this.restarts, code });
  }
}
