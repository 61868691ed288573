/** Where things live inside a Python venv: `Scripts\python.exe` on Windows, `bin/python` elsewhere. */
import type { Platform } from './platform.js';

/** The venv folder holding its executables (the one activation puts first on PATH). */
export function venvBinDir(venv: string, platform: Platform): string {
  return platform.path.join(venv, platform.isWindows ? 'Scripts' : 'bin');
}

/** The venv's own Python interpreter. */
export function venvPython(venv: string, platform: Platform): string {
  return platform.path.join(venvBinDir(venv, platform), platform.isWindows ? 'python.exe' : 'python');
}

/** The venv's configuration file; a venv without it is broken. */
export function venvConfigFile(venv: string, platform: Platform): string {
  return platform.path.join(venv, 'pyvenv.cfg');
}
