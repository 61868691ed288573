/** `tovrun restart <service>`: has the running tovrun replace one service's process and waits until it is ready again. */
import type { RunContext } from '../context.js';
import { ExitCode, FailedError } from '../errors.js';
import { requestRestart } from '../supervisor/control/client.js';
import { formatRestart } from '../supervisor/status-table.js';
import { loadWorkspace } from '../workspace/load.js';

/** Restarts the service; exit 1 when no tovrun runs here or the new process is not ready, 2 for an unknown service. */
export async function runRestartCommand(ctx: RunContext, service: string): Promise<number> {
  const workspace = loadWorkspace(ctx.cwd);
  const report = await requestRestart(workspace.stateDir, service);
  const line = formatRestart(report);
  if (line === null) {
    const pid = report.service.pid === null ? '' : ` (pid ${report.service.pid})`;
    throw new FailedError(`${service} was restarted${pid} but is not ready: it ${report.notReady ?? 'did not pass its probe'}.`, `See \`tovrun logs ${service}\` for its output.`);
  }
  ctx.stdout.write(line);
  return ExitCode.ok;
}
