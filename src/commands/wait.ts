/** `tovrun wait [service...] [--timeout 60]`: waits until the named services of the running tovrun are ready, for scripts and CI. */
import type { RunContext } from '../context.js';
import { ExitCode, FailedError, UsageError } from '../errors.js';
import { sleep } from '../os/delay.js';
import { NotRunningError, requestStatus, StillStartingError } from '../supervisor/control/client.js';
import type { RunStatus } from '../supervisor/service-status.js';
import { type WaitVerdict, waitVerdict } from '../supervisor/wait-verdict.js';
import { formatSeconds } from '../text/seconds.js';
import { loadCommandWorkspace } from '../workspace/load.js';

/** Options of the wait command. */
export interface WaitOptions {
  /** Give up (exit 1) after this many seconds. */
  timeoutSeconds: number;
  /** Between two status requests. */
  pollMs?: number;
  now?: () => number;
}

/** The default of --timeout, in seconds. */
export const defaultWaitSeconds = 60;

/** The --timeout value in seconds; a UsageError unless it is a number ≥ 0. */
export function parseTimeout(text: string): number {
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds < 0)
    throw new UsageError(`--timeout ${JSON.stringify(text)} is not a number of seconds.`, `Give seconds, e.g. --timeout 120 (default ${defaultWaitSeconds}).`);
  return seconds;
}

/**
 * The running tovrun's status; null while it is still preparing its services (installing, starting compose). No
 * tovrun: a UsageError (exit 2, nothing to wait for) at first, a FailedError (1) once it was waited for and stopped.
 */
async function currentStatus(stateDir: string, first: boolean): Promise<RunStatus | null> {
  try {
    return await requestStatus(stateDir);
  } catch (error) {
    if (error instanceof StillStartingError) return null;
    if (!(error instanceof NotRunningError)) throw error;
    if (first) throw new UsageError(error.message, error.hint);
    throw new FailedError('the tovrun being waited for stopped before its services were ready.', 'See `tovrun logs --errors` for why.');
  }
}

/** Exit 0 once all named services (all of the run's when none are named) are ready; 1 when one fails or the time runs out; 2 when no tovrun runs or a name is unknown. */
export async function runWaitCommand(ctx: RunContext, names: string[], options: WaitOptions): Promise<number> {
  const workspace = loadCommandWorkspace(ctx);
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutSeconds * 1000;
  let first = true;
  for (;;) {
    const status = await currentStatus(workspace.stateDir, first);
    first = false;
    const verdict: WaitVerdict = status ? waitVerdict(status, names) : { kind: 'pending', waiting: names.length > 0 ? names : ['the run'] };
    if (verdict.kind === 'unknown')
      throw new UsageError(
        `unknown service${verdict.names.length > 1 ? 's' : ''} ${verdict.names.join(', ')}.`,
        `The running tovrun has: ${verdict.known.join(', ')}.`,
      );
    if (verdict.kind === 'failed')
      throw new FailedError(`${verdict.service} ${verdict.reason}.`, `See \`tovrun logs --errors\` and \`tovrun logs ${verdict.service}\`.`);
    if (verdict.kind === 'ready') {
      for (const service of verdict.services) ctx.stdout.write(`${service.name} is ready${service.url ? ` at ${service.url}` : ''}\n`);
      return ExitCode.ok;
    }
    if (now() >= deadline)
      throw new FailedError(
        `${verdict.waiting.join(', ')} not ready within ${formatSeconds(options.timeoutSeconds * 1000, 'limit')}.`,
        'Wait longer with --timeout <seconds>, or see `tovrun status` and `tovrun logs --errors`.',
      );
    await sleep(Math.min(options.pollMs ?? 250, Math.max(0, deadline - now())));
  }
}
