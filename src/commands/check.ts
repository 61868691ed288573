/** `tovrun check [checks...]` / `tovrun --check`: the read-only doctor. */
import type { RunContext } from '../context.js';
import { NotImplementedError } from '../errors.js';

/** Options of the check command. */
export interface CheckOptions {
  json: boolean;
}

/** Runs the requested checks (all when none named) and returns the exit code. */
export async function runCheck(_ctx: RunContext, _checks: string[], _options: CheckOptions): Promise<number> {
  throw new NotImplementedError('check');
}
