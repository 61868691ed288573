/** `tovrun wait`: whether the named services are all ready, one can no longer become ready, or it is too early to say. */
import { describeExit } from '../os/describe-exit.js';
import type { RunStatus, ServiceStatus } from './service-status.js';

/** What waiting has come to: all ready, one failed (with why), some unknown to the running tovrun, or still waiting (with the services not ready). */
export type WaitVerdict =
  | { kind: 'ready'; services: ServiceStatus[] }
  | { kind: 'failed'; service: string; reason: string }
  | { kind: 'unknown'; names: string[]; known: string[] }
  | { kind: 'pending'; waiting: string[] };

/** Why a service in this state will not become ready without someone's help; null while it still may. */
function endedReason(service: ServiceStatus): string | null {
  const exit = service.lastExit ? ` (it ${describeExit(service.lastExit)})` : '';
  if (service.state === 'failed') return `failed${exit}`;
  if (service.state === 'exited') return `has exited${exit}`;
  if (service.state === 'stopped') return 'is stopped (`tovrun start` starts it again)';
  return null;
}

/** The verdict for names (all of the run's services when none are named) on one status. */
export function waitVerdict(status: RunStatus, names: readonly string[]): WaitVerdict {
  const known = status.services.map((service) => service.name);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) return { kind: 'unknown', names: unknown, known };
  const chosen = names.length === 0 ? status.services : status.services.filter((service) => names.includes(service.name));
  for (const service of chosen) {
    const reason = endedReason(service);
    if (reason !== null) return { kind: 'failed', service: service.name, reason };
  }
  const waiting = chosen.filter((service) => !(service.ready && service.state === 'running')).map((service) => service.name);
  // With no names, the run as a whole must have been ready once (its services may not all be launched yet).
  if (waiting.length === 0 && (names.length > 0 || status.ready)) return { kind: 'ready', services: chosen };
  return { kind: 'pending', waiting: waiting.length > 0 ? waiting : ['the run'] };
}
