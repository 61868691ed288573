/** The side list's data: each service's state in the UI's words, port, time to ready, uptime and restarts. */
import { describeEvent, type SupervisorEvent } from '../../supervisor/events.js';
import type { ServiceStatus } from '../../supervisor/service-status.js';

/** A service's state as the UI shows it. */
export type RowState = 'installing' | 'waiting' | 'starting' | 'ready' | 'failed' | 'restarting' | 'stopping' | 'stopped';

/** One service in the side list. */
export interface ServiceRow {
  name: string;
  /** A compose service (its state comes from compose, not the supervisor). */
  compose: boolean;
  state: RowState;
  pid: number | null;
  port: number | null;
  /** How long its current process took to pass its probe; null until it did. */
  readyMs: number | null;
  /** When its current process started (the clock's ms); null when none runs. */
  startedAt: number | null;
  restarts: number;
  /** Why it failed (the supervisor's words), shown under it; null when it did not. */
  reason: string | null;
}

/** The UI's state for a supervisor status: a running process is "starting" until its probe passes, "exited" is "stopped". */
export function rowState(status: Pick<ServiceStatus, 'state' | 'ready'>): RowState {
  switch (status.state) {
    case 'running':
      return status.ready ? 'ready' : 'starting';
    case 'exited':
      return 'stopped';
    default:
      return status.state;
  }
}

/** The rows of a run, in order, and how supervisor events and statuses move them. */
export class ServiceRows {
  private readonly rows = new Map<string, ServiceRow>();

  /** Rows for the compose services then the native ones, all "waiting". */
  constructor(native: readonly string[], compose: readonly string[] = []) {
    for (const name of compose) this.rows.set(name, blankRow(name, true));
    for (const name of native) this.rows.set(name, blankRow(name, false));
  }

  /** Every row, in order. */
  list(): ServiceRow[] {
    return [...this.rows.values()];
  }

  /** One row by name. */
  get(name: string): ServiceRow | undefined {
    return this.rows.get(name);
  }

  /** Sets the state of the named rows (e.g. "installing" before the install, "ready" once compose is healthy). */
  mark(names: readonly string[], state: RowState): void {
    for (const name of names) {
      const row = this.rows.get(name);
      if (row) row.state = state;
    }
  }

  /** Moves a row for a supervisor event; `now` is the clock's ms. */
  apply(event: SupervisorEvent, now: number): void {
    const row = this.rows.get(event.service);
    if (!row) return;
    switch (event.type) {
      case 'started':
        Object.assign(row, { state: 'starting', pid: event.pid, startedAt: now, restarts: event.restarts, readyMs: null, reason: null });
        return;
      case 'ready':
        Object.assign(row, { state: 'ready', readyMs: event.readyMs });
        return;
      case 'restarting':
      case 'restart-requested':
        row.state = 'restarting';
        return;
      case 'waiting':
        row.state = 'waiting';
        return;
      case 'stop-requested':
        row.state = 'stopping';
        return;
      case 'start-requested':
        row.state = 'starting';
        return;
      case 'exited':
        Object.assign(row, {
          state: event.requested ? 'stopped' : row.state,
          pid: null,
          startedAt: null,
          reason: event.requested ? null : describeEvent(event),
        });
        return;
      case 'spawn-failed':
      case 'gave-up':
      case 'not-ready':
      case 'not-started':
        Object.assign(row, { state: 'failed', reason: describeEvent(event) });
        return;
      default:
        return;
    }
  }

  /** Takes state, pid, port and restarts from the supervisor's status (the truth; events only add the why); returns the rows that just failed. */
  update(statuses: readonly ServiceStatus[], now: number): string[] {
    const failed: string[] = [];
    for (const status of statuses) {
      const row = this.rows.get(status.name);
      if (!row) continue;
      const state = rowState(status);
      if (state === 'failed' && row.state !== 'failed') failed.push(row.name);
      row.state = state;
      row.pid = status.pid;
      row.port = status.port;
      row.restarts = status.restarts;
      row.startedAt = status.uptimeMs === null ? null : now - status.uptimeMs;
      if (state !== 'failed' && state !== 'stopped') row.reason = null;
    }
    return failed;
  }
}

function blankRow(name: string, compose: boolean): ServiceRow {
  return { name, compose, state: 'waiting', pid: null, port: null, readyMs: null, startedAt: null, restarts: 0, reason: null };
}
