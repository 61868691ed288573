/** `tovrun install`: venv + pip for python services, npm (dev dependencies included) for node services. */
import type { RunContext } from '../context.js';
import { NotImplementedError } from '../errors.js';

/** Options of the install command. */
export interface InstallCommandOptions {
  reinstall: boolean;
}

/** Installs every service's packages, skipping those up to date; returns the exit code. */
export async function runInstallCommand(_ctx: RunContext, _options: InstallCommandOptions): Promise<number> {
  throw new NotImplementedError('install');
}
