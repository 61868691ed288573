/** The venv activation as commands for the user's own shell (what `tovrun env` prints), and a guess at that shell. */
import path from 'node:path';
import { envValue, pathKey } from '../platform/env-keys.js';
import type { Platform } from '../platform/platform.js';
import { venvBinDir } from '../platform/venv-layout.js';

/** Shells tovrun prints an activation for. */
export const shellNames = ['bash', 'zsh', 'fish', 'powershell', 'cmd'] as const;

/** One of shellNames. */
export type Shell = (typeof shellNames)[number];

/** The user's shell: from SHELL when it names a known one (Git Bash sets it on Windows), bash under MSYSTEM (Git Bash, MSYS2), else PowerShell on Windows and bash elsewhere. */
export function guessShell(env: NodeJS.ProcessEnv, platform: Platform): Shell {
  const shellPath = envValue(env, 'SHELL', platform);
  const name = shellPath
    ? path
        .basename(shellPath.replace(/\\/g, '/'))
        .replace(/\.exe$/i, '')
        .toLowerCase()
    : '';
  if (name === 'pwsh' || name === 'powershell') return 'powershell';
  if ((shellNames as readonly string[]).includes(name)) return name as Shell;
  if (platform.isWindows && envValue(env, 'MSYSTEM', platform)) return 'bash';
  return platform.isWindows ? 'powershell' : 'bash';
}

const posixQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const fishQuote = (text: string) => `'${text.replace(/[\\']/g, '\\$&')}'`;
const powershellQuote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * A Windows path as Git Bash (MSYS2) writes it: `C:\Users\me` → `/c/Users/me`, `\\server\share` → `//server/share`.
 * This is the form Python's own venv activate script uses there (it runs `cygpath` on MSYS): PATH in Git Bash is
 * colon-separated, so a `C:\…` entry would split at its drive colon.
 */
export function msysPath(windowsPath: string): string {
  const slashed = windowsPath.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):/.exec(slashed);
  return drive ? `/${(drive[1] as string).toLowerCase()}${slashed.slice(2)}` : slashed;
}

/** The commands that activate venv in shell: VIRTUAL_ENV set, its bin/Scripts folder first on PATH, PYTHONHOME unset. */
export function activationCommands(shell: Shell, venv: string, platform: Platform, env: NodeJS.ProcessEnv): string[] {
  const bin = venvBinDir(venv, platform);
  // bash, zsh and fish on Windows are Git Bash / MSYS2 ones: POSIX paths, `:` between PATH entries, the name PATH.
  const posix = (file: string) => (platform.isWindows ? msysPath(file) : file);
  switch (shell) {
    case 'bash':
    case 'zsh':
      return [`export VIRTUAL_ENV=${posixQuote(posix(venv))}`, `export PATH=${posixQuote(posix(bin))}":$PATH"`, 'unset PYTHONHOME'];
    case 'fish':
      return [`set -gx VIRTUAL_ENV ${fishQuote(posix(venv))}`, `set -gx PATH ${fishQuote(posix(bin))} $PATH`, 'set -e PYTHONHOME'];
    case 'powershell': {
      const key = pathKey(env, platform);
      return [
        `$env:VIRTUAL_ENV = ${powershellQuote(venv)}`,
        `$env:${key} = ${powershellQuote(bin + platform.path.delimiter)} + $env:${key}`,
        'Remove-Item Env:PYTHONHOME -ErrorAction SilentlyContinue',
      ];
    }
    case 'cmd': {
      // `%Path%` is expanded when a line is pasted; applied through `for /f … do %l` it is not (cmd expands percent
      // variables before it substitutes %l), which is why applyHint runs each line with `call` (a second expansion).
      const key = pathKey(env, platform);
      return [`set "VIRTUAL_ENV=${venv}"`, `set "${key}=${bin}${platform.path.delimiter}%${key}%"`, 'set PYTHONHOME='];
    }
  }
}

/** How to apply the printed commands in shell, for a hint on stderr. */
export function applyHint(shell: Shell): string {
  switch (shell) {
    case 'bash':
    case 'zsh':
      return 'eval "$(tovrun env)"';
    case 'fish':
      return 'tovrun env --shell fish | source';
    case 'powershell':
      return 'tovrun env --shell powershell | Out-String | Invoke-Expression';
    case 'cmd':
      return 'paste the printed lines, or: for /f "delims=" %l in (\'tovrun env --shell cmd\') do @call %l   (in a .bat file: %%l)';
  }
}
