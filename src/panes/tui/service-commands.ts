/** The r and s keys carried out: restart, stop or start the focused service through the supervisor, its outcome on the status line. */
import type { ControlHandler } from '../../supervisor/index.js';
import type { RestartReport } from '../../supervisor/service-status.js';
import { formatRestart } from '../../supervisor/status-table.js';
import type { TuiModel } from './tui-model.js';

/** The status line after a restart or a start: which pid, how fast ready, or why not ready. */
function describeRelaunch(report: RestartReport, service: string, verb: string): string {
  return formatRestart(report)?.trim() ?? `${service} was ${verb} but is not ready: it ${report.notReady ?? 'did not pass its probe'}.`;
}

/** Whether `s` starts the service (its row shows it stopped or failed) rather than stopping it. */
export function startsOnToggle(model: TuiModel, service: string): boolean {
  const state = model.rows.get(service)?.state;
  return state === 'stopped' || state === 'failed';
}

/**
 * Runs one service command: r restarts; s stops the service alone, or starts it again when it is stopped or failed.
 * The status line says what is under way, then what came of it (an error's message when refused); changed() redraws.
 */
export function runServiceCommand(
  model: TuiModel,
  handler: ControlHandler | null,
  command: { kind: 'restart' | 'stop-start'; service: string },
  changed: () => void,
): Promise<void> {
  const { service } = command;
  if (!handler) {
    model.message = `${service} has not started yet.`;
    return Promise.resolve();
  }
  let work: Promise<string>;
  if (command.kind === 'restart') {
    model.message = `restarting ${service}…`;
    work = handler.restart(service).then((report) => describeRelaunch(report, service, 'restarted'));
  } else if (startsOnToggle(model, service)) {
    model.message = `starting ${service}…`;
    work = handler.startService(service).then((report) => describeRelaunch(report, service, 'started'));
  } else {
    model.message = `stopping ${service}…`;
    work = handler.stopService(service).then(() => `stopped ${service} (s starts it again; the services depending on it keep running)`);
  }
  changed();
  return work
    .then(
      (message) => {
        model.message = message;
      },
      (error: unknown) => {
        model.message = error instanceof Error ? error.message : String(error);
      },
    )
    .finally(changed);
}
