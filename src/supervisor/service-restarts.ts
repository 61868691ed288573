/** A service's restarts: how many after crashes (the policy's attempts) and on request, the recent failures, and the backoff pending between. */
import type { RestartPolicy } from '../workspace/types.js';
import { decideRestart, failuresWithin, isFailure, type ProcessExit, type RestartDecision } from './restart-policy.js';

/** Counts a runner's restarts and holds its one backoff timer; the runner's state says what the restart means. */
export class ServiceRestarts {
  private crashes = 0;
  private requested = 0;
  /** When the failed exits within the crash window happened (ms). */
  private failures: number[] = [];
  private timer: NodeJS.Timeout | null = null;

  /** Restarts under the service's policy. */
  constructor(private readonly policy: RestartPolicy) {}

  /** Restarts after crashes since the last revive: what `done` and the 'gave-up' event report. */
  get afterCrashes(): number {
    return this.crashes;
  }

  /** Every restart, after crashes and on request: what status and the 'started' event report. */
  get total(): number {
    return this.crashes + this.requested;
  }

  /** Whether a restart after a crash is waiting out its backoff now. */
  get pending(): boolean {
    return this.timer !== null;
  }

  /** Counts a restart asked for with `tovrun restart`. */
  countRequested(): void {
    this.requested++;
  }

  /** The failed exits within the crash window, as of the last decide(). */
  get recentFailures(): number {
    return this.failures.length;
  }

  /** What the policy says about an exit tovrun did not ask for at time now (ms); a restart it grants is counted at once. */
  decide(exit: ProcessExit, now: number): RestartDecision {
    if (isFailure(exit)) this.failures = [...failuresWithin(this.failures, this.policy.crashWindowMs, now), now];
    const decision = decideRestart(this.policy, exit, this.crashes, Math.max(1, this.failures.length));
    if (decision.restart) this.crashes = decision.attempt;
    return decision;
  }

  /** Calls relaunch once delayMs passed, unless cancel() comes first. */
  schedule(delayMs: number, relaunch: () => void): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      relaunch();
    }, delayMs);
  }

  /** Drops the pending backoff, if any. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A revive counts crashes afresh and forgets the crash window (restarts on request keep adding up). */
  resetCrashes(): void {
    this.crashes = 0;
    this.failures = [];
  }
}
