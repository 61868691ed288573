/** `tovrun events [--json]`: prints each state change of the running tovrun's services as it happens, until Ctrl-C or tovrun stops. */
import type { RunContext } from '../context.js';
import { ExitCode } from '../errors.js';
import { followEvents } from '../supervisor/control/event-client.js';
import type { EventLine } from '../supervisor/control/event-line.js';
import { handleStopSignals } from '../supervisor/index.js';
import { loadCommandWorkspace } from '../workspace/load.js';

/** Options of the events command. */
export interface EventsOptions {
  json: boolean;
  /** Ends following; by default Ctrl-C (or SIGTERM/SIGHUP) does. */
  until?: AbortSignal;
}

/** An event for people: its clock time, service and sentence. */
export function formatEvent(event: EventLine): string {
  return `${event.time.slice(11, 19)}  ${event.service}  ${event.text}\n`;
}

/** Follows the events; exit 0 when tovrun stops, 130 on Ctrl-C, 1 when none runs. */
export async function runEventsCommand(ctx: RunContext, options: EventsOptions): Promise<number> {
  const workspace = loadCommandWorkspace(ctx);
  const controller = new AbortController();
  const signals = options.until ? null : handleStopSignals(process, { stop: () => controller.abort(), forceStop: () => controller.abort() });
  try {
    const end = await followEvents(
      workspace.stateDir,
      (event) => ctx.stdout.write(options.json ? `${JSON.stringify(event)}\n` : formatEvent(event)),
      options.until ?? controller.signal,
      // On stderr, so that stdout holds only events: scripts may wait for this line before they act.
      () => void ctx.stderr.write('tovrun: following the events of the running tovrun (Ctrl-C to stop)\n'),
    );
    return end === 'aborted' && signals?.received === 'SIGINT' ? ExitCode.interrupted : ExitCode.ok;
  } finally {
    signals?.dispose();
  }
}
