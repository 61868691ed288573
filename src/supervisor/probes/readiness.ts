/** Waiting until a service is ready: polls its probe (HTTP, TCP) or watches its output (log), with a timeout and a 404 fallback. */

import { Waker } from '../../os/delay.js';
import type { Probe } from '../../workspace/types.js';
import type { ProcessExit } from '../restart-policy.js';
import { type CheckResult, networkChecks, type ProbeChecks } from './checks.js';

/** How waiting for readiness ended. */
export type ReadinessResult =
  | { kind: 'ready'; probe: Probe; readyMs: number }
  | { kind: 'timeout'; probe: Probe; waitedMs: number }
  | { kind: 'exited'; exit: ProcessExit }
  | { kind: 'invalid'; message: string }
  | { kind: 'aborted' };

/** What readiness needs to know about the service it watches. */
export interface ReadinessOptions {
  probe: Probe;
  fallback: Probe | null;
  /** Subscribes to the service's output lines (ANSI removed); returns the unsubscribe. */
  subscribeLines(listener: (line: string) => void): () => void;
  /** Resolves when the service has stopped for good (no restart will follow). */
  stopped: Promise<ProcessExit>;
  /** Aborted when the run is stopping. */
  signal: AbortSignal;
  now(): number;
  onFallback?(from: Probe, to: Probe): void;
  checks?: ProbeChecks;
  /** The longest wait between two checks (50 ms by default; the first checks come sooner, see pollDelayMs). */
  pollMs?: number;
}

const attemptTimeoutMs = 2_000;

/**
 * How long to wait before the next check: 10 ms at first, growing by 1 ms every 25 ms waited up to maxMs (50 ms by
 * default) — a service that is up within a few hundred ms is seen at once, a slow one is not polled needlessly often.
 */
export function pollDelayMs(elapsedMs: number, maxMs = 50): number {
  return Math.min(maxMs, 10 + Math.floor(Math.max(0, elapsedMs) / 25));
}

function compile(pattern: string): RegExp | string {
  try {
    return new RegExp(pattern);
  } catch (error) {
    return `the log probe /${pattern}/ is not a valid regular expression (${(error as Error).message})`;
  }
}

function runCheck(probe: Probe, checks: ProbeChecks, remainingMs: number): Promise<CheckResult> {
  const timeout = Math.max(1, Math.min(attemptTimeoutMs, remainingMs));
  if (probe.kind === 'http') return checks.http(probe.url, timeout);
  if (probe.kind === 'tcp') return checks.tcp(probe.port, timeout);
  return Promise.resolve('not-ready');
}

/** Waits until the probe passes, the service stops for good, the timeout passes, or the run is aborted. */
export async function waitForReadiness(options: ReadinessOptions): Promise<ReadinessResult> {
  const started = options.now();
  const checks = options.checks ?? networkChecks;
  const waker = new Waker();
  let probe = options.probe;
  const seen: { exit: ProcessExit | null; matched: boolean; pattern: RegExp | null } = { exit: null, matched: false, pattern: null };
  void options.stopped.then((exit) => {
    seen.exit = exit;
    waker.wake();
  });
  const unsubscribe = options.subscribeLines((line) => {
    if (seen.pattern && !seen.matched && seen.pattern.test(line)) {
      seen.matched = true;
      waker.wake();
    }
  });
  try {
    for (;;) {
      if (probe.kind === 'none') return { kind: 'ready', probe, readyMs: options.now() - started };
      if (probe.kind === 'log' && !seen.pattern) {
        const compiled = compile(probe.pattern);
        if (typeof compiled === 'string') return { kind: 'invalid', message: compiled };
        seen.pattern = compiled;
      }
      if (options.signal.aborted) return { kind: 'aborted' };
      const remaining = started + probe.timeoutMs - options.now();
      const result: CheckResult = probe.kind === 'log' ? (seen.matched ? 'ready' : 'not-ready') : await runCheck(probe, checks, remaining);
      if (options.signal.aborted) return { kind: 'aborted' };
      const usingFallback = probe !== options.probe;
      if (result === 'ready' || (result === 'not-found' && (!options.fallback || usingFallback)))
        return { kind: 'ready', probe, readyMs: options.now() - started };
      if (result === 'not-found' && options.fallback) {
        options.onFallback?.(probe, options.fallback);
        probe = options.fallback;
        continue;
      }
      if (seen.exit) return { kind: 'exited', exit: seen.exit };
      if (options.now() - started >= probe.timeoutMs) return { kind: 'timeout', probe, waitedMs: options.now() - started };
      await waker.wait(Math.min(pollDelayMs(options.now() - started, options.pollMs), Math.max(1, started + probe.timeoutMs - options.now())), options.signal);
    }
  } finally {
    unsubscribe();
  }
}
