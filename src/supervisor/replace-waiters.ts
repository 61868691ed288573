/** Callers of a requested restart, waiting for the new process (or the reason there is none). */
import type { LaunchedProcess } from '../os/launcher.js';

/** A list of pending promises settled together when the next process runs or cannot start. */
export class ReplaceWaiters {
  private pending: { resolve(process: LaunchedProcess): void; reject(error: Error): void }[] = [];

  /** A promise settled by the next resolveAll or rejectAll. */
  add(): Promise<LaunchedProcess> {
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  }

  /** Resolves every waiting caller with the new process. */
  resolveAll(process: LaunchedProcess): void {
    for (const waiter of this.pending.splice(0)) waiter.resolve(process);
  }

  /** Rejects every waiting caller. */
  rejectAll(error: Error): void {
    for (const waiter of this.pending.splice(0)) waiter.reject(error);
  }
}
