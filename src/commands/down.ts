/** `tovrun down`: stops what a previous tovrun recorded (.tovrun/state.json) and removes its compose containers (.tovrun/compose.json). */
import { existsSync } from 'node:fs';
import { composeStatePath, composeVariables, removeRecordedCompose } from '../compose/index.js';
import type { RunContext } from '../context.js';
import { workspaceSecretMasker } from '../env/load.js';
import { ExitCode } from '../errors.js';
import { type Host, realHost } from '../os/host.js';
import { type CommandRunner, systemRunner } from '../os/system-runner.js';
import { closeLeftoverPanes } from '../panes/tmux/close-recorded.js';
import { platformFor } from '../platform/platform.js';
import { stopLeftovers } from '../supervisor/index.js';
import { leftoverLines } from '../supervisor/leftover-lines.js';
import { loadCommandWorkspace } from '../workspace/load.js';

/** Stops leftovers of a previous run (asking a still-running tovrun to stop first), then removes its compose containers; returns the exit code. */
export async function runDownCommand(
  ctx: RunContext,
  host: Host = realHost(ctx.platform),
  runner: CommandRunner = systemRunner(platformFor(ctx.platform)),
): Promise<number> {
  const workspace = loadCommandWorkspace(ctx);
  const report = await stopLeftovers(workspace.stateDir, {
    host,
    shutdownTimeoutMs: workspace.shutdownTimeoutMs,
    liveOwner: 'stop',
    closePanes: closeLeftoverPanes,
  });
  for (const line of leftoverLines(report, workspace.shutdownTimeoutMs)) ctx.stdout.write(line);
  const recorded = existsSync(composeStatePath(workspace.stateDir));
  const compose = recorded
    ? await removeRecordedCompose(workspace.stateDir, {
        runner,
        host,
        processEnv: ctx.env,
        dotEnv: composeVariables(workspace, ctx.env).dotEnv,
        shutdownTimeoutMs: workspace.shutdownTimeoutMs,
        mask: workspaceSecretMasker(workspace),
      })
    : { lines: [], recorded: false };
  for (const line of compose.lines) ctx.stdout.write(line);
  if (report.stopped.length === 0 && report.ownerStopped === null && report.closedPanes === null && !compose.recorded) ctx.stdout.write('nothing to stop\n');
  return ExitCode.ok;
}
