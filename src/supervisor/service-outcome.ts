/** How a service's run ends: the `done` promise (a new one after a revive), the first launch settling, the last exit. */
import { constants } from 'node:os';
import { ExitCode } from '../errors.js';
import { exitCodeFor, type ProcessExit } from './restart-policy.js';
import type { ServiceResult } from './types.js';

/** What a runner reports of its service's ending; the runner's state says when it has ended. */
export class ServiceOutcome {
  /** The last process's exit, or null while none has exited. */
  lastExit: ProcessExit | null = null;
  /** Why the last launch could not start a process ("folder … does not exist"), or null when it did. */
  startError: string | null = null;
  private donePromise!: Promise<ServiceResult>;
  private resolveDone!: (result: ServiceResult) => void;
  private settleFirstLaunch!: () => void;
  /** Resolves once the first launch has started the process or failed (panes may take a moment to open). */
  readonly firstLaunch = new Promise<void>((resolve) => (this.settleFirstLaunch = resolve));

  /** The outcome of the service called name, not ended yet. */
  constructor(private readonly name: string) {
    this.resetDone();
  }

  /** Resolves when the service has stopped for good. */
  get done(): Promise<ServiceResult> {
    return this.donePromise;
  }

  /** Settles firstLaunch (later calls do nothing). */
  launchSettled(): void {
    this.settleFirstLaunch();
  }

  /** Resolves done with how the service ended: exit code 0 unless failed. */
  end(exit: ProcessExit | null, failed: boolean, restarts: number): void {
    // A launch that started no process has no exit of its own: it is a failed service (1), never a shell's 127.
    const code = !failed ? 0 : exit ? exitCodeFor(exit, constants.signals) : ExitCode.failed;
    this.resolveDone({ name: this.name, exit, failed, restarts, code });
  }

  /** For a revive: done becomes a new promise and the last launch's failure is forgotten. */
  reopen(): void {
    this.resetDone();
    this.startError = null;
  }

  private resetDone(): void {
    this.donePromise = new Promise((resolve) => (this.resolveDone = resolve));
  }
}
