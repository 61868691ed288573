/** `tovrun down`: stops what a previous tovrun recorded in .tovrun/state.json and left running. */
import type { RunContext } from '../context.js';
import { ExitCode } from '../errors.js';
import { realHost, seconds, stopLeftovers, type Host, type SparedProcess, type StoppedLeftover } from '../supervisor/index.js';
import { loadWorkspace } from '../workspace/load.js';

/** A command line as one string, quoting arguments that hold spaces. */
function commandText(command: string[]): string {
  return command.map((arg) => (/\s/.test(arg) ? JSON.stringify(arg) : arg)).join(' ');
}

function stoppedLine(leftover: StoppedLeftover, graceMs: number): string {
  const port = leftover.port === null ? '' : `, port ${leftover.port}`;
  const how = leftover.groupOnly
    ? ' (its main process had already exited; stopped the rest of its process group)'
    : leftover.forced
      ? ` (killed: it did not stop within ${seconds(graceMs)})`
      : '';
  return `stopped ${leftover.name} (pid ${leftover.pid}${port}): ${commandText(leftover.command)}${how}\n`;
}

function sparedLine(spared: SparedProcess): string {
  const now = spared.commandLine ? ` (${spared.commandLine})` : '';
  return `left pid ${spared.pid} alone: it is no longer ${spared.name} but another program${now}\n`;
}

/** Stops leftovers of a previous run (asking a still-running tovrun to stop first); returns the exit code. */
export async function runDownCommand(ctx: RunContext, host: Host = realHost(ctx.platform)): Promise<number> {
  const workspace = loadWorkspace(ctx.cwd);
  const graceMs = workspace.shutdownTimeoutMs;
  const report = await stopLeftovers(workspace.stateDir, { host, shutdownTimeoutMs: graceMs, liveOwner: 'stop' });
  if (report.ownerStopped !== null) ctx.stdout.write(`stopped the tovrun still running here (pid ${report.ownerStopped})\n`);
  for (const leftover of report.stopped) ctx.stdout.write(stoppedLine(leftover, graceMs));
  for (const spared of report.spared) ctx.stdout.write(sparedLine(spared));
  if (report.stopped.length === 0 && report.ownerStopped === null) ctx.stdout.write('nothing to stop\n');
  return ExitCode.ok;
}
