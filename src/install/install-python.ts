/** A python service: venv inspected (rebuilt when broken, created when absent), pip upgraded after creation, `pip install -r`, stamped. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pythonActivationEnv } from '../platform/venv-activation.js';
import { venvPython } from '../platform/venv-layout.js';
import { formatVersion, parseVersion, type Version } from '../text/version.js';
import type { PythonService } from '../workspace/types.js';
import { type Fingerprint, hashFiles, type KnownHashes } from './fingerprint.js';
import { pythonInputFiles } from './install-inputs.js';
import { type PipContext, pipInstall, upgradePip } from './pip.js';
import { type FoundPython, findPython } from './python-discovery.js';
import { commandLabel } from './python-probe.js';
import { displayPath, type InstallEnvironment, type InstallReporter, type PreparedInstall } from './service-install.js';
import { removeStamp, stampFile, stampFileStats, stampStaleReason, writeStamp } from './stamp.js';
import { InstallStepFailure } from './step-failure.js';
import { createVenv, inspectVenv, removeVenv, type VenvState } from './venv.js';
import { venvProbeFile } from './venv-probe-cache.js';

/** Checks the venv and the stamp; the install (re)builds the venv when needed, then runs pip and stamps. */
export async function preparePythonService(service: PythonService, environment: InstallEnvironment): Promise<PreparedInstall> {
  if (!existsSync(service.requirements)) {
    throw new InstallStepFailure(`requirements file ${displayPath(environment, service.requirements)} not found.`, {
      hint: `Create it, or set services.${service.name}.requirements (or dir) in tovrun.yaml.`,
    });
  }
  const { platform, runner, env, python } = environment;
  const configured = python.command ? await findPython(python.minVersion, platform, runner, { command: python.command, env }) : undefined;
  const venvState = await inspectVenv(
    service.venv,
    platform,
    runner,
    pythonActivationEnv(service.venv, env, platform),
    {
      minimum: parseVersion(python.minVersion) ?? [3],
      minimumText: python.minVersion,
      ...(configured ? { configured: { label: commandLabel(configured), version: configured.version } } : {}),
    },
    environment.readOnly ? undefined : venvProbeFile(environment.stateDir, service.name),
  );
  const stamp = stampFile(environment.stateDir, service.name);
  const reason = await installReason(service, environment, venvState, stamp);
  return {
    reason,
    install: async (reporter) => {
      await removeStamp(stamp);
      const version = venvState.state === 'ready' ? venvState.version : await buildVenv(service, environment, reporter, venvState, configured);
      reporter.step(`pip install -r ${path.basename(service.requirements)}`);
      await pipInstall(pipContext(service, environment, reporter), service.requirements);
      const fingerprint = pythonFingerprint(service, environment, version);
      await writeStamp(stamp, service.name, fingerprint, new Date(), stampFileStats(fingerprint, environment.root));
    },
  };
}

async function installReason(service: PythonService, environment: InstallEnvironment, venv: VenvState, stamp: string): Promise<string | undefined> {
  const where = displayPath(environment, service.venv);
  if (venv.state === 'absent') return `${where} does not exist yet`;
  if (venv.state === 'broken') return `${where} is broken: ${venv.reason}`;
  if (environment.reinstall) return 'reinstall requested';
  return stampStaleReason(stamp, (known) => pythonFingerprint(service, environment, venv.version, known), environment.root, environment.readOnly ?? false);
}

/** Removes a broken venv (saying why), creates it with a found Python, upgrades pip (a failure only warns); the new venv's version. */
async function buildVenv(
  service: PythonService,
  environment: InstallEnvironment,
  reporter: InstallReporter,
  state: VenvState,
  configured: FoundPython | undefined,
): Promise<Version> {
  const where = displayPath(environment, service.venv);
  if (state.state === 'broken') {
    reporter.step(`removing ${where}: ${state.reason}`);
    await removeVenv(service.venv, service.name);
  }
  const { platform, runner, env } = environment;
  const python = configured ?? (await findPython(environment.python.minVersion, platform, runner, { env }));
  reporter.step(`creating ${where} with ${commandLabel(python)} (Python ${formatVersion(python.version)})`);
  // The interpreter itself, not the command that found it: no launcher or shim (py, pyenv) in between.
  await createVenv({ command: python.executable, args: [] }, service.venv, runner, env, reporter.toolOutput);
  reporter.step('upgrading pip');
  const warning = await upgradePip(pipContext(service, environment, reporter));
  if (warning) reporter.warn(warning);
  return python.version;
}

function pipContext(service: PythonService, environment: InstallEnvironment, reporter: InstallReporter): PipContext {
  return {
    python: venvPython(service.venv, environment.platform),
    cwd: service.dir,
    env: pythonActivationEnv(service.venv, environment.env, environment.platform),
    runner: environment.runner,
    onLine: reporter.toolOutput,
  };
}

/** The requirements files (nested -r and -c followed), the venv's Python version and the venv's place; known hashes reused for unchanged files. */
export function pythonFingerprint(
  service: PythonService,
  environment: Pick<InstallEnvironment, 'root'>,
  pythonVersion: Version,
  known?: KnownHashes,
): Fingerprint {
  return {
    files: hashFiles(pythonInputFiles(service), environment.root, known),
    tools: { python: formatVersion(pythonVersion) },
    flags: [`venv=${displayPath(environment, service.venv)}`],
  };
}
