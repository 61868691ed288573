/**
 * Stopping a set of Windows processes each proved by its start time, graceful first: `taskkill /PID …` asks each to
 * close, `taskkill /F /PID …` ends those still running with their recorded start time after the grace period
 * (Microsoft: "taskkill", https://learn.microsoft.com/windows-server/administration/windows-commands/taskkill). Each
 * pid is named on its own, never with /T: a tree walk by parent id would reach processes nobody proved.
 */
import type { Host } from './host.js';
import type { TreeStopResult } from './kill-tree.js';
import { listProcessLinks, liveDescendants, type ProcessLink, type ProcessMark, stillRunning } from './windows-processes.js';

const pollMs = 100;
const afterKillMs = 3_000;

/** The taskkill arguments naming each pid: forced with /F, else a request to close. */
export function taskkillPidArgs(pids: readonly number[], forced: boolean): string[] {
  return [...(forced ? ['/F'] : []), ...pids.flatMap((pid) => ['/PID', String(pid)])];
}

/** The marks that still run with their start time, with the live descendants they started since (proved the same way). */
export function provenNow(links: readonly ProcessLink[], marks: readonly ProcessMark[]): ProcessMark[] {
  const running = marks.flatMap((mark) => stillRunning(links, mark) ?? []);
  return [...running, ...liveDescendants(links, running)];
}

async function waitUntilGone(host: Host, pids: readonly number[], ms: number): Promise<boolean> {
  const deadline = host.now() + ms;
  for (;;) {
    // signal 0 only asks whether a pid runs (libuv's uv_kill); the forced step proves each pid again before it kills.
    if (!pids.some((pid) => host.signal(pid, 0))) return true;
    if (host.now() >= deadline) return false;
    await host.sleep(Math.min(pollMs, Math.max(0, deadline - host.now())));
  }
}

/** Asks the proved processes to close, waits up to graceMs, then ends with /F those still running with their start time. */
export async function terminateMarked(host: Host, marks: readonly ProcessMark[], graceMs: number): Promise<TreeStopResult> {
  if (marks.length === 0) return 'gone';
  const pids = marks.map((mark) => mark.pid);
  await host.exec('taskkill', taskkillPidArgs(pids, false));
  if (await waitUntilGone(host, pids, graceMs)) return 'graceful';
  const links = await listProcessLinks(host);
  const left = (links ? provenNow(links, marks) : []).map((mark) => mark.pid);
  if (left.length === 0) return 'graceful';
  await host.exec('taskkill', taskkillPidArgs(left, true));
  await waitUntilGone(host, left, afterKillMs);
  return 'forced';
}
