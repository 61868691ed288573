/**
 * A recorded service's leftovers on Windows, where there are no process groups: its main process and the descendants
 * recorded while it ran (the Werkzeug reloader's child serving the port outlives its parent), each proved by its start
 * time, with the descendants they started since. Works when the main process has already exited, as after a crash.
 */
import type { Host } from '../os/host.js';
import type { TreeStopResult } from '../os/kill-tree.js';
import { provenNow, terminateMarked } from '../os/windows-kill.js';
import { listProcessLinks, type ProcessMark } from '../os/windows-processes.js';
import type { RecordedService } from './state-file.js';

/** What the main process is now: the one recorded, gone, another program, unprovable (no start time recorded), or unknown (no process table). */
export type RootFinding = 'proven' | 'gone' | 'other' | 'no-start-time' | 'no-table';

/** What stopping a recorded Windows tree found and did: result is null when nothing proved was running. */
export interface WindowsTreeStop {
  root: RootFinding;
  result: TreeStopResult | null;
}

function rootFinding(service: RecordedService, running: readonly ProcessMark[], listed: boolean): RootFinding {
  if (running.some((mark) => mark.pid === service.pid)) return 'proven';
  if (!listed) return 'gone';
  return service.startTime === null ? 'no-start-time' : 'other';
}

/** Finds what of the recorded tree still runs (proved), and stops it: graceful, then forced after graceMs. */
export async function stopRecordedTree(host: Host, service: RecordedService, graceMs: number): Promise<WindowsTreeStop> {
  const links = await listProcessLinks(host);
  if (!links) return { root: 'no-table', result: null };
  const recorded: ProcessMark[] = [...(service.startTime === null ? [] : [{ pid: service.pid, startTime: service.startTime }]), ...(service.descendants ?? [])];
  const running = provenNow(links, recorded);
  const root = rootFinding(
    service,
    running,
    links.some((link) => link.pid === service.pid),
  );
  return { root, result: running.length === 0 ? null : await terminateMarked(host, running, graceMs) };
}
