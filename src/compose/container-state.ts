/** A container's state as `docker inspect` / `podman inspect` report it, and what it means for readiness. */
import { asRecord, parseJsonObject } from '../files/json-state.js';

/** The fields of .State tovrun reads. */
export interface ContainerState {
  /** running, created, restarting, exited, dead, paused (podman: also configured, stopped). */
  status: string;
  /** healthy, unhealthy or starting; null when the container has no healthcheck. */
  health: string | null;
  exitCode: number | null;
}

/** Where a container stands: ready (healthy, or running without a healthcheck), still coming up, or failed. */
export type ContainerReadiness = { kind: 'ready'; how: 'healthy' | 'running' } | { kind: 'waiting'; status: string } | { kind: 'failed'; reason: string };

/** Parses one `{{json .State}}` line; null when it is not one. Reads podman's older Healthcheck key as well. */
export function parseStateLine(line: string): ContainerState | null {
  const state = parseJsonObject(line);
  if (typeof state?.Status !== 'string') return null;
  const health = asRecord(state.Health ?? state.Healthcheck) ?? {};
  const healthStatus = typeof health.Status === 'string' && health.Status !== '' ? health.Status : null;
  return { status: state.Status.toLowerCase(), health: healthStatus, exitCode: typeof state.ExitCode === 'number' ? state.ExitCode : null };
}

/** What a container's state means for waiting on it. */
export function readinessOf(state: ContainerState): ContainerReadiness {
  if (state.status === 'running') {
    if (state.health === null) return { kind: 'ready', how: 'running' };
    if (state.health === 'healthy') return { kind: 'ready', how: 'healthy' };
    if (state.health === 'unhealthy') return { kind: 'failed', reason: 'is unhealthy (its healthcheck keeps failing)' };
    return { kind: 'waiting', status: `health: ${state.health}` };
  }
  if (state.status === 'exited' || state.status === 'dead' || state.status === 'stopped') {
    return { kind: 'failed', reason: `exited${state.exitCode === null ? '' : ` with code ${state.exitCode}`} before it was ready` };
  }
  return { kind: 'waiting', status: state.status };
}

/** The readiness of a service from its containers' (replicas'): failed if any failed, ready when all are. */
export function serviceReadiness(states: readonly ContainerState[]): ContainerReadiness {
  if (states.length === 0) return { kind: 'waiting', status: 'no container yet' };
  const each = states.map(readinessOf);
  const failed = each.find((item) => item.kind === 'failed');
  if (failed) return failed;
  const waiting = each.find((item) => item.kind === 'waiting');
  if (waiting) return waiting;
  return each.every((item) => item.kind === 'ready' && item.how === 'healthy') ? { kind: 'ready', how: 'healthy' } : { kind: 'ready', how: 'running' };
}
