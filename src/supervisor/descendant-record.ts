/**
 * Windows: each running service's descendants (pid and start time), refreshed every few seconds for the state file, so
 * that `tovrun down` can prove and stop them after a crash once the service's own process has exited (Windows has no
 * process groups, and libuv's kill-on-close job ends only tovrun's direct children with it: it allows silent breakaway,
 * so their children are outside it; libuv src/win/process.c, uv__init_global_job_handle).
 */
import type { Host } from '../os/host.js';
import { listProcessLinks, liveDescendants, type ProcessMark, stillRunning } from '../os/windows-processes.js';

/** How often the process table is read while services run (each read starts PowerShell, which costs a few hundred ms of CPU). */
export const descendantRefreshMs = 10_000;
/** The first read after services start: by then Flask's reloader has started the child that serves the port. */
export const firstDescendantReadMs = 2_000;

const sameMarks = (a: readonly ProcessMark[], b: readonly ProcessMark[]) =>
  a.length === b.length && a.every((mark, index) => mark.pid === b[index]?.pid && mark.startTime === b[index]?.startTime);

/** The last seen descendants of each running service, by the pid of its main process; does nothing off Windows. */
export class DescendantRecord {
  private readonly known = new Map<number, ProcessMark[]>();
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly host: Host,
    /** The services' main processes now, each with its start time. */
    private readonly roots: () => ProcessMark[],
    /** Called when a service's descendants changed (the state file is written again). */
    private readonly changed: () => void,
  ) {}

  /** Reads the process table soon after services start, then every intervalMs (Windows only); the timers never keep tovrun alive. */
  start(intervalMs = descendantRefreshMs, firstMs = firstDescendantReadMs): void {
    if (this.host.platform !== 'win32') return;
    if (this.first) clearTimeout(this.first);
    this.first = setTimeout(() => void this.refresh(), firstMs);
    this.first.unref();
    this.timer ??= setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
  }

  /** Stops reading. */
  stop(): void {
    if (this.first) clearTimeout(this.first);
    if (this.timer) clearInterval(this.timer);
    this.first = this.timer = null;
  }

  /** The descendants last seen for the service whose main process is pid (none off Windows or before the first read). */
  of(pid: number): ProcessMark[] {
    return this.known.get(pid) ?? [];
  }

  /** Reads the process table once (one read at a time) and calls changed when any service's descendants differ. */
  refresh(): Promise<void> {
    this.reading ??= this.read().finally(() => (this.reading = null));
    return this.reading;
  }

  private async read(): Promise<void> {
    const links = await listProcessLinks(this.host);
    if (!links) return;
    let differs = false;
    const roots = this.roots();
    for (const pid of this.known.keys()) if (!roots.some((root) => root.pid === pid)) this.known.delete(pid);
    for (const root of roots) {
      // A service whose process has exited keeps its last record: its descendants may still run.
      if (!stillRunning(links, root)) continue;
      const found = liveDescendants(links, [root]);
      if (sameMarks(found, this.of(root.pid))) continue;
      this.known.set(root.pid, found);
      differs = true;
    }
    if (differs) this.changed();
  }
}
