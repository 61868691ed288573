/** Starts each service once its depends_on are met (or skips it when one fails), and settles what its own dependents wait for. */

import { describeExit } from '../os/describe-exit.js';
import type { ReadyService } from '../workspace/types.js';
import { blockedDependents, type DependencyWait, Milestones, waitForDependencies } from './dependencies.js';
import type { SupervisorEvent } from './events.js';
import { ReadinessError, StartError } from './readiness-error.js';
import type { ProcessExit } from './restart-policy.js';
import type { ServiceRunner } from './service-runner.js';

/** What the gates need from the supervisor. */
export interface GateDeps {
  emit(event: SupervisorEvent): void;
  /** Whether the run is stopping (a dependency that ends then is "stopped", not "failed"). */
  stopping(): boolean;
}

/** Why a service that ended never met "started": it could not start (and why), or its process is gone. */
function startedFailure(startFailure: string | null, exit: ProcessExit | null): string {
  if (startFailure !== null) return `could not start: ${startFailure}`;
  return `could not be started (${exit ? describeExit(exit) : 'no process'})`;
}

/** The depends_on gates of one run. */
export class DependencyGates {
  private readonly milestones = new Map<string, Milestones>();

  constructor(private readonly deps: GateDeps) {}

  /** Registers a service; every service of a start() is added before any gate opens. */
  add(name: string): void {
    this.milestones.set(name, new Milestones());
  }

  /** Starts the runner now when it depends on nothing, else once its dependencies are met; skips it when one fails. */
  open(runner: ServiceRunner): Promise<DependencyWait> {
    const { spec } = runner;
    const dependsOn = spec.dependsOn ?? {};
    if (Object.keys(dependsOn).length === 0) {
      runner.start();
      return Promise.resolve({ kind: 'met' });
    }
    this.deps.emit({ type: 'waiting', service: spec.name, dependsOn });
    return waitForDependencies(dependsOn, (name) => this.of(name)).then((wait) => {
      if (wait.kind === 'met') {
        runner.start();
        return wait;
      }
      if (wait.kind === 'failed' && !this.deps.stopping())
        this.deps.emit({ type: 'not-started', service: spec.name, dependency: wait.dependency, condition: wait.condition, reason: wait.reason });
      this.of(spec.name).settleAll(wait.kind === 'failed' ? { kind: 'failed', reason: `was not started (${wait.dependency} ${wait.reason})` } : wait);
      runner.skip();
      return wait;
    });
  }

  /** The service's first process was spawned: its "started" dependents may start. */
  spawned(name: string): void {
    this.of(name).settle('started', { kind: 'met' });
  }

  /** Settles "started" when the service ended before spawning, and "healthy" with its first readiness wait. */
  watch(runner: ServiceRunner, ready: Promise<ReadyService | null>): void {
    const milestones = this.of(runner.spec.name);
    void runner.done.then(({ exit }) =>
      milestones.settle('started', this.deps.stopping() ? { kind: 'stopped' } : { kind: 'failed', reason: startedFailure(runner.startFailure, exit) }),
    );
    ready.then(
      (result) => milestones.settle('healthy', result ? { kind: 'met' } : { kind: 'stopped' }),
      (error: unknown) =>
        milestones.settle('healthy', { kind: 'failed', reason: error instanceof ReadinessError || error instanceof StartError ? error.reason : String(error) }),
    );
  }

  /** The services left unstarted because `name` did not become ready (for its ReadinessError). */
  blockedBy(name: string, runners: readonly ServiceRunner[]): string[] {
    const waiting = (other: string) => runners.some((runner) => runner.spec.name === other && !runner.hasStarted && !runner.hasFinished);
    return blockedDependents(
      name,
      this.of(name).spawned,
      runners.map((runner) => runner.spec),
      waiting,
    );
  }

  private of(name: string): Milestones {
    return this.milestones.get(name) as Milestones;
  }
}
