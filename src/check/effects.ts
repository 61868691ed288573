/** The outside world of the doctor's checks, in one injectable bundle: processes, ports, PostgreSQL, files, clock. */
import { homedir } from 'node:os';
import { type CheckFiles, realCheckFiles } from '../files/read-only-files.js';
import { realHost } from '../os/host.js';
import { processIdentity, sameProcess } from '../os/process-table.js';
import { type CommandRunner, systemRunner } from '../os/system-runner.js';
import type { Platform } from '../platform/platform.js';
import { type PortProbe, systemPortProbe } from '../supervisor/preflight.js';
import { type RunState, readState } from '../supervisor/state-file.js';
import { type ConnectDatabase, connectWithPg } from './database/session.js';

/** Sessions idle this long or longer are reported (5 minutes). */
export const defaultIdleThresholdMs = 5 * 60_000;

/** Everything the checks ask of the machine; tests replace any part. */
export interface CheckEffects {
  /** Runs python, node and git (each call with its own timeout). */
  runner: CommandRunner;
  /** Whether a port is taken, and by whom. */
  ports: PortProbe;
  /** The workspace's recorded run (.tovrun/state.json) when the tovrun that wrote it still runs, else null. */
  liveRun(stateDir: string): Promise<RunState | null>;
  connectDatabase: ConnectDatabase;
  files: CheckFiles;
  /** The version of the Node that runs tovrun and, through it, Vite. */
  nodeVersion: string;
  /** The Node executable (npm's global prefix is found from it). */
  nodePath: string;
  homeDir: string;
  /** Milliseconds on a monotonic clock, for durations. */
  now(): number;
  /** Idle and idle-in-transaction sessions at least this old are reported. */
  idleThresholdMs: number;
  /** Per check name, a timeout replacing the check's own. */
  timeoutsMs: Partial<Record<string, number>>;
}

/** The recorded run when its owner is still the same live process. */
async function liveRunOnHost(stateDir: string, platform: NodeJS.Platform): Promise<RunState | null> {
  const state = readState(stateDir);
  if (!state) return null;
  const current = await processIdentity(realHost(platform), state.owner.pid);
  return current && sameProcess(state.owner, current) ? state : null;
}

/** The real machine for a platform. */
export function realCheckEffects(platform: Platform): CheckEffects {
  return {
    runner: systemRunner(platform),
    ports: systemPortProbe(realHost(platform.os)),
    liveRun: (stateDir) => liveRunOnHost(stateDir, platform.os),
    connectDatabase: connectWithPg,
    files: realCheckFiles,
    nodeVersion: process.versions.node,
    nodePath: process.execPath,
    homeDir: homedir(),
    now: () => performance.now(),
    idleThresholdMs: defaultIdleThresholdMs,
    timeoutsMs: {},
  };
}
