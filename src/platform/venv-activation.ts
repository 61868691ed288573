/** The environment of every process tovrun starts with a venv: as if the venv were activated, output unbuffered. */
import { prependToPath, withoutEnv } from './env-keys.js';
import type { Platform } from './platform.js';
import { venvBinDir } from './venv-layout.js';

/** baseEnv with VIRTUAL_ENV set, the venv's bin/Scripts first on PATH (existing key), PYTHONHOME removed, PYTHONUNBUFFERED=1. */
export function pythonActivationEnv(venv: string, baseEnv: NodeJS.ProcessEnv, platform: Platform): NodeJS.ProcessEnv {
  let env = withoutEnv(baseEnv, 'PYTHONHOME', platform);
  env = withoutEnv(env, 'VIRTUAL_ENV', platform);
  env = withoutEnv(env, 'PYTHONUNBUFFERED', platform);
  env = prependToPath(env, venvBinDir(venv, platform), platform);
  env.VIRTUAL_ENV = venv;
  env.PYTHONUNBUFFERED = '1';
  return env;
}
