/** A failed install step: what failed, the tail of the tool's output, and a hint when one is known. */
import { FailedError } from '../errors.js';
import type { RunResult } from '../os/system-runner.js';
import { outputTail } from './output-tail.js';

/** Thrown by an install step; the task runner turns it into a labelled report for its service (exit 1). */
export class InstallStepFailure extends FailedError {
  readonly tail: string[];

  constructor(message: string, details: { tail?: string[]; hint?: string } = {}) {
    super(message, details.hint);
    this.tail = details.tail ?? [];
  }
}

/** How a run ended, in words: "exited with code 1", "was not found", ... */
export function describeEnd(result: RunResult): string {
  if (result.spawnError === 'ENOENT') return 'was not found';
  if (result.spawnError !== undefined) return `could not start (${result.spawnError})`;
  if (result.exitCode === undefined) return 'was stopped before it finished';
  return `exited with code ${result.exitCode}`;
}

/** The failure of a tool run: "<what> <how it ended>", with its output's tail. */
export function toolFailure(what: string, result: RunResult, hint?: string): InstallStepFailure {
  return new InstallStepFailure(`${what} ${describeEnd(result)}`, { tail: outputTail(result.output), ...(hint === undefined ? {} : { hint }) });
}
