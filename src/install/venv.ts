/** The service's venv: is it usable, and creating or rebuilding it with a found Python. */
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import type { CommandRunner } from '../os/system-runner.js';
import type { Platform } from '../platform/platform.js';
import { venvConfigFile, venvPython } from '../platform/venv-layout.js';
import { compareVersions, formatVersion, sameMinor, type Version } from '../text/version.js';
import { type PythonProbe, probePython } from './python-probe.js';
import { InstallStepFailure, toolFailure } from './step-failure.js';
import { interpreterIdentity, rememberedProbe, rememberProbe } from './venv-probe-cache.js';

/** What inspecting a venv found. */
export type VenvState = { state: 'ready'; version: Version } | { state: 'absent' } | { state: 'broken'; reason: string };

/** The Python a venv must have: at least minimum, and the same minor version as python.command when that is set. */
export interface VenvRequirement {
  minimum: Version;
  minimumText: string;
  configured?: { label: string; version: Version };
}

/**
 * Whether the venv exists, and if so whether it works and has the required Python version. With probeFile, a probe
 * remembered there is reused while the interpreter's files are unchanged, and a new successful probe is remembered.
 */
export async function inspectVenv(
  venv: string,
  platform: Platform,
  runner: CommandRunner,
  env: NodeJS.ProcessEnv,
  requirement: VenvRequirement,
  probeFile?: string,
): Promise<VenvState> {
  if (!existsSync(venv) || (await readdir(venv)).length === 0) return { state: 'absent' };
  if (!existsSync(venvConfigFile(venv, platform))) return { state: 'broken', reason: 'its pyvenv.cfg is missing' };
  const identity = probeFile === undefined ? undefined : interpreterIdentity(venv, platform);
  const remembered = probeFile && identity ? rememberedProbe(probeFile, identity) : undefined;
  if (remembered) return judgeVenvProbe(remembered, requirement);
  const probe = await probePython({ command: venvPython(venv, platform), args: [] }, runner, env);
  if (probeFile && identity) rememberProbe(probeFile, identity, probe);
  return judgeVenvProbe(probe, requirement);
}

/** The venv's state from what its interpreter answered. */
export function judgeVenvProbe(probe: PythonProbe, requirement: VenvRequirement): VenvState {
  if (!probe.ok) return { state: 'broken', reason: `its interpreter no longer runs (${probe.reason})` };
  const version = formatVersion(probe.version);
  if (compareVersions(probe.version, requirement.minimum) < 0) {
    return { state: 'broken', reason: `it has Python ${version}, older than the configured minimum ${requirement.minimumText}` };
  }
  const configured = requirement.configured;
  if (configured && !sameMinor(probe.version, configured.version)) {
    return { state: 'broken', reason: `it has Python ${version} but python.command \`${configured.label}\` is Python ${formatVersion(configured.version)}` };
  }
  return { state: 'ready', version: probe.version };
}

const venvEntries = new Set(['bin', 'scripts', 'lib', 'lib64', 'include', 'share', 'etc', 'pyvenv.cfg', '.gitignore']);

/** Removes a broken venv, refusing when the folder holds anything a venv would not (a misconfigured path must not cost files). */
export async function removeVenv(venv: string, serviceName: string): Promise<void> {
  const strangers = (await readdir(venv)).filter((entry) => !venvEntries.has(entry.toLowerCase()));
  if (strangers.length > 0) {
    throw new InstallStepFailure(`${venv} is not a venv tovrun can rebuild: it also holds ${strangers.slice(0, 3).join(', ')}.`, {
      hint: `Move that folder away, or point services.${serviceName}.venv in tovrun.yaml at another folder.`,
    });
  }
  try {
    await rm(venv, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InstallStepFailure(`could not remove the broken venv ${venv} (${code}).`, {
      hint: 'Stop every program using that venv (a running backend, an editor terminal), then run `tovrun install` again.',
    });
  }
}

/** Creates the venv with `<python> -m venv`; a failure names the missing Debian package when ensurepip is absent. */
export async function createVenv(
  python: { command: string; args: readonly string[] },
  venv: string,
  runner: CommandRunner,
  env: NodeJS.ProcessEnv,
  onLine?: (line: string) => void,
): Promise<void> {
  const result = await runner(python.command, [...python.args, '-m', 'venv', venv], { env, ...(onLine ? { onLine } : {}) });
  if (result.exitCode === 0) return;
  const hint = /ensurepip|python3(\.\d+)?-venv/.test(result.output)
    ? "This Python lacks the venv module's pip: on Debian/Ubuntu run `sudo apt install python3-venv` (or python3.X-venv for your version)."
    : undefined;
  throw toolFailure('creating the venv', result, hint);
}
