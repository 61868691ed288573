/**
 * The Windows process table as parent links with start times, and the descendants of a process proved from it. Windows
 * never re-parents an orphan: a process keeps its creator's id as ParentProcessId after the creator exits, and that id
 * may be reused (Microsoft: "Win32_Process class", ParentProcessId, https://learn.microsoft.com/windows/win32/cimwin32prov/win32-process).
 * A link is therefore proof only while the parent is alive and the child started after it.
 */
import type { Host } from './host.js';
import { provenSameProcess } from './process-table.js';

/** One process of the table: its id, its creator's id, and its start time (ms since the epoch; null when not told). */
export interface ProcessLink {
  pid: number;
  ppid: number;
  startTime: number | null;
}

/** A process named by what proves it: its pid and its start time. */
export interface ProcessMark {
  pid: number;
  startTime: number;
}

/** Lists every process as "pid ppid start" lines; CreationDate is empty for the System Idle and System processes. */
const listScript =
  "Get-CimInstance Win32_Process | ForEach-Object { '{0} {1} {2}' -f $_.ProcessId, $_.ParentProcessId, $(if ($_.CreationDate) { $_.CreationDate.ToUniversalTime().ToString('o') } else { '-' }) }";

/** Parses the lines of the list script; malformed lines are skipped. */
export function parseProcessLinks(text: string): ProcessLink[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const [pid, ppid, started] = line.trim().split(/\s+/);
    const time = started === undefined ? Number.NaN : Date.parse(started);
    if (!pid || !/^\d+$/.test(pid) || !ppid || !/^\d+$/.test(ppid)) return [];
    return [{ pid: Number(pid), ppid: Number(ppid), startTime: Number.isNaN(time) ? null : time }];
  });
}

/** The whole process table through PowerShell's Win32_Process, or null when it cannot be read. */
export async function listProcessLinks(host: Host): Promise<ProcessLink[] | null> {
  const result = await host.exec('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', listScript]);
  const links = result.code === 0 ? parseProcessLinks(result.stdout) : [];
  return links.length > 0 ? links : null;
}

/**
 * The live descendants of live processes, each proved: its ParentProcessId names a process of the set (or one proved
 * before it) that started no later than it did. The roots must be alive now and proved by the caller; a dead root
 * proves nothing, since its id may since have been given to another process that started children of its own.
 */
export function liveDescendants(links: readonly ProcessLink[], roots: readonly ProcessMark[]): ProcessMark[] {
  const found = new Map<number, ProcessMark>(roots.map((root) => [root.pid, root]));
  const queue = [...roots];
  for (let parent = queue.shift(); parent; parent = queue.shift()) {
    for (const link of links) {
      const { pid, ppid, startTime } = link;
      if (ppid !== parent.pid || pid === parent.pid || found.has(pid) || startTime === null || startTime < parent.startTime) continue;
      const child = { pid, startTime };
      found.set(pid, child);
      queue.push(child);
    }
  }
  const rootPids = new Set(roots.map((root) => root.pid));
  return [...found.values()].filter((mark) => !rootPids.has(mark.pid));
}

/** The marked process as the table shows it now, when it runs with the marked start time (provenSameProcess); else undefined. */
export function stillRunning(links: readonly ProcessLink[], mark: ProcessMark): ProcessMark | undefined {
  const link = links.find((each) => each.pid === mark.pid);
  if (!link || link.startTime === null || !provenSameProcess(mark, link)) return undefined;
  return { pid: link.pid, startTime: link.startTime };
}
