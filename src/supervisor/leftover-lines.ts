/** The lines tovrun prints about leftovers of an earlier run it stopped or left alone (down, and the start of up). */
import { formatSeconds } from '../text/seconds.js';
import type { LeftoverReport, SparedProcess, StoppedLeftover, UnprovenEntry } from './leftovers.js';
import { printable } from './state-file.js';

/** A command line as one string, quoting arguments that hold spaces. */
function commandText(command: string[]): string {
  return printable(command.map((arg) => (/\s/.test(arg) ? JSON.stringify(arg) : arg)).join(' '));
}

function stoppedLine(leftover: StoppedLeftover, graceMs: number): string {
  const port = leftover.port === null ? '' : `, port ${leftover.port}`;
  const how = leftover.forced ? ` (killed: it did not stop within ${formatSeconds(graceMs)})` : '';
  return `stopped ${leftover.name} (pid ${leftover.pid}${port}): ${commandText(leftover.command)}${how}\n`;
}

function sparedLine(spared: SparedProcess): string {
  const now = spared.commandLine ? ` (${printable(spared.commandLine)})` : '';
  return `left pid ${spared.pid} alone: it is no longer ${spared.name} but another program${now}\n`;
}

function unprovenLine(entry: UnprovenEntry): string {
  if (entry.target === null) return `ignored ${entry.claim} in .tovrun/state.json: ${entry.reason}\n`;
  return `left ${entry.target} alone: could not prove it is ${entry.claim} (${entry.reason})\n`;
}

/** One line per leftover stopped, spared or left alone unproven, and for a still-running tovrun that was asked to stop. */
export function leftoverLines(report: LeftoverReport, graceMs: number): string[] {
  return [
    ...(report.ownerStopped !== null ? [`stopped the tovrun still running here (pid ${report.ownerStopped})\n`] : []),
    ...report.stopped.map((leftover) => stoppedLine(leftover, graceMs)),
    ...report.spared.map(sparedLine),
    ...report.unproven.map(unprovenLine),
    ...(report.closedPanes !== null ? [`${report.closedPanes}\n`] : []),
  ];
}
