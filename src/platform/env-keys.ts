/** Environment variables by name, the way the platform matches them: case-insensitively on Windows (`Path`, `PATH`). */
import type { Platform } from './platform.js';

/** The keys of env naming the variable `name` (all spellings on Windows, the exact one elsewhere). */
export function envKeysNamed(env: NodeJS.ProcessEnv, name: string, platform: Platform): string[] {
  if (!platform.isWindows) return name in env ? [name] : [];
  const wanted = name.toUpperCase();
  return Object.keys(env).filter((key) => key.toUpperCase() === wanted);
}

/** The key holding the search path: the existing one whatever its case on Windows (usually `Path`), `PATH` elsewhere. */
export function pathKey(env: NodeJS.ProcessEnv, platform: Platform): string {
  return envKeysNamed(env, 'PATH', platform)[0] ?? (platform.isWindows ? 'Path' : 'PATH');
}

/** The value of the variable `name`, matched the platform's way. */
export function envValue(env: NodeJS.ProcessEnv, name: string, platform: Platform): string | undefined {
  const key = envKeysNamed(env, name, platform)[0];
  return key === undefined ? undefined : env[key];
}

/** A copy of env without the variable `name` (every spelling of it on Windows). */
export function withoutEnv(env: NodeJS.ProcessEnv, name: string, platform: Platform): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const key of envKeysNamed(env, name, platform)) delete copy[key];
  return copy;
}

/** A copy of env with dir first on the search path, under the existing PATH key (never a second one on Windows). */
export function prependToPath(env: NodeJS.ProcessEnv, dir: string, platform: Platform): NodeJS.ProcessEnv {
  const key = pathKey(env, platform);
  const copy = withoutEnv(env, 'PATH', platform);
  const current = env[key];
  copy[key] = current ? `${dir}${platform.path.delimiter}${current}` : dir;
  return copy;
}
