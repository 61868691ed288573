/** Stopping a whole process tree: the process group on POSIX, `taskkill /T /F` on Windows; graceful first, forced after a grace period. */
import type { Host } from './host.js';
import { isGroupAlive, isProcessAlive } from './process-table.js';

/** A process and (on POSIX) the group it leads. */
export interface ProcessTree {
  pid: number;
  /** The process group (the pid of its leader); null on Windows. */
  pgid: number | null;
}

/** How a tree ended: it was already gone, it left after the graceful signal, or it had to be killed. */
export type TreeStopResult = 'gone' | 'graceful' | 'forced';

/** The taskkill arguments that end a process and all its descendants at once. */
export function taskkillArgs(pid: number): string[] {
  return ['/T', '/F', '/PID', String(pid)];
}

/** Signals a whole tree: its process group on POSIX (never the bare pid, which may be reused once the group is empty), taskkill on Windows (always forced there). */
export async function signalTree(host: Host, tree: ProcessTree, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (host.platform === 'win32') await host.exec('taskkill', taskkillArgs(tree.pid));
  else host.signal(tree.pgid === null ? tree.pid : -tree.pgid, signal);
}

/** Whether any process of the tree still runs: a live group member on POSIX, the root pid on Windows. */
export function treeAlive(host: Host, tree: ProcessTree): Promise<boolean> {
  if (host.platform !== 'win32' && tree.pgid !== null) return isGroupAlive(host, tree.pgid);
  return isProcessAlive(host, tree.pid);
}

/** Options of terminateTree. */
export interface TerminateOptions {
  /** How long the tree may take to leave after the graceful signal. */
  graceMs: number;
  /** Aborting skips the rest of the grace period and kills at once. */
  force?: AbortSignal;
  /** Whether the tree still runs; defaults to treeAlive. */
  alive?: () => Promise<boolean>;
}

const pollMs = 20;
const afterKillMs = 3_000;

async function waitUntilGone(host: Host, alive: () => Promise<boolean>, ms: number, abort?: AbortSignal): Promise<boolean> {
  const deadline = host.now() + ms;
  for (;;) {
    if (!(await alive())) return true;
    if (host.now() >= deadline || abort?.aborted) return false;
    await host.sleep(Math.min(pollMs, Math.max(0, deadline - host.now())), abort);
  }
}

/** Sends the graceful signal, waits up to graceMs (or until forced), then SIGKILLs what is left. */
export async function terminateTree(host: Host, tree: ProcessTree, options: TerminateOptions): Promise<TreeStopResult> {
  const alive = options.alive ?? (() => treeAlive(host, tree));
  if (!(await alive())) return 'gone';
  const graceful = !options.force?.aborted;
  if (graceful) {
    await signalTree(host, tree, 'SIGTERM');
    if (await waitUntilGone(host, alive, options.graceMs, options.force)) return 'graceful';
  }
  await signalTree(host, tree, 'SIGKILL');
  await waitUntilGone(host, alive, afterKillMs);
  return 'forced';
}
