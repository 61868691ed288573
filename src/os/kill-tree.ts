/**
 * Stopping a whole process tree, graceful first and forced after a grace period: the process group's SIGTERM then
 * SIGKILL on POSIX; on Windows `taskkill /T` then `taskkill /T /F`. Windows has no SIGTERM: Node's process.kill ends
 * a process outright there for 'SIGTERM', 'SIGINT' and 'SIGKILL' alike (Node: "process.kill", "Signal events",
 * https://nodejs.org/api/process.html#signal-events), and a console Ctrl-Break (GenerateConsoleCtrlEvent) is out of
 * Node's reach. taskkill without /F asks each process to close; with /F it ends them (Microsoft: "taskkill",
 * https://learn.microsoft.com/windows-server/administration/windows-commands/taskkill).
 */
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

/** The taskkill arguments for a process and all its descendants: a request to close (graceful), or /F to end them (forced). */
export function taskkillArgs(pid: number, forced: boolean): string[] {
  return ['/T', ...(forced ? ['/F'] : []), '/PID', String(pid)];
}

/**
 * Signals a whole tree: its process group on POSIX (never the bare pid, which may be reused once the group is empty),
 * taskkill on Windows (SIGTERM: without /F; SIGKILL: /F). When taskkill /T fails, the root alone is asked again: /T
 * fails as a whole when one process of the tree cannot be ended, and Wine's taskkill has no /T at all.
 */
export async function signalTree(host: Host, tree: ProcessTree, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (host.platform !== 'win32') {
    host.signal(tree.pgid === null ? tree.pid : -tree.pgid, signal);
    return;
  }
  const forced = signal === 'SIGKILL';
  const result = await host.exec('taskkill', taskkillArgs(tree.pid, forced));
  if (result.code !== 0)
    await host.exec(
      'taskkill',
      taskkillArgs(tree.pid, forced).filter((arg) => arg !== '/T'),
    );
}

/**
 * Starts killing a tree at once, by means that outlive the caller: for a process about to exit. POSIX: the group's
 * SIGKILL, sent before this returns. Windows: a detached `taskkill /T /F`, since libuv puts every child that is not
 * detached into a job object created with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, so a plain child taskkill would be killed
 * with the exiting process before it did its work (libuv: src/win/process.c, uv__init_global_job_handle; Node:
 * "options.detached", https://nodejs.org/api/child_process.html#optionsdetached).
 */
export function startTreeKill(host: Host, tree: ProcessTree): void {
  if (host.platform !== 'win32') {
    host.signal(tree.pgid === null ? tree.pid : -tree.pgid, 'SIGKILL');
    return;
  }
  try {
    const child = host.spawn('taskkill', taskkillArgs(tree.pid, true), { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // Nothing more can be done by a process that is exiting.
  }
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
