/** pip, always as `<venv python> -m pip`: installing the requirements, and upgrading pip right after a venv is made. */
import path from 'node:path';
import type { CommandRunner } from '../os/system-runner.js';
import { hintFor, pipHints } from './hints.js';
import { outputTail } from './output-tail.js';
import { describeEnd, toolFailure } from './step-failure.js';

/** Where and how pip runs: the venv's python, the service folder, the activated environment. */
export interface PipContext {
  python: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  runner: CommandRunner;
  onLine?: (line: string) => void;
}

/** The arguments of `python -m pip install -r <requirements>`. */
export function pipInstallArgs(requirements: string): string[] {
  return ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-r', requirements];
}

/** The arguments of pip upgrading itself. */
export const pipUpgradeArgs: readonly string[] = ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--upgrade', 'pip'];

/** Installs the requirements; an InstallStepFailure with the output's tail and a hint when pip fails. */
export async function pipInstall(pip: PipContext, requirements: string): Promise<void> {
  const result = await pip.runner(pip.python, pipInstallArgs(requirements), runOptions(pip));
  if (result.exitCode === 0) return;
  const name = path.basename(requirements);
  throw toolFailure(`pip install -r ${name}`, result, hintFor(result.output, pipHints(name)));
}

/** Upgrades pip; resolves to a warning (never throws) when that fails, e.g. offline. */
export async function upgradePip(pip: PipContext): Promise<string | undefined> {
  const result = await pip.runner(pip.python, pipUpgradeArgs, runOptions(pip));
  if (result.exitCode === 0) return undefined;
  const last = outputTail(result.output, 1)[0];
  return `could not upgrade pip (it ${describeEnd(result)}${last ? `: ${last}` : ''}); going on with the pip the venv came with.`;
}

function runOptions(pip: PipContext) {
  return { cwd: pip.cwd, env: pip.env, ...(pip.onLine ? { onLine: pip.onLine } : {}) };
}
