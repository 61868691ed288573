/** The error for a service that did not become ready: what was waited for, and the service's last output lines. */
import { FailedError } from '../errors.js';

/** "; api depends on it and was not started" for the services left waiting on it, else nothing. */
function blockedText(blocked: readonly string[]): string {
  if (blocked.length === 0) return '';
  const one = blocked.length === 1;
  return `; ${blocked.join(', ')} ${one ? 'depends' : 'depend'} on it and ${one ? 'was' : 'were'} not started`;
}

/** A service missed its readiness probe or stopped before it; carries its last output lines (masked, plain) and the dependents left unstarted. */
export class ReadinessError extends FailedError {
  constructor(
    readonly service: string,
    readonly reason: string,
    readonly lastLines: string[],
    timedOut: boolean,
    readonly blocked: readonly string[] = [],
  ) {
    const tail =
      lastLines.length === 0 ? `\n  (${service} printed nothing)` : `\n  Last output of ${service}:\n${lastLines.map((line) => `    | ${line}`).join('\n')}`;
    const slow = timedOut ? `; if it is only slow, raise services.${service}.probe.timeout in tovrun.yaml` : '';
    super(`${service} ${reason}${blockedText(blocked)}.${tail}`, `See \`tovrun logs ${service}\` for its whole output${slow}.`);
  }
}

/** A service whose process could not be started at all (a missing folder or program): never ready, its dependents never start. */
export class StartError extends FailedError {
  /** Why, as the rest of a sentence after the service's name: "could not start: folder /w/api does not exist". */
  readonly reason: string;

  constructor(
    readonly service: string,
    why: string,
    readonly blocked: readonly string[] = [],
  ) {
    super(
      `${service} could not start: ${why}${blockedText(blocked)}.`,
      `Check services.${service}.dir and services.${service}.command in tovrun.yaml, then run tovrun again.`,
    );
    this.reason = `could not start: ${why}`;
  }
}
