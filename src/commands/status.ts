/** `tovrun status [--json]`: asks the tovrun running in this workspace about its services. */
import type { RunContext } from '../context.js';
import { ExitCode } from '../errors.js';
import { requestStatus } from '../supervisor/control/client.js';
import { formatStatus } from '../supervisor/status-table.js';
import { loadCommandWorkspace } from '../workspace/load.js';

/** Options of the status command. */
export interface StatusCommandOptions {
  json: boolean;
}

/** Prints each service's state, pid, port, uptime, restarts and readiness; exit 1 when no tovrun runs here. */
export async function runStatusCommand(ctx: RunContext, options: StatusCommandOptions): Promise<number> {
  const workspace = loadCommandWorkspace(ctx);
  const status = await requestStatus(workspace.stateDir);
  ctx.stdout.write(options.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
  return ExitCode.ok;
}
