/**
 * `tovrun down` and a tovrun still running in the workspace: a stop request over its control socket (a named pipe on
 * Windows, where Node's process.kill cannot ask a process to stop but only ends it: https://nodejs.org/api/process.html#signal-events).
 * Asking needs no proof of who runs there: only a tovrun answers the control protocol, and it stops itself as on SIGTERM.
 */

import { readControlFile } from '../control/control-file.js';
import type { Host } from '../os/host.js';
import { isProcessAlive } from '../os/process-table.js';
import { answerTimeoutMs, requestStop } from './control/client.js';

/** How long a tovrun asked to stop may take beyond the grace period (the forced kill, compose, its panes; each taskkill under load). */
export const stopSlackMs = 30_000;

/** Whether pid has exited within ms (polled). */
export async function exitedWithin(host: Host, pid: number, ms: number): Promise<boolean> {
  const deadline = host.now() + ms;
  while (await isProcessAlive(host, pid)) {
    if (host.now() >= deadline) return false;
    await host.sleep(25);
  }
  return true;
}

/** What asking did: the pid of the tovrun that accepted the request, and whether it finished stopping in time. */
export interface StopAsked {
  pid: number;
  exited: boolean;
}

/**
 * Asks the tovrun recorded in .tovrun/control.json to stop and waits, at most waitMs, until it has (it closes the connection then);
 * null when none answers (or it is this process).
 */
export async function askRunningToStop(host: Host, stateDir: string, waitMs: number): Promise<StopAsked | null> {
  const record = readControlFile(stateDir);
  if (!record || record.pid === host.pid) return null;
  try {
    const outcome = await requestStop(stateDir, { timeoutMs: answerTimeoutMs, pid: record.pid, stoppedWithinMs: waitMs });
    return { pid: outcome.pid, exited: outcome.stopped };
  } catch {
    return null;
  }
}
