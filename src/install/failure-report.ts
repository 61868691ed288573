/** After the task list: warnings, and for each failed service its message, the labelled tail of the tool's output and a hint. */
import { formatError, TovrunError } from '../errors.js';
import { InstallStepFailure } from './step-failure.js';
import type { ServiceOutcome } from './task-list.js';

/** Lines about one failed service, each labelled with its name: what failed, the output tail, the hint. */
export function failureLines(outcome: ServiceOutcome, debug: boolean): string[] {
  const label = `${outcome.name} |`;
  const error = outcome.error;
  if (!(error instanceof TovrunError))
    return formatError(error, debug)
      .replace(/^tovrun: /, '')
      .split('\n')
      .map((line) => `${outcome.name}: ${line.trim()}`);
  const lines = [`${outcome.name}: ${error.message}`];
  if (error instanceof InstallStepFailure && error.tail.length > 0) {
    lines.push(`${label} ... last ${error.tail.length} lines of output:`, ...error.tail.map((line) => `${label} ${line}`));
  }
  if (error.hint) lines.push(`${outcome.name}: hint: ${error.hint}`);
  return lines;
}

/** The whole report printed after the list: every warning, then every failure. */
export function installReportLines(outcomes: readonly ServiceOutcome[], debug: boolean): string[] {
  const warnings = outcomes.flatMap((outcome) => outcome.warnings.map((warning) => `${outcome.name}: warning: ${warning}`));
  const failures = outcomes.filter((outcome) => outcome.status === 'failed').flatMap((outcome) => ['', ...failureLines(outcome, debug)]);
  return [...warnings, ...failures];
}

/** One sentence for the final error: which services failed and how the others ended. */
export function failureSummary(outcomes: readonly ServiceOutcome[]): string {
  const failed = outcomes.filter((outcome) => outcome.status === 'failed').map((outcome) => outcome.name);
  const fine = outcomes
    .filter((outcome) => outcome.status !== 'failed')
    .map((outcome) => `${outcome.name} ${outcome.status === 'up-to-date' ? 'is up to date' : 'installed'}`);
  return `install failed for ${failed.join(', ')}${fine.length ? ` (${fine.join(', ')})` : ''}.`;
}
