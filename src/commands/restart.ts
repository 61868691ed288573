/** `tovrun restart <service>`: has the running tovrun replace one service's process and waits until it is ready again. */
import type { RunContext } from '../context.js';
import { ExitCode, FailedError } from '../errors.js';
import { type RestartClientOptions, requestRestart } from '../supervisor/control/client.js';
import { restartTimeoutMs } from '../supervisor/restart-timeout.js';
import type { RestartReport } from '../supervisor/service-status.js';
import { formatRestart } from '../supervisor/status-table.js';
import { loadCommandWorkspace } from '../workspace/load.js';

/** Restarts the service; exit 1 when no tovrun runs here, it does not answer in time, or the new process is not ready; 2 for an unknown service. */
export async function runRestartCommand(ctx: RunContext, service: string, timeouts: Partial<RestartClientOptions> = {}): Promise<number> {
  const workspace = loadCommandWorkspace(ctx);
  const report = await requestRestart(workspace.stateDir, service, { timeoutMs: restartTimeoutMs(workspace, service), ...timeouts });
  ctx.stdout.write(readyLine(report, service, 'restarted'));
  return ExitCode.ok;
}

/** The line saying which pid runs now and how fast it was ready; a FailedError naming why when the new process is not ready. */
export function readyLine(report: RestartReport, service: string, verb: 'restarted' | 'started'): string {
  const line = formatRestart(report);
  if (line !== null) return line;
  const pid = report.service.pid === null ? '' : ` (pid ${report.service.pid})`;
  throw new FailedError(
    `${service} was ${verb}${pid} but is not ready: it ${report.notReady ?? 'did not pass its probe'}.`,
    `See \`tovrun logs ${service}\` for its output.`,
  );
}
