/** What happens to services during a run, as events, and the short line tovrun prints for each. */

import { describeExit } from '../os/describe-exit.js';
import type { DependencyCondition } from '../plan/launch-spec.js';
import { formatSeconds } from '../text/seconds.js';
import { describeProbe } from '../workspace/describe-probe.js';
import type { Probe } from '../workspace/types.js';
import { describeDependencies } from './dependencies.js';
import type { ProcessExit } from './restart-policy.js';

/** One thing that happened to a service. */
export type SupervisorEvent =
  | { type: 'started'; service: string; pid: number; restarts: number }
  | { type: 'spawn-failed'; service: string; message: string }
  | { type: 'exited'; service: string; exit: ProcessExit; requested: boolean }
  | { type: 'forced'; service: string; graceMs: number }
  | { type: 'restarting'; service: string; attempt: number; maxRetries: number; delayMs: number }
  | { type: 'gave-up'; service: string; restarts: number; crashLoop?: { failures: number; windowMs: number }; lastLines?: readonly string[] }
  | { type: 'probe-fallback'; service: string; from: Probe; to: Probe }
  | { type: 'ready'; service: string; readyMs: number; url: string | null }
  | { type: 'restart-requested'; service: string; reason?: string }
  | { type: 'stop-requested'; service: string }
  | { type: 'start-requested'; service: string }
  | { type: 'not-ready'; service: string; reason: string }
  | { type: 'waiting'; service: string; dependsOn: Readonly<Record<string, DependencyCondition>> }
  | { type: 'not-started'; service: string; dependency: string; condition: DependencyCondition; reason: string };

/** The line tovrun prints about an event (beside the service's name). */
export function describeEvent(event: SupervisorEvent): string {
  switch (event.type) {
    case 'started':
      return event.restarts === 0 ? `started (pid ${event.pid})` : `started again (pid ${event.pid}, restart ${event.restarts})`;
    case 'spawn-failed':
      return `could not start: ${event.message}`;
    case 'exited':
      return event.requested ? 'stopped' : describeExit(event.exit);
    case 'forced':
      return `did not stop within ${formatSeconds(event.graceMs)}; killed its process tree`;
    case 'restarting':
      return `restarting in ${formatSeconds(event.delayMs)} (attempt ${event.attempt} of ${event.maxRetries})`;
    case 'gave-up': {
      const loop = event.crashLoop ? `: it failed ${event.crashLoop.failures} times within ${formatSeconds(event.crashLoop.windowMs)} (a crash loop)` : '';
      return `gave up after ${event.restarts} restart${event.restarts === 1 ? '' : 's'}${loop}`;
    }
    case 'probe-fallback':
      return `${describeProbe(event.from)} answered 404; waiting for ${describeProbe(event.to)} instead`;
    case 'ready':
      return `ready in ${formatSeconds(event.readyMs)}${event.url ? ` at ${event.url}` : ''}`;
    case 'restart-requested':
      return `restarting (${event.reason ?? 'requested with `tovrun restart`'})`;
    case 'stop-requested':
      return 'stopping (requested; its dependents keep running)';
    case 'start-requested':
      return 'starting again (requested)';
    case 'not-ready':
      return `is not ready: it ${event.reason}`;
    case 'waiting':
      return `waiting for ${describeDependencies(event.dependsOn)}`;
    case 'not-started':
      return `not started: it needs ${event.dependency} ${event.condition}, and ${event.dependency} ${event.reason}`;
  }
}

/** The lines tovrun prints under an event's line: a service that gave up shows its last lines (plain text). */
export function eventDetails(event: SupervisorEvent): string[] {
  if (event.type !== 'gave-up' || !event.lastLines || event.lastLines.length === 0) return [];
  return ['its last lines:', ...event.lastLines.map((line) => `  ${line}`)];
}
