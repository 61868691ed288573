/** The restart policy: whether a service that exited starts again, after how long (exponential backoff), and when a crash loop ends it. */
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

/** What to do after an unrequested exit; crashLoop is true when the service failed crashLimit times within crashWindowMs. */
export type RestartDecision = { restart: true; attempt: number; delayMs: number } | { restart: false; gaveUp: boolean; crashLoop: boolean };

/**
 * Decides whether to restart: only on-failure policies, only failures, while under maxRetries and while fewer than
 * crashLimit failures fell within the crash window. recentFailures counts the failures within the window, this one
 * included (restartsSoFar + 1 when the caller keeps no times); the backoff doubles with them, so a service that ran
 * longer than the window waits the first backoff again.
 */
export function decideRestart(policy: RestartPolicy, exit: ProcessExit, restartsSoFar: number, recentFailures = restartsSoFar + 1): RestartDecision {
  if (policy.policy !== 'on-failure' || !isFailure(exit)) return { restart: false, gaveUp: false, crashLoop: false };
  if (recentFailures >= policy.crashLimit) return { restart: false, gaveUp: true, crashLoop: true };
  if (restartsSoFar >= policy.maxRetries) return { restart: false, gaveUp: policy.maxRetries > 0, crashLoop: false };
  return { restart: true, attempt: restartsSoFar + 1, delayMs: restartDelayMs(policy, recentFailures) };
}

/** The failure times (ms) of times that fall within the window ending at now. */
export function failuresWithin(times: readonly number[], windowMs: number, now: number): number[] {
  return times.filter((time) => now - time <= windowMs);
}

/** The exit code that stands for an exit: its code, or 128 + the signal number. */
export function exitCodeFor(exit: ProcessExit, signalNumbers: Readonly<Partial<Record<NodeJS.Signals, number>>>): number {
  if (exit.code !== null) return exit.code;
  const number = exit.signal === null ? undefined : signalNumbers[exit.signal];
  return number === undefined ? 1 : 128 + number;
}
