/** The restart policy: whether a service that exited starts again, and after how long (exponential backoff). */
import type { ProcessExit } from '../os/launcher.js';
import type { RestartPolicy } from '../workspace/types.js';

/** How a service's process ended (defined in os/launcher.ts, under both supervisor and panes). */
export type { ProcessExit };

/** The longest wait between two restarts. */
export const maxBackoffMs = 30_000;

/** Whether an exit counts as a failure: a non-zero code or death by a signal tovrun did not send. */
export function isFailure(exit: ProcessExit): boolean {
  return exit.signal !== null || (exit.code !== null && exit.code !== 0);
}

/** The wait before the given restart (1-based): backoff, doubled each time, capped at maxBackoffMs. */
export function restartDelayMs(policy: RestartPolicy, attempt: number): number {
  return Math.min(maxBackoffMs, policy.backoffMs * 2 ** Math.max(0, attempt - 1));
}

/** What to do after an unrequested exit, given how many restarts already happened. */
export type RestartDecision = { restart: true; attempt: number; delayMs: number } | { restart: false; gaveUp: boolean };

/** Decides whether to restart: only on-failure policies, only failures, only while under maxRetries. */
export function decideRestart(policy: RestartPolicy, exit: ProcessExit, restartsSoFar: number): RestartDecision {
  if (policy.policy !== 'on-failure' || !isFailure(exit)) return { restart: false, gaveUp: false };
  if (restartsSoFar >= policy.maxRetries) return { restart: false, gaveUp: policy.maxRetries > 0 };
  const attempt = restartsSoFar + 1;
  return { restart: true, attempt, delayMs: restartDelayMs(policy, attempt) };
}

/** The exit code that stands for an exit: its code, or 128 + the signal number. */
export function exitCodeFor(exit: ProcessExit, signalNumbers: Readonly<Partial<Record<NodeJS.Signals, number>>>): number {
  if (exit.code !== null) return exit.code;
  const number = exit.signal === null ? undefined : signalNumbers[exit.signal];
  return number === undefined ? 1 : 128 + number;
}
