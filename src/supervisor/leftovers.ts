/**
 * Stopping what a previous tovrun recorded and left running. The state file is only a claim: a process or group is
 * signalled only when its identity is proven now (a pid above 1 whose start time matches the recorded one, and the
 * group that very process leads); anything else is reported and left alone.
 */
import { FailedError } from '../errors.js';
import { type Host, realHost } from '../os/host.js';
import { type ProcessTree, terminateTree } from '../os/kill-tree.js';
import { isGroupAlive, type ProcessIdentity, processGroupOf, processIdentity, provenSameProcess } from '../os/process-table.js';
import { formatSeconds } from '../text/seconds.js';
import { alreadyRunningHint } from '../workspace/instance.js';
import { stopRecordedTree } from './leftover-tree-windows.js';
import { type RecordedService, type RunState, readCheckedState, removeState, type SelfProcess } from './state-file.js';
import { askRunningToStop, exitedWithin, stopSlackMs } from './stop-running.js';

/** A recorded service tovrun found running, proved to be the one it started, and stopped. */
export interface StoppedLeftover {
  name: string;
  pid: number;
  port: number | null;
  command: string[];
  /** True when it had to be killed after the grace period. */
  forced: boolean;
}

/** A recorded pid left alone because it now belongs to another program (its start time differs). */
export interface SparedProcess {
  name: string;
  pid: number;
  commandLine: string | null;
}

/** A recorded entry left alone because nothing proves it is what tovrun started (or it is not a valid entry at all). */
export interface UnprovenEntry {
  /** What was left alone ("pid 5", "process group 5"), or null when the entry named nothing tovrun could use. */
  target: string | null;
  /** What the entry claims to be: "the backend tovrun started", "the tovrun that wrote .tovrun/state.json". */
  claim: string;
  reason: string;
}

/** What stopLeftovers did. */
export interface LeftoverReport {
  stopped: StoppedLeftover[];
  spared: SparedProcess[];
  unproven: UnprovenEntry[];
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
  /** How long a tovrun asked to stop may take beyond shutdownTimeoutMs before it is signalled (stopSlackMs by default). */
  stopSlackMs?: number;
  /** Closes the panes a previous tovrun recorded (supplied by the command, from panes/); none are closed without it. */
  closePanes?: ClosePanes;
  /** The instance whose state this is (workspace/instance.ts), for the hint when it runs already; 0 by default. */
  instance?: number;
}

/** Closes what a previous tovrun opened besides processes (its tmux session or panes); force even when that tovrun still runs. Says what it closed, or null. */
export type ClosePanes = (stateDir: string, host: Host, force: boolean) => Promise<string | null>;

type Outcome = { stopped: StoppedLeftover } | { spared: SparedProcess } | { unproven: UnprovenEntry } | null;

const ownerClaim = 'the tovrun that wrote .tovrun/state.json';
const noStartTime = 'no start time was recorded for it, and a matching command line is no proof';

/** Why a live process whose start time does not prove it is the recorded one cannot be proved either way; null when it is simply another program. */
function unprovableReason(recorded: ProcessIdentity, current: ProcessIdentity): string | null {
  if (recorded.startTime === null) return noStartTime;
  if (current.startTime === null) return 'its start time cannot be read now';
  return null;
}

/** The leader is gone: a live group with its id is left alone, since a group id alone proves nothing (the file may be stale or edited). */
async function leaderGone(host: Host, service: RecordedService): Promise<Outcome> {
  if (service.pgid === null || !(await isGroupAlive(host, service.pgid))) return null;
  const reason = `its main process (pid ${service.pid}) has exited, and a group id alone is no proof; see \`pgrep -g ${service.pgid}\``;
  return { unproven: { target: `process group ${service.pgid}`, claim: `the rest of ${service.name}`, reason } };
}

/** Windows: the main process and its recorded descendants, each proved by its start time (see leftover-tree-windows.ts). */
async function stopRecordedOnWindows(host: Host, service: RecordedService, graceMs: number): Promise<Outcome> {
  const { root, result } = await stopRecordedTree(host, service, graceMs);
  if (result !== null) return { stopped: { name: service.name, pid: service.pid, port: service.port, command: service.command, forced: result === 'forced' } };
  const claim = `the ${service.name} tovrun started`;
  if (root === 'no-table')
    return {
      unproven: { target: `pid ${service.pid}`, claim, reason: "the process table cannot be read now (PowerShell's Get-CimInstance Win32_Process failed)" },
    };
  if (root === 'no-start-time') return { unproven: { target: `pid ${service.pid}`, claim, reason: noStartTime } };
  return root === 'other' ? { spared: { name: service.name, pid: service.pid, commandLine: null } } : null;
}

