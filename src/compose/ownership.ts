/** Which compose services a run owns (stops at exit), and whether another tovrun is using them right now. */
import { FailedError } from '../errors.js';
import type { Host } from '../supervisor/host.js';
import { processIdentity, sameProcess } from '../supervisor/process-table.js';
import type { ComposeState } from './state.js';

/**
 * The services a run stops at exit: those that were not running before it, and those a crashed earlier run (one that
 * did not pass --keep and is gone now) left running. Services the user started by hand, or kept with --keep, stay.
 */
export function servicesToOwn(services: readonly string[], runningBefore: ReadonlySet<string>, previous: ComposeState | null): string[] {
  const crashed = previous?.owner && !previous.owner.keep ? new Set(previous.services) : new Set<string>();
  return services.filter((service) => !runningBefore.has(service) || crashed.has(service));
}

/** The pid of another tovrun still using the recorded services, or null (none recorded, ourselves, or gone). */
export async function liveComposeOwner(host: Host, state: ComposeState | null): Promise<number | null> {
  const owner = state?.owner;
  if (!owner || owner.pid === host.pid) return null;
  const current = await processIdentity(host, owner.pid);
  return current && sameProcess(owner, current) ? owner.pid : null;
}

/** Throws when another tovrun is using this workspace's compose services (a second run would stop them under it). */
export async function refuseLiveComposeOwner(host: Host, state: ComposeState | null): Promise<void> {
  const pid = await liveComposeOwner(host, state);
  if (pid !== null) throw new FailedError(`tovrun is already running in this workspace with compose services (pid ${pid}).`, 'Stop it with Ctrl-C in its terminal, or run `tovrun down`.');
}
