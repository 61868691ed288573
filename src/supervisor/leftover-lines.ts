/** The lines tovrun prints about leftovers of an earlier run it stopped or left alone (down, and the start of up). */
import { seconds } from './probes/describe.js';
import type { LeftoverReport, SparedProcess, StoppedLeftover } from './leftovers.js';

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

/** One line per leftover stopped or spared, and for a still-running tovrun that was asked to stop. */
export function leftoverLines(report: LeftoverReport, graceMs: number): string[] {
  return [
    ...(report.ownerStopped !== null ? [`stopped the tovrun still running here (pid ${report.ownerStopped})\n`] : []),
    ...report.stopped.map((leftover) => stoppedLine(leftover, graceMs)),
    ...report.spared.map(sparedLine),
    ...(report.closedPanes !== null ? [`${report.closedPanes}\n`] : []),
  ];
}
