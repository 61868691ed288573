/** One service's life: launch it, relay its lines, restart on failure or on request, stop its whole tree. */
import type { LaunchedProcess } from '../os/launcher.js';
import type { LaunchSpec } from '../plan/launch-spec.js';
import { plainText } from '../text/ansi.js';
import { LaunchCycle, type RunnerDeps } from './launch-cycle.js';
import { LineFanout } from './line-fanout.js';
import { ProcessSlot } from './process-slot.js';
import { ReplaceWaiters } from './replace-waiters.js';
import { ServiceOutcome } from './service-outcome.js';
import { ServiceRestarts } from './service-restarts.js';
import { ServiceLifecycle, type ServiceState } from './service-state.js';
import type { ServiceStatus } from './service-status.js';
import type { RecordedService } from './state-file.js';
import type { ServiceResult } from './types.js';

/** How a replace happens: the environment of the new process (unset: as before), and why (for the notice). */
export interface ReplaceOptions {
  env?: NodeJS.ProcessEnv;
  /** Said in the 'restart-requested' notice, e.g. ".env changed (API_KEY)"; unset: a `tovrun restart`. */
  reason?: string;
}

/** Runs one LaunchSpec until it stops for good; `done` resolves with how it ended (again after a revive). */
export class ServiceRunner {
  private readonly output: LineFanout;
  private readonly waiters = new ReplaceWaiters();
  private readonly slot: ProcessSlot;
  private readonly restarts: ServiceRestarts;
  private readonly outcome: ServiceOutcome;
  private readonly cycle: LaunchCycle;
  /** The one state field: every change goes through its moveTo, which refuses moves its table does not allow. */
  private readonly lifecycle: ServiceLifecycle;
  /** Resolves once the first launch has started the process or failed (panes may take a moment to open). */
  readonly firstLaunch: Promise<void>;

  constructor(
    readonly spec: LaunchSpec,
    private readonly deps: RunnerDeps,
  ) {
    this.output = new LineFanout(spec.name, deps.sink);
    this.lifecycle = new ServiceLifecycle(spec.name);
    this.slot = new ProcessSlot(spec, deps, this.output);
    this.restarts = new ServiceRestarts(spec.restart);
    this.outcome = new ServiceOutcome(spec.name);
    this.firstLaunch = this.outcome.firstLaunch;
    const { lifecycle, slot, restarts, outcome, waiters } = this;
    const recentLines = () => this.output.recent.list().map((line) => plainText(line));
    this.cycle = new LaunchCycle({ spec, deps, lifecycle, slot, restarts, outcome, waiters, recentLines });
  }

  /** The last lines the service printed. */
  get recent(): LineFanout['recent'] {
    return this.output.recent;
  }

  /** Resolves when the service has stopped for good. */
  get done(): Promise<ServiceResult> {
    return this.outcome.done;
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
    return this.outcome.startError;
  }

  /** Launches the service (once; not after it was stopped or skipped). */
  start(): void {
    if (this.lifecycle.state !== 'waiting') return;
    this.lifecycle.moveTo('starting');
    void this.cycle.spawn();
  }

  /** Ends a service that was never launched (a dependency failed): `done` resolves with no exit. */
  skip(): void {
    if (this.lifecycle.state === 'waiting') this.cycle.finish(null, false);
  }

  /** Listens to every output line (ANSI removed) until the returned function is called. */
  subscribeLines(listener: (line: string) => void): () => void {
    return this.output.subscribe(listener);
  }

  /** What the state file should hold for this service, or null while nothing runs. */
  record(): RecordedService | null {
    return this.slot.current?.record(this.spec) ?? null;
  }

  /** The process that runs now, or null. */
  get process(): LaunchedProcess | null {
    return this.slot.current?.process ?? null;
  }

  /** Marks the given process as having passed its probe (ignored when it no longer runs). */
  markReady(launched: LaunchedProcess | null, readyMs: number): void {
    const current = this.slot.current;
    if (current && launched === current.process) {
      current.ready = true;
      current.readyMs = readyMs;
    }
  }

  /** The service's state, pid, uptime, restarts and readiness now. */
  snapshot(): Omit<ServiceStatus, 'name' | 'kind' | 'port' | 'url'> {
    const current = this.slot.current;
    return {
      state: this.lifecycle.state,
      pid: current?.process.pid ?? null,
      uptimeMs: current ? this.deps.host.now() - current.startedAt : null,
      restarts: this.restarts.total,
      ready: current?.ready ?? false,
      readyMs: current?.readyMs ?? null,
      lastExit: this.outcome.lastExit,
    };
  }

