/** Where one service is in its life: one state field, a documented table of the moves it may make, one method to move. */

/**
 * Where a service is in its life, as `tovrun status` shows it. Readiness is not a state of its own: a running service
 * shows READY yes once its current process passed its probe ("ready" = running and ready).
 */
export type ServiceState =
  /** Not launched yet: waiting for the services it depends on. */
  | 'waiting'
  /** Being launched: no process yet. */
  | 'starting'
  /** Its process runs (see the ready flag for its probe). */
  | 'running'
  /** Waiting out the backoff after a crash, or being replaced by `tovrun restart` (old process stopping or new one launching). */
  | 'restarting'
  /** tovrun is stopping it (for the run's end, or on request). */
  | 'stopping'
  /** Stopped on request (`s` in the terminal UI, `tovrun stop`): no process, not ended; started again on request. */
  | 'stopped'
  /** Ended for good without a failure (or stopped by tovrun). */
  | 'exited'
  /** Ended for good with a failure (a crash the policy does not restart, or a launch that started no process). */
  | 'failed';

/** Every move a service may make, and why; any other move is a bug and is refused. */
export const serviceTransitions: Readonly<Record<ServiceState, readonly ServiceState[]>> = {
  // launched once its dependencies are met; skipped (a dependency failed) or stopped before it was launched.
  waiting: ['starting', 'exited'],
  // its process runs; replaced or stopped while launching; the launch started no process.
  starting: ['running', 'restarting', 'stopping', 'failed'],
  // replaced, or crashed with a restart scheduled; stopped; ended on its own.
  running: ['restarting', 'stopping', 'exited', 'failed'],
  // backoff over or old process gone: launch again; stopped while replacing; stopped during the backoff (failed: it
  // crashed; stopped when the user asked) or the replacement's launch started no process.
  restarting: ['starting', 'stopping', 'stopped', 'failed'],
  // its process ended (failed when it had crashed on its own before the stop reached it; stopped when the user asked
  // to stop this service alone).
  stopping: ['exited', 'failed', 'stopped'],
  // started again on request; ended when the run stops.
  stopped: ['starting', 'exited'],
  // revived by `tovrun restart`.
  exited: ['starting'],
  failed: ['starting'],
};

/** A move the table does not allow: a bug in the runner, never a user's mistake. */
export class ServiceTransitionError extends Error {
  /** Names the service and both states. */
  constructor(
    readonly service: string,
    readonly from: ServiceState,
    readonly to: ServiceState,
  ) {
    super(`${service} cannot go from ${from} to ${to}.`);
    this.name = 'ServiceTransitionError';
  }
}

/** The one state field of a service, changed only by moveTo; remembers whether the service was ever launched. */
export class ServiceLifecycle {
  private current: ServiceState = 'waiting';
  private launchedOnce = false;

  /** Starts in 'waiting'. */
  constructor(readonly service: string) {}

  /** Where the service is now. */
  get state(): ServiceState {
    return this.current;
  }

  /** Whether it left 'waiting' at least once (false when it was skipped or stopped before its launch). */
  get launched(): boolean {
    return this.launchedOnce;
  }

  /** Whether it ended for good (until a revive). */
  get ended(): boolean {
    return this.current === 'exited' || this.current === 'failed';
  }

  /** Whether the table allows moving from the current state to next. */
  canMoveTo(next: ServiceState): boolean {
    return serviceTransitions[this.current].includes(next);
  }

  /** Moves to next; throws a ServiceTransitionError (state unchanged) when the table does not allow it. */
  moveTo(next: ServiceState): void {
    if (!this.canMoveTo(next)) throw new ServiceTransitionError(this.service, this.current, next);
    if (next === 'starting') this.launchedOnce = true;
    this.current = next;
  }
}
