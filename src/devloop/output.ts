/** What the dev loop drives and where it speaks: the running supervisor's restarts, and the run's output. */
import type { ReplaceOptions, RestartReport, ServiceStatus } from '../supervisor/index.js';

/** Where the dev loop says what it does: the run's output (the terminal, or the terminal UI). */
export interface DevLoopOutput {
  /** A line about one service, shown with its name (as the supervisor's notices are). */
  notice(service: string, text: string): void;
  /** Lines about the whole run (ending with a newline): the terminal, or the UI's "all" view. */
  say(text: string): void;
}

/** The part of the Supervisor the dev loop uses: the same restart `tovrun restart` asks for, and the status. */
export interface DevLoopSupervisor {
  restart(name: string, options?: ReplaceOptions): Promise<RestartReport>;
  status(): ServiceStatus[];
}

/** Restarts a service through the supervisor; a refusal (it is stopping, not started yet) is said, never thrown. */
export async function restartService(supervisor: DevLoopSupervisor, output: DevLoopOutput, name: string, options: ReplaceOptions): Promise<void> {
  try {
    const report = await supervisor.restart(name, options);
    if (report.notReady) output.notice(name, `is not ready after the restart: it ${report.notReady}`);
  } catch (error) {
    output.notice(name, `was not restarted: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Whether a change restarts the service: it runs, is being (re)started, or failed (a fix may be what it waited for);
 * not while it waits for its dependencies, was stopped by the user, is stopping, or exited on its own without a failure.
 */
export function followsChanges(supervisor: DevLoopSupervisor, name: string): boolean {
  const state = supervisor.status().find((service) => service.name === name)?.state;
  return state === 'running' || state === 'starting' || state === 'restarting' || state === 'failed';
}
