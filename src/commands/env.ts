/** `tovrun env`: prints the backend venv's activation for the user's shell. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RunContext } from '../context.js';
import { ExitCode, FailedError, UsageError } from '../errors.js';
import { activationCommands, applyHint, guessShell, type Shell } from '../install/shell-activation.js';
import { platformFor } from '../platform/platform.js';
import { venvPython } from '../platform/venv-layout.js';
import { loadWorkspace } from '../workspace/load.js';
import type { PythonService, Workspace } from '../workspace/types.js';

/** Shells tovrun can print an activation for. */
export type ShellName = Shell;

/** Options of the env command; shell undefined means guess from the environment. */
export interface EnvCommandOptions {
  shell: ShellName | undefined;
}

/** The service whose venv is printed: the python service named backend, else the first python service. */
export function backendService(workspace: Workspace): PythonService {
  const pythonServices = workspace.services.filter((service): service is PythonService => service.type === 'python');
  const chosen = pythonServices.find((service) => service.name === 'backend') ?? pythonServices[0];
  if (!chosen) throw new UsageError('this workspace has no python service, so there is no venv to activate.', 'Add a service with `type: python` to tovrun.yaml.');
  return chosen;
}

/** Prints the activation; returns the exit code. */
export async function runEnvCommand(ctx: RunContext, options: EnvCommandOptions): Promise<number> {
  const platform = platformFor(ctx.platform);
  const service = backendService(loadWorkspace(ctx.cwd));
  if (!existsSync(venvPython(service.venv, platform))) {
    throw new FailedError(`the ${service.name} venv ${path.relative(ctx.cwd, service.venv) || service.venv} does not exist yet.`, 'Run `tovrun install` to create it.');
  }
  const shell = options.shell ?? guessShell(ctx.env, platform);
  ctx.stdout.write(`${activationCommands(shell, service.venv, platform, ctx.env).join('\n')}\n`);
  if (ctx.stdout.isTTY) ctx.stderr.write(`# to activate ${service.name}'s venv in this ${shell} shell: ${applyHint(shell)}\n`);
  return ExitCode.ok;
}
