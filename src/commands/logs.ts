/** `tovrun logs [service] [-f]`: prints services' logs from .tovrun/logs/. */
import type { RunContext } from '../context.js';
import { NotImplementedError } from '../errors.js';

/** Options of the logs command. */
export interface LogsCommandOptions {
  service: string | undefined;
  follow: boolean;
}

/** Prints (and with follow, keeps printing) logs; returns the exit code. */
export async function runLogsCommand(_ctx: RunContext, _options: LogsCommandOptions): Promise<number> {
  throw new NotImplementedError('logs');
}
