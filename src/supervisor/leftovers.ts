/** Stopping what a previous tovrun recorded and left running, never touching a process whose identity changed. */
import { FailedError } from '../errors.js';
import { closeRecordedPanes } from '../panes/tmux/close-recorded.js';
import { sleep } from './delay.js';
import { realHost, type Host } from './host.js';
import { terminateTree, treeAlive } from './kill-tree.js';
import { isProcessAlive, processIdentity, sameProcess } from './process-table.js';
import { readState, removeState, type RecordedService, type RunState } from './state-file.js';

/** A recorded service tovrun found running and stopped. */
export interface StoppedLeftover {
  name: string;
  pid: number;
  port: number | null;
  command: string[];
  /** True when it had to be killed after the grace period. */
  forced: boolean;
  /** True when its leader was gone and only the rest of its process group was left. */
  groupOnly: boolean;
}

/** A recorded pid left alone because it now belongs to another program. */
export interface SparedProcess {
  name: string;
  pid: number;
  commandLine: string | null;
}

/** What stopLeftovers did. */
export interface LeftoverReport {
  stopped: StoppedLeftover[];
  spared: SparedProcess[];
  /** The pid of a still-running tovrun that was asked to stop (down only), else null. */
  ownerStopped: number | null;
  /** What was closed of the tmux session or panes a previous tovrun recorded in panes.json, else null. */
  closedPanes: string | null;
}

/** Options of stopLeftovers. */
export interface LeftoverOptions {
  host?: Host;
  /** Grace period between the graceful signal and the forced kill. */
  shutdownTimeoutMs: number;
  /** What to do when the tovrun that wrote the state still runs: ask it to stop (down) or refuse (a new run). */
  liveOwner: 'stop' | 'refuse';
}

type Outcome = { stopped: StoppedLeftover } | { spared: SparedProcess } | null;

async function stopRecorded(host: Host, service: RecordedService, graceMs: number): Promise<Outcome> {
  const current = await processIdentity(host, service.pid);
  const tree = { pid: service.pid, pgid: service.pgid };
  const stopped = (forced: boolean, groupOnly: boolean) => ({ stopped: { name: service.name, pid: service.pid, port: service.port, command: service.command, forced, groupOnly } });
  if (current && sameProcess(service, current)) return stopped((await terminateTree(host, tree, { graceMs })) === 'forced', false);
  if (current) return { spared: { name: service.name, pid: service.pid, commandLine: current.commandLine } };
  // The leader is gone and its pid is not reused: while any member of its group lives, no new process can take that
  // pid, so a live group with this id is still the one tovrun started.
  if (host.platform === 'win32' || service.pgid === null || !(await treeAlive(host, tree))) return null;
  return stopped((await terminateTree(host, tree, { graceMs })) === 'forced', true);
}

async function handleLiveOwner(host: Host, state: RunState, options: LeftoverOptions): Promise<number | null> {
  const { owner } = state;
  if (owner.pid === host.pid) return null;
  const current = await processIdentity(host, owner.pid);
  if (!current || !sameProcess(owner, current)) return null;
  if (options.liveOwner === 'refuse') {
    throw new FailedError(`tovrun is already running in this workspace (pid ${owner.pid}).`, 'Stop it with Ctrl-C in its terminal, or run `tovrun down`.');
  }
  host.signal(owner.pid, 'SIGTERM');
  const deadline = host.now() + options.shutdownTimeoutMs + 2_000;
  while (host.now() < deadline && (await isProcessAlive(host, owner.pid))) await sleep(25);
  return owner.pid;
}

function closePanes(stateDir: string, host: Host, options: LeftoverOptions): Promise<string | null> {
  const deps = { exec: host.exec.bind(host), alive: (pid: number) => isProcessAlive(host, pid), selfPid: host.pid };
  return closeRecordedPanes(stateDir, deps, options.liveOwner === 'stop');
}

/** Stops every recorded service still running (with its process tree), removes the state file, and closes recorded tmux panes. */
export async function stopLeftovers(stateDir: string, options: LeftoverOptions): Promise<LeftoverReport> {
  const host = options.host ?? realHost();
  const state = readState(stateDir);
  if (!state) return { stopped: [], spared: [], ownerStopped: null, closedPanes: await closePanes(stateDir, host, options) };
  const ownerStopped = await handleLiveOwner(host, state, options);
  const outcomes = await Promise.all(state.services.map((service) => stopRecorded(host, service, options.shutdownTimeoutMs)));
  removeState(stateDir);
  return {
    stopped: outcomes.flatMap((outcome) => (outcome && 'stopped' in outcome ? [outcome.stopped] : [])),
    spared: outcomes.flatMap((outcome) => (outcome && 'spared' in outcome ? [outcome.spared] : [])),
    ownerStopped,
    closedPanes: await closePanes(stateDir, host, options),
  };
}