async function stopRecorded(host: Host, service: RecordedService, graceMs: number): Promise<Outcome> {
  if (host.platform === 'win32') return stopRecordedOnWindows(host, service, graceMs);
  const current = await processIdentity(host, service.pid);
  if (!current) return leaderGone(host, service);
  if (!provenSameProcess(service, current)) {
    const reason = unprovableReason(service, current);
    if (reason) return { unproven: { target: `pid ${service.pid}`, claim: `the ${service.name} tovrun started`, reason } };
    return { spared: { name: service.name, pid: service.pid, commandLine: current.commandLine } };
  }
  // Proven: pid N is the recorded process, and the state file only holds groups a service leads (pgid N), so -N is the
  // group it created. A group id is not reused while the group has members, so polling it until the SIGKILL is safe;
  // a bare pid (no group) is proved again before each signal instead.
  const tree: ProcessTree = { pid: service.pid, pgid: service.pgid };
  const byGroup = tree.pgid !== null;
  const stillProven = async () => {
    const now = await processIdentity(host, service.pid);
    return now !== null && provenSameProcess(service, now);
  };
  const result = await terminateTree(host, tree, { graceMs, ...(byGroup ? {} : { alive: stillProven }) });
  return { stopped: { name: service.name, pid: service.pid, port: service.port, command: service.command, forced: result === 'forced' } };
}

type OwnerOutcome = { stopped: number | null; unproven: UnprovenEntry | null };

/** A tovrun that accepted a stop request but had not stopped in time, and could not be proven for a signal. */
function stillStopping(pid: number, waitedMs: number): UnprovenEntry {
  return {
    target: `pid ${pid}`,
    claim: 'the tovrun running here',
    reason: `it accepted a stop request but had not stopped ${formatSeconds(waitedMs)} later, and only a proven process is signalled`,
  };
}

async function handleLiveOwner(host: Host, owner: RunState['owner'] | null, self: SelfProcess, options: LeftoverOptions): Promise<OwnerOutcome> {
  const none = { stopped: null, unproven: null };
  if (!owner || owner.pid === host.pid) return none;
  const current = await processIdentity(host, owner.pid);
  if (!current) return none;
  if (!provenSameProcess(owner, current)) {
    const reason = unprovableReason(owner, current);
    return reason ? { stopped: null, unproven: { target: `pid ${owner.pid}`, claim: ownerClaim, reason } } : none;
  }
  // Only the owner's pid is signalled, so sharing this tovrun's group is fine (`tovrun & … tovrun down` in a script);
  // leading it is not, since no tovrun that wrote a state file starts the `tovrun` reading it.
  if (owner.pid === self.pgid)
    return { stopped: null, unproven: { target: `pid ${owner.pid}`, claim: ownerClaim, reason: `it leads this tovrun's own process group` } };
  if (options.liveOwner === 'refuse') {
    throw new FailedError(`tovrun is already running in this workspace (pid ${owner.pid}).`, alreadyRunningHint(options.instance ?? 0));
  }
  await signalOwner(host, owner, options.shutdownTimeoutMs);
  return { stopped: owner.pid, unproven: null };
}

/** SIGTERM to the proven tovrun that still runs here (it did not answer a stop request, or did not exit after one).
 * On POSIX that is its graceful stop; on Windows it ends that tovrun outright (Node: process.kill), and its services
 * are then stopped from their records like any leftover.
 */
async function signalOwner(host: Host, owner: RunState['owner'], graceMs: number): Promise<void> {
  host.signal(owner.pid, 'SIGTERM');
  await exitedWithin(host, owner.pid, graceMs + 2_000);
}

async function closePanes(stateDir: string, host: Host, options: LeftoverOptions): Promise<string | null> {
  return options.closePanes ? options.closePanes(stateDir, host, options.liveOwner === 'stop') : null;
}

/** Stops every recorded service still running that is proved to be the one recorded (with its process group), removes the state file, and closes recorded panes through options.closePanes. */
export async function stopLeftovers(stateDir: string, options: LeftoverOptions): Promise<LeftoverReport> {
  const host = options.host ?? realHost();
  const self: SelfProcess = { pid: host.pid, pgid: await processGroupOf(host, host.pid) };
  const slackMs = options.stopSlackMs ?? stopSlackMs;
  // A running tovrun is asked first; the state is read after it, so that what it could not stop is found as left.
  const asked = options.liveOwner === 'stop' ? await askRunningToStop(host, stateDir, options.shutdownTimeoutMs + slackMs) : null;
  const state = readCheckedState(stateDir, self);
  if (!state) return { stopped: [], spared: [], unproven: [], ownerStopped: asked?.pid ?? null, closedPanes: await closePanes(stateDir, host, options) };
  const rejected: UnprovenEntry[] = state.rejected.map((entry) => ({ target: null, claim: entry.name, reason: entry.reason }));
  const owner =
    asked?.exited && asked.pid === state.owner?.pid ? { stopped: asked.pid, unproven: null } : await handleLiveOwner(host, state.owner, self, options);
  if (asked && !asked.exited && owner.stopped === null && owner.unproven === null)
    owner.unproven = stillStopping(asked.pid, options.shutdownTimeoutMs + slackMs);
  const outcomes = await Promise.all(state.services.map((service) => stopRecorded(host, service, options.shutdownTimeoutMs)));
  removeState(stateDir);
  return {
    stopped: outcomes.flatMap((outcome) => (outcome && 'stopped' in outcome ? [outcome.stopped] : [])),
    spared: outcomes.flatMap((outcome) => (outcome && 'spared' in outcome ? [outcome.spared] : [])),
    unproven: [
      ...rejected,
      ...(owner.unproven ? [owner.unproven] : []),
      ...outcomes.flatMap((outcome) => (outcome && 'unproven' in outcome ? [outcome.unproven] : [])),
    ],
    ownerStopped: owner.stopped,
    closedPanes: await closePanes(stateDir, host, options),
  };
}
