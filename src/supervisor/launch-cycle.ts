/** A service's launches and what follows each exit: running, restarting (after a backoff or on request), or finished. */
import type { LaunchedProcess } from '../os/launcher.js';
import type { LaunchSpec } from '../plan/launch-spec.js';
import type { ProcessSlot, ProcessSlotDeps } from './process-slot.js';
import type { ReplaceWaiters } from './replace-waiters.js';
import { isFailure, type ProcessExit } from './restart-policy.js';
import type { ServiceOutcome } from './service-outcome.js';
import type { ServiceRestarts } from './service-restarts.js';
import type { ServiceLifecycle } from './service-state.js';

/** What a runner needs from its supervisor. */
export interface RunnerDeps extends ProcessSlotDeps {
  /** Called with every process once it runs; first is true for the very first one. */
  spawned(launched: LaunchedProcess, first: boolean): void;
}

/** The parts of one runner that its launch cycle moves along (shared with the runner, which owns them). */
export interface RunnerParts {
  spec: LaunchSpec;
  deps: RunnerDeps;
  /** The one state field of the service. */
  lifecycle: ServiceLifecycle;
  slot: ProcessSlot;
  restarts: ServiceRestarts;
  outcome: ServiceOutcome;
  waiters: ReplaceWaiters;
  /** The last lines the service printed (ANSI removed), for the report of a service that gave up. */
  recentLines(): string[];
}

/** Launches the service's processes one after another and moves its state as each starts, fails to start, or exits. */
export class LaunchCycle {
  private launches = 0;
  /** Set while a stop asked for this service alone runs: its exit parks the service as 'stopped' instead of ending it. */
  parkOnStop = false;
  private stoppedWaiters: Array<() => void> = [];

  /** Moves the given runner's parts. */
  constructor(private readonly parts: RunnerParts) {}

  /** Whether tovrun asked the current process to end: the service is stopping, or being replaced. */
  get ending(): boolean {
    const state = this.parts.lifecycle.state;
    return state === 'stopping' || state === 'restarting';
  }

  /** Launches a process (the state is 'starting'); a launch that starts none ends the service (failed unless stopping). */
  async spawn(): Promise<void> {
    const { spec, deps, lifecycle, slot, restarts, outcome, waiters } = this.parts;
    let launched: LaunchedProcess;
    try {
      launched = await slot.launch();
    } catch (error) {
      // Final, whatever the restart policy: a missing folder or program stays missing, and no process ever ran.
      const message = error instanceof Error ? error.message : String(error);
      outcome.startError = message;
      deps.emit({ type: 'spawn-failed', service: spec.name, message });
      waiters.rejectAll(new Error(`${spec.name} could not start: ${message}`));
      if (lifecycle.state === 'stopping' && this.parkOnStop) return this.park();
      this.finish(null, lifecycle.state !== 'stopping');
      return;
    }
    outcome.startError = null;
    slot.hold(launched);
    if (lifecycle.state === 'starting') lifecycle.moveTo('running');
    deps.emit({ type: 'started', service: spec.name, pid: launched.pid, restarts: restarts.total });
    deps.changed();
    deps.spawned(launched, this.launches++ === 0);
    // Replaced while launching: the callers wait for the process after this one.
    if (lifecycle.state !== 'restarting') waiters.resolveAll(launched);
    outcome.launchSettled();
    void launched.exit.then((exit) => this.handleExit(launched, exit));
    if (this.ending) slot.stop();
  }

  /** Ends the service for good (once; until a revive): failed or exited, every waiter told, `done` resolved. */
  finish(exit: ProcessExit | null, failed: boolean): void {
    const { spec, lifecycle, restarts, outcome, waiters } = this.parts;
    if (lifecycle.ended) return;
    lifecycle.moveTo(failed ? 'failed' : 'exited');
    outcome.launchSettled();
    waiters.rejectAll(new Error(`${spec.name} has stopped.`));
    outcome.end(exit, failed, restarts.afterCrashes);
    this.settleStopped();
  }

  /** Resolves once the service has no process any more: parked as 'stopped', or ended. */
  whenStopped(): Promise<void> {
    const { lifecycle } = this.parts;
    if (lifecycle.state === 'stopped' || lifecycle.ended) return Promise.resolve();
    return new Promise((resolve) => this.stoppedWaiters.push(resolve));
  }

  /** Keeps the service, without a process, as 'stopped' (a stop asked for it alone); start or replace launches it again. */
  park(): void {
    this.parkOnStop = false;
    this.parts.lifecycle.moveTo('stopped');
    this.parts.outcome.launchSettled();
    this.parts.deps.changed();
    this.settleStopped();
  }

  private settleStopped(): void {
    for (const resolve of this.stoppedWaiters.splice(0)) resolve();
  }

  private async handleExit(launched: LaunchedProcess, exit: ProcessExit): Promise<void> {
    const requested = this.ending;
    await this.parts.slot.clear(launched);
    await this.afterExit(exit, requested);
  }

  private async afterExit(exit: ProcessExit, requested: boolean): Promise<void> {
    const { spec, deps, lifecycle, restarts, outcome } = this.parts;
    outcome.lastExit = exit;
    deps.emit({ type: 'exited', service: spec.name, exit, requested });
    if (lifecycle.state === 'stopping') return this.parkOnStop ? this.park() : this.finish(exit, !requested && isFailure(exit));
    if (lifecycle.state === 'restarting') {
      restarts.countRequested();
      lifecycle.moveTo('starting');
      return this.spawn();
    }
    const decision = restarts.decide(exit, deps.host.now());
    if (!decision.restart) {
      if (decision.gaveUp) {
        const crashLoop = decision.crashLoop ? { failures: restarts.recentFailures, windowMs: spec.restart.crashWindowMs } : undefined;
        const lastLines = this.parts.recentLines().slice(-10);
        deps.emit({ type: 'gave-up', service: spec.name, restarts: restarts.afterCrashes, ...(crashLoop ? { crashLoop } : {}), lastLines });
      }
      return this.finish(exit, isFailure(exit));
    }
    // Scheduled, not failed: the timer is set before the event, so a stop from a listener cancels it.
    lifecycle.moveTo('restarting');
    restarts.schedule(decision.delayMs, () => {
      lifecycle.moveTo('starting');
      void this.spawn();
    });
    deps.emit({ type: 'restarting', service: spec.name, attempt: decision.attempt, maxRetries: spec.restart.maxRetries, delayMs: decision.delayMs });
  }
}
