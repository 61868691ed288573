/** Errors of compose runs: a command compose refused, and a service that did not become healthy in time. */
import { FailedError } from '../errors.js';
import { formatSeconds } from '../text/seconds.js';

/** The last output lines of something, indented for an error message. */
function tail(title: string, lines: readonly string[]): string {
  return lines.length === 0 ? `\n  (${title}: nothing)` : `\n  ${title}:\n${lines.map((line) => `    | ${line}`).join('\n')}`;
}

/** A compose or engine command failed (exit code not 0): the command in words and its last output lines (masked). */
export class ComposeCommandError extends FailedError {
  constructor(what: string, commandLine: string, lastLines: readonly string[], hint?: string) {
    super(`${what} failed (${commandLine}).${tail('its last output', lastLines)}`, hint ?? 'Run that command in the workspace to see all of its output.');
  }
}

/** A compose service failed or was not healthy (or running, without a healthcheck) within the timeout. */
export class ComposeHealthError extends FailedError {
  constructor(
    readonly service: string,
    reason: string,
    lastLines: readonly string[],
    readonly timedOut: boolean,
    timeoutMs: number,
  ) {
    const slow = timedOut ? `; if it is only slow, raise compose.healthTimeout in tovrun.yaml (now ${formatSeconds(timeoutMs)})` : '';
    super(
      `compose service ${service} ${reason}.${tail(`last log lines of ${service}`, lastLines)}`,
      `See \`docker logs\` of its container for the whole output${slow}.`,
    );
  }
}
