/** tovrun's own wait for compose services: poll container ids and states until each is healthy (or running). */

import { formatSeconds } from '../text/seconds.js';
import type { ComposeClient } from './client.js';
import { type ContainerReadiness, serviceReadiness } from './container-state.js';
import { ComposeHealthError } from './errors.js';

/** The clock and the pause between polls (injected so tests need no real time). */
export interface WaitClock {
  now(): number;
  /** Resolves after ms, or at once when signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** Options of waitHealthy. */
export interface WaitHealthyOptions {
  timeoutMs: number;
  pollMs: number;
  clock: WaitClock;
  /** Aborting ends the wait early (Ctrl-C); waitHealthy then resolves with false. */
  signal: AbortSignal;
  /** Called once per service as it becomes ready, with the ids of its containers. */
  onReady(service: string, how: 'healthy' | 'running', ids: string[]): void;
}

/** Polls each pending service once: its container ids (looked up until found) and their states. */
async function pollService(client: ComposeClient, service: string, known: Map<string, string[]>): Promise<ContainerReadiness> {
  let ids = known.get(service) ?? [];
  if (ids.length === 0) ids = await client.containerIds(service);
  const states = await client.states(ids);
  if (states === null) {
    // A container went away (recreated): look its ids up again next time.
    known.delete(service);
    return { kind: 'waiting', status: 'being recreated' };
  }
  known.set(service, ids);
  return serviceReadiness(states);
}

/**
 * Waits until every service is ready; true when all are, false when aborted. A service that fails (exits, turns
 * unhealthy) or is not ready within the timeout rejects with a ComposeHealthError quoting its last log lines.
 */
export async function waitHealthy(client: ComposeClient, services: readonly string[], options: WaitHealthyOptions): Promise<boolean> {
  const { clock, signal } = options;
  const deadline = clock.now() + options.timeoutMs;
  const pending = new Set(services);
  const known = new Map<string, string[]>();
  const last = new Map<string, string>();
  while (pending.size > 0) {
    if (signal.aborted) return false;
    const results = await Promise.all([...pending].map(async (service) => [service, await pollService(client, service, known)] as const));
    if (signal.aborted) return false;
    for (const [service, readiness] of results) {
      if (readiness.kind === 'ready') {
        pending.delete(service);
        options.onReady(service, readiness.how, known.get(service) ?? []);
      } else if (readiness.kind === 'failed') {
        throw new ComposeHealthError(service, readiness.reason, await client.lastLogLines(service), false, options.timeoutMs);
      } else {
        last.set(service, readiness.status);
      }
    }
    if (pending.size === 0) break;
    if (clock.now() >= deadline) {
      const [service, ...others] = [...pending] as [string, ...string[]];
      const also = others.length > 0 ? `; still waiting for ${others.join(', ')} too` : '';
      const reason = `was not healthy within ${formatSeconds(options.timeoutMs)} (${last.get(service) ?? 'no container yet'}${also})`;
      throw new ComposeHealthError(service, reason, await client.lastLogLines(service), true, options.timeoutMs);
    }
    await clock.sleep(Math.min(options.pollMs, Math.max(0, deadline - clock.now())), signal);
  }
  return true;
}
