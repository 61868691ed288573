/** What `tovrun status` shows: each service's state, pid, port, uptime, restarts and readiness, as plain data. */
import type { ProcessExit } from './restart-policy.js';
import type { ServiceState } from './service-state.js';

/** Where a service is in its life: kept by its runner's one state field (see service-state.ts), read here as it is. */
export type { ServiceState };

/** How a service runs: a process tovrun started (native), or a container of a compose profile. */
export type ServiceKind = 'native' | 'compose';

/** The version of the JSON `tovrun status --json` prints (and the MCP status tool returns); raised when a field changes meaning or goes. */
export const statusVersion = 1;

/** One service as the running tovrun sees it. */
export interface ServiceStatus {
  name: string;
  kind: ServiceKind;
  state: ServiceState;
  /** The current process, or null when none runs. */
  pid: number | null;
  port: number | null;
  /** What the user opens, as in the ready summary. */
  url: string | null;
  /** Since the current process started; null when none runs. */
  uptimeMs: number | null;
  /** Every start after the first: automatic (restart policy) and requested (`tovrun restart`). */
  restarts: number;
  /** Whether the current process passed its probe. */
  ready: boolean;
  /** How long the current process took to pass its probe; null while it has not. */
  readyMs: number | null;
  /** How the previous process ended; null before any exit. */
  lastExit: ProcessExit | null;
}

/** The whole run as `tovrun status` reports it. */
export interface RunStatus {
  /** statusVersion: the shape of this object. */
  version: typeof statusVersion;
  /** Whether every service passed its probe once (the ready summary was printed); `tovrun up --detach` waits for it. */
  ready: boolean;
  /** The pid of the tovrun that answers. */
  pid: number;
  /** The workspace root. */
  root: string;
  /** How output is shown: prefix, tmux, windows or tui. */
  panes: string;
  /** Since the supervisor started its first service. */
  uptimeMs: number;
  services: ServiceStatus[];
}

/** What a requested restart did. */
export interface RestartReport {
  service: ServiceStatus;
  /** The pid that was replaced; null when no process ran (it had exited, or was waiting to restart). */
  previousPid: number | null;
  /** How long the new process took to pass its probe; null when it did not (see notReady). */
  readyMs: number | null;
  /** Why the new process is not ready ("exited with code 1 before it was ready"); null when ready. */
  notReady: string | null;
}

/** A compose service as status shows it: its container runs under compose (no pid of tovrun's), ready once healthy. */
export function composeServiceStatus(name: string, readyMs: number | null): ServiceStatus {
  return {
    name,
    kind: 'compose',
    state: readyMs === null ? 'starting' : 'running',
    pid: null,
    port: null,
    url: null,
    uptimeMs: null,
    restarts: 0,
    ready: readyMs !== null,
    readyMs,
    lastExit: null,
  };
}
