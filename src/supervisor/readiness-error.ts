/** The error for a service that did not become ready: what was waited for, and the service's last output lines. */
import { FailedError } from '../errors.js';

/** A service missed its readiness probe or stopped before it; carries its last output lines (masked, plain). */
export class ReadinessError extends FailedError {
  constructor(
    readonly service: string,
    reason: string,
    readonly lastLines: string[],
    timedOut: boolean,
  ) {
    const tail = lastLines.length === 0 ? `\n  (${service} printed nothing)` : `\n  Last output of ${service}:\n${lastLines.map((line) => `    | ${line}`).join('\n')}`;
    const slow = timedOut ? `; if it is only slow, raise services.${service}.probe.timeout in tovrun.yaml` : '';
    super(`${service} ${reason}.${tail}`, `See \`tovrun logs ${service}\` for its whole output${slow}.`);
  }
}