  /** Stops the service with its whole tree: graceful signal, forced after the grace period (or at once when forced). */
  stop(): void {
    const state = this.lifecycle.state;
    // A stop of this service alone that is under way now ends it for good once its process has gone.
    this.cycle.parkOnStop = false;
    if (state === 'stopping' || this.lifecycle.ended) return;
    this.waiters.rejectAll(new Error(`${this.spec.name} is being stopped.`));
    if (state === 'waiting') return this.cycle.finish(null, false);
    if (state === 'stopped') return this.cycle.finish(this.outcome.lastExit, false);
    if (this.restarts.pending) {
      // Stopped during the backoff: it ends failed, as its last process crashed.
      this.restarts.cancel();
      return this.cycle.finish(this.outcome.lastExit, true);
    }
    this.lifecycle.moveTo('stopping');
    // While it is launching, the launch cycle terminates the new process once it runs.
    this.slot.stop();
  }

  /** Replaces the process now: stops the running one, skips a pending backoff, or starts again a service that was stopped or had stopped for good (`done` is then a new promise). Resolves with the new process. */
  replace(options: ReplaceOptions = {}): Promise<LaunchedProcess> {
    const state = this.lifecycle.state;
    if (state === 'stopping') return Promise.reject(new Error(`${this.spec.name} is being stopped.`));
    if (state === 'waiting') return Promise.reject(new Error(`${this.spec.name} has not been launched yet.`));
    if (options.env) this.slot.useEnvironment(options.env);
    const waiting = this.waiters.add();
    this.deps.emit({ type: 'restart-requested', service: this.spec.name, ...(options.reason ? { reason: options.reason } : {}) });
    if (this.lifecycle.ended || this.restarts.pending || state === 'stopped') {
      this.relaunch();
    } else if (state !== 'restarting') {
      // Running or launching: the new process starts once this one's exit was handled (see LaunchCycle.afterExit).
      this.lifecycle.moveTo('restarting');
      this.slot.stop();
    }
    return waiting;
  }

  /**
   * Stops this service alone (`s` in the terminal UI, `tovrun stop <service>`): its whole tree goes, as with stop(),
   * but the service stays, as 'stopped', until start() or replace() launches it again; `done` does not resolve. Also
   * cancels a pending backoff. Resolves once no process runs; rejects when it is waiting, stopping or has ended.
   */
  pause(): Promise<void> {
    const state = this.lifecycle.state;
    const name = this.spec.name;
    if (state === 'stopped') return Promise.resolve();
    if (state === 'stopping') return this.cycle.parkOnStop ? this.cycle.whenStopped() : Promise.reject(new Error(`${name} is being stopped.`));
    if (state === 'waiting') return Promise.reject(new Error(`${name} has not been launched yet.`));
    if (this.lifecycle.ended) return Promise.reject(new Error(`${name} has already stopped.`));
    this.waiters.rejectAll(new Error(`${name} is being stopped.`));
    this.deps.emit({ type: 'stop-requested', service: name });
    if (this.restarts.pending) {
      this.restarts.cancel();
      this.cycle.park();
      return Promise.resolve();
    }
    this.cycle.parkOnStop = true;
    const stopped = this.cycle.whenStopped();
    this.lifecycle.moveTo('stopping');
    // While it is launching, the launch cycle terminates the new process once it runs.
    this.slot.stop();
    return stopped;
  }

  /** Launches again a service that pause() stopped or that has ended; resolves with the new process (rejects otherwise). */
  resume(): Promise<LaunchedProcess> {
    const state = this.lifecycle.state;
    if (state !== 'stopped' && !this.lifecycle.ended) return Promise.reject(new Error(`${this.spec.name} is ${state}, not stopped.`));
    const waiting = this.waiters.add();
    this.deps.emit({ type: 'start-requested', service: this.spec.name });
    this.relaunch();
    return waiting;
  }

  /** Launches now: revives an ended service, skips a pending backoff; counted as a requested restart. */
  private relaunch(): void {
    if (this.lifecycle.ended) {
      this.outcome.reopen();
      this.restarts.resetCrashes();
    }
    this.restarts.cancel();
    this.restarts.countRequested();
    this.lifecycle.moveTo('starting');
    void this.cycle.spawn();
  }
}
