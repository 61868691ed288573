/** `tovrun env`: prints the activation of the workspace's Python service's venv for the user's shell. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RunContext } from '../context.js';
import { ExitCode, FailedError, UsageError } from '../errors.js';
import { activationCommands, applyHint, guessShell, type Shell } from '../install/shell-activation.js';
import { platformFor } from '../platform/platform.js';
import { venvPython } from '../platform/venv-layout.js';
import { loadWorkspace } from '../workspace/load.js';
import { type PythonService, pythonService, type Workspace } from '../workspace/types.js';

/** Shells tovrun can print an activation for. */
export type ShellName = Shell;

/** Options of the env command; shell undefined means guess from the environment. */
export interface EnvCommandOptions {
  shell: ShellName | undefined;
}

/** The service whose venv is printed: the workspace's Python service, whatever its name. */
export function venvService(workspace: Workspace): PythonService {
  const chosen = pythonService(workspace.services);
  if (!chosen)
    throw new UsageError('this workspace has no python service, so there is no venv to activate.', 'Add a service with `type: python` to tovrun.yaml.');
  return chosen;
}

/** Prints the activation; returns the exit code. */
export async function runEnvCommand(ctx: RunContext, options: EnvCommandOptions): Promise<number> {
  const platform = platformFor(ctx.platform);
  const service = venvService(loadWorkspace(ctx.cwd));
  if (!existsSync(venvPython(service.venv, platform))) {
    throw new FailedError(
      `the ${service.name} venv ${path.relative(ctx.cwd, service.venv) || service.venv} does not exist yet.`,
      'Run `tovrun install` to create it.',
    );
  }
  const shell = options.shell ?? guessShell(ctx.env, platform);
  ctx.stdout.write(`${activationCommands(shell, service.venv, platform, ctx.env).join('\n')}\n`);
  if (ctx.stdout.isTTY) ctx.stderr.write(`# to activate ${service.name}'s venv in this ${shell} shell: ${applyHint(shell)}\n`);
  return ExitCode.ok;
}
