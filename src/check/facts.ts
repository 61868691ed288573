/** Lookups several checks share (Python, venvs, npm settings, .env values, the template), each made at most once per run. */

import { type EnvValues, loadEnvValues } from '../env/load.js';
import { type EnvSchema, parseEnvTemplate } from '../env/template.js';
import { type FoundPython, findPython } from '../install/python-discovery.js';
import { commandLabel } from '../install/python-probe.js';
import { InstallStepFailure } from '../install/step-failure.js';
import { inspectVenv, type VenvState } from '../install/venv.js';
import type { Platform } from '../platform/platform.js';
import { pythonActivationEnv } from '../platform/venv-activation.js';
import { parseVersion } from '../text/version.js';
import type { PythonService, Workspace } from '../workspace/types.js';
import type { CheckEffects } from './effects.js';
import { type NpmSetting, readNpmSettings } from './npm-config.js';

/** Python discovery's answer: the Python found, or why none was. */
export type PythonLookup = { ok: true; python: FoundPython } | { ok: false; failure: InstallStepFailure };

/** The shared lookups. */
export interface CheckFacts {
  /** The environment python probes run in: the user's, with no .pyc written (the doctor writes nothing). */
  readonly probeEnv: NodeJS.ProcessEnv;
  python(): Promise<PythonLookup>;
  venv(service: PythonService): Promise<VenvState>;
  npmSettings(packageDir: string): NpmSetting[];
  envValues(): EnvValues;
  /** The parsed .env.template, or null when there is none; a ConfigError when it is broken. */
  templateSchema(): EnvSchema | null;
}

/** What the facts are looked up in. */
export interface FactsSource {
  workspace: Workspace;
  env: NodeJS.ProcessEnv;
  platform: Platform;
  effects: CheckEffects;
}

function once<T>(make: () => T): () => T {
  let memo: { value: T } | undefined;
  return () => {
    memo ??= { value: make() };
    return memo.value;
  };
}

function perKey<T>(make: (key: string) => T): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    if (!memo.has(key)) memo.set(key, make(key));
    return memo.get(key) as T;
  };
}

async function lookUpPython(source: FactsSource, probeEnv: NodeJS.ProcessEnv): Promise<PythonLookup> {
  const { workspace, platform, effects } = source;
  try {
    return { ok: true, python: await findPython(workspace.python.minVersion, platform, effects.runner, { command: workspace.python.command, env: probeEnv }) };
  } catch (error) {
    if (error instanceof InstallStepFailure) return { ok: false, failure: error };
    throw error;
  }
}

/** Facts for one run of the doctor. */
export function createCheckFacts(source: FactsSource): CheckFacts {
  const { workspace, platform, effects } = source;
  const probeEnv: NodeJS.ProcessEnv = { ...source.env, PYTHONDONTWRITEBYTECODE: '1' };
  const python = once(() => lookUpPython(source, probeEnv));
  const venvs = new Map<PythonService, Promise<VenvState>>();
  const inspect = async (service: PythonService): Promise<VenvState> => {
    const configured = workspace.python.command ? await python() : undefined;
    return inspectVenv(service.venv, platform, effects.runner, pythonActivationEnv(service.venv, probeEnv, platform), {
      minimum: parseVersion(workspace.python.minVersion) ?? [3],
      minimumText: workspace.python.minVersion,
      ...(configured?.ok ? { configured: { label: commandLabel(configured.python), version: configured.python.version } } : {}),
    });
  };
  return {
    probeEnv,
    python,
    venv(service) {
      if (!venvs.has(service)) venvs.set(service, inspect(service));
      return venvs.get(service) as Promise<VenvState>;
    },
    npmSettings: perKey((packageDir) =>
      readNpmSettings({ packageDir, root: workspace.root, env: source.env, platform, homeDir: effects.homeDir, nodePath: effects.nodePath }, effects.files),
    ),
    envValues: once(() => loadEnvValues(workspace, source.env)),
    templateSchema: once(() => {
      const text = effects.files.readText(workspace.envTemplateFile);
      return text === undefined ? null : parseEnvTemplate(text, workspace.envTemplateFile);
    }),
  };
}
