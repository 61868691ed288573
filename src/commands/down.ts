/** `tovrun down`: stops what a previous tovrun recorded in .tovrun/state.json and left running. */
import type { RunContext } from '../context.js';
import { ExitCode } from '../errors.js';
import { leftoverLines } from '../supervisor/leftover-lines.js';
import { realHost, stopLeftovers, type Host } from '../supervisor/index.js';
import { loadWorkspace } from '../workspace/load.js';

/** Stops leftovers of a previous run (asking a still-running tovrun to stop first); returns the exit code. */
export async function runDownCommand(ctx: RunContext, host: Host = realHost(ctx.platform)): Promise<number> {
  const workspace = loadWorkspace(ctx.cwd);
  const report = await stopLeftovers(workspace.stateDir, { host, shutdownTimeoutMs: workspace.shutdownTimeoutMs, liveOwner: 'stop' });
  for (const line of leftoverLines(report, workspace.shutdownTimeoutMs)) ctx.stdout.write(line);
  if (report.stopped.length === 0 && report.ownerStopped === null) ctx.stdout.write('nothing to stop\n');
  return ExitCode.ok;
}
