// A Python venv shared by every test that needs real python-dotenv or Flask, created once under test/.cache/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const cacheDir = fileURLToPath(new URL('../.cache', import.meta.url));
export const sharedVenvPackages = ['flask', 'python-dotenv'];

/** The Python interpreter inside a POSIX venv. */
export function venvPython(venv: string): string {
  return path.join(venv, 'bin', 'python');
}

/** Creates test/.cache/venv with flask and python-dotenv unless it is already there; returns its path. */
export function ensureSharedVenv(): string {
  const venv = path.join(cacheDir, 'venv');
  if (existsSync(path.join(venv, '.tovrun-test-ready'))) return venv;
  mkdirSync(cacheDir, { recursive: true });
  const building = path.join(cacheDir, `venv-building-${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  execFileSync('python3', ['-m', 'venv', building], { stdio: 'inherit' });
  execFileSync(venvPython(building), ['-m', 'pip', 'install', '--quiet', ...sharedVenvPackages], {
    stdio: 'inherit',
    env: { ...process.env, PIP_RETRIES: '0', PIP_DISABLE_PIP_VERSION_CHECK: '1' },
  });
  execFileSync('touch', [path.join(building, '.tovrun-test-ready')]);
  rmSync(venv, { recursive: true, force: true });
  // venvs embed their own path in scripts; python -m works after a rename, which is all the tests use.
  renameSync(building, venv);
  return venv;
}
