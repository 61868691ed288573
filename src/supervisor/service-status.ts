/** What `tovrun status` shows: each service's state, pid, port, uptime, restarts and readiness, as plain data. */
import type { ProcessExit } from './restart-policy.js';
import type { ServiceState } from './service-state.js';

/** Where a service is in its life: kept by its runner's one state field (see service-state.ts), read here as it is. */
export type { ServiceState };

/** One service as the running tovrun sees it. */
export interface ServiceStatus {
  name: string;
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
  /** How the previous process ended; null before any exit. */
  lastExit: ProcessExit | null;
}

/** The whole run as `tovrun status` reports it. */
export interface RunStatus {
  /** The pid of the tovrun that answers. */
  pid: number;
  /** The workspace root. */
  root: string;
  /** How output is shown: prefix, tmux or windows. */
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
