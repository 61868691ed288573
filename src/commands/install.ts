/** `tovrun install`: venv + pip for python services, npm (dev dependencies included) for node services. */
import type { RunContext } from '../context.js';
import { ExitCode } from '../errors.js';
import { loadWorkspace } from '../workspace/load.js';

/** Options of the install command. */
export interface InstallCommandOptions {
  reinstall: boolean;
}

/** Installs every service's packages, skipping those up to date; returns the exit code. */
export async function runInstallCommand(ctx: RunContext, options: InstallCommandOptions): Promise<number> {
  const workspace = loadWorkspace(ctx.cwd);
  // Loaded here, not at the top: other commands (and --help) do not pay for the install stage's modules.
  const { installWorkspace } = await import('../install/install-workspace.js');
  await installWorkspace(ctx, workspace, { reinstall: options.reinstall });
  return ExitCode.ok;
}
