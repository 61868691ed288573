/** The process a service runs now: its tree for stopping, its identity for the state file, its start time and readiness. */
import type { Host } from '../os/host.js';
import type { ProcessTree } from '../os/kill-tree.js';
import type { LaunchedProcess } from '../os/launcher.js';
import { type ProcessIdentity, processIdentity } from '../os/process-table.js';
import type { LaunchSpec } from '../plan/launch-spec.js';
import type { RecordedService } from './state-file.js';

/** One launched process of a runner, from its start until its exit was handled. */
export class CurrentProcess {
  readonly tree: ProcessTree & ProcessIdentity;
  readonly startedAt: number;
  /** Whether it passed its probe. */
  ready = false;
  /** How long it took to pass its probe; null until it did. */
  readyMs: number | null = null;

  /** Looks up the process's identity (start time, command line) and calls identified once it is known. */
  constructor(
    readonly process: LaunchedProcess,
    host: Host,
    identified: () => void,
  ) {
    this.tree = { pid: process.pid, pgid: process.pgid, startTime: null, commandLine: null };
    this.startedAt = host.now();
    void processIdentity(host, process.pid).then((identity) => {
      if (!identity) return;
      Object.assign(this.tree, identity);
      identified();
    });
  }

  /** What the state file holds for it. */
  record(spec: LaunchSpec): RecordedService {
    const { pid, pgid, startTime, commandLine } = this.tree;
    return { name: spec.name, pid, pgid, startTime, commandLine, port: spec.port, command: [spec.file, ...spec.args], cwd: spec.cwd };
  }
}
