/** Which compose services a run owns (stops at exit), and whether another tovrun is using them right now. */
import { FailedError } from '../errors.js';
import type { Host } from '../os/host.js';
import { processIdentity, provenSameProcess, sameProcess } from '../os/process-table.js';
import type { ComposeState } from './state.js';

/**
 * The services a run stops at exit: those that were not running before it, and those a crashed earlier run (one that
 * did not pass --keep and is gone now) left running. Services the user started by hand, or kept with --keep, stay.
 */
export function servicesToOwn(services: readonly string[], runningBefore: ReadonlySet<string>, previous: ComposeState | null): string[] {
  const crashed = previous?.owner && !previous.owner.keep ? new Set(previous.services) : new Set<string>();
  return services.filter((service) => !runningBefore.has(service) || crashed.has(service));
}

/** A live process that looks like the recorded owner; proven only when its start time matches the recorded one. */
export interface LiveComposeOwner {
  pid: number;
  /** Whether it may be signalled: a matching command line alone is a guess, never proof. */
  proven: boolean;
}

/** Another tovrun that seems to be using the recorded services, or null (none recorded, ourselves, or gone). */
export async function liveComposeOwner(host: Host, state: ComposeState | null): Promise<LiveComposeOwner | null> {
  const owner = state?.owner;
  if (!owner || owner.pid === host.pid) return null;
  const current = await processIdentity(host, owner.pid);
  return current && sameProcess(owner, current) ? { pid: owner.pid, proven: provenSameProcess(owner, current) } : null;
}

/** Throws when another tovrun is using this workspace's compose services (a second run would stop them under it). */
export async function refuseLiveComposeOwner(host: Host, state: ComposeState | null): Promise<void> {
  const owner = await liveComposeOwner(host, state);
  if (owner !== null)
    throw new FailedError(
      `tovrun is already running in this workspace with compose services (pid ${owner.pid}).`,
      'Stop it with Ctrl-C in its terminal, or run `tovrun down`.',
    );
}
