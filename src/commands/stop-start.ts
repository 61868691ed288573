/** `tovrun stop <service>` and `tovrun start <service>`: stop one service of the running tovrun alone, and start it again. */
import type { RunContext } from '../context.js';
import { ExitCode } from '../errors.js';
import { type RestartClientOptions, requestStartService, requestStopService } from '../supervisor/control/client.js';
import { restartTimeoutMs } from '../supervisor/restart-timeout.js';
import { loadCommandWorkspace } from '../workspace/load.js';
import { readyLine } from './restart.js';

/** Stops the service (its dependents keep running); exit 1 when no tovrun runs here or it does not answer, 2 for an unknown service or one not running. */
export async function runStopServiceCommand(ctx: RunContext, service: string, timeouts: Partial<RestartClientOptions> = {}): Promise<number> {
  const workspace = loadCommandWorkspace(ctx);
  await requestStopService(workspace.stateDir, service, { timeoutMs: restartTimeoutMs(workspace, service), ...timeouts });
  ctx.stdout.write(`stopped ${service}; the services depending on it keep running. Start it again with \`tovrun start ${service}\`.\n`);
  return ExitCode.ok;
}

/** Starts a stopped service again and waits until it is ready; exit 1 when it is not ready (or no tovrun answers), 2 for an unknown or running one. */
export async function runStartServiceCommand(ctx: RunContext, service: string, timeouts: Partial<RestartClientOptions> = {}): Promise<number> {
  const workspace = loadCommandWorkspace(ctx);
  const report = await requestStartService(workspace.stateDir, service, { timeoutMs: restartTimeoutMs(workspace, service), ...timeouts });
  ctx.stdout.write(readyLine(report, service, 'started'));
  return ExitCode.ok;
}
