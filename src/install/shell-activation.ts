/** The venv activation as commands for the user's own shell (what `tovrun env` prints), and a guess at that shell. */
import path from 'node:path';
import { envValue, pathKey } from '../platform/env-keys.js';
import type { Platform } from '../platform/platform.js';
import { venvBinDir } from '../platform/venv-layout.js';

/** Shells tovrun prints an activation for. */
export const shellNames = ['bash', 'zsh', 'fish', 'powershell', 'cmd'] as const;

/** One of shellNames. */
export type Shell = (typeof shellNames)[number];

/** The user's shell: from SHELL when it names a known one (Git Bash sets it on Windows), else PowerShell on Windows and bash elsewhere. */
export function guessShell(env: NodeJS.ProcessEnv, platform: Platform): Shell {
  const shellPath = envValue(env, 'SHELL', platform);
  const name = shellPath ? path.basename(shellPath.replace(/\\/g, '/')).replace(/\.exe$/i, '').toLowerCase() : '';
  if (name === 'pwsh' || name === 'powershell') return 'powershell';
  if ((shellNames as readonly string[]).includes(name)) return name as Shell;
  return platform.isWindows ? 'powershell' : 'bash';
}

const posixQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const fishQuote = (text: string) => `'${text.replace(/[\\']/g, '\\$&')}'`;
const powershellQuote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The commands that activate venv in shell: VIRTUAL_ENV set, its bin/Scripts folder first on PATH, PYTHONHOME unset. */
export function activationCommands(shell: Shell, venv: string, platform: Platform, env: NodeJS.ProcessEnv): string[] {
  const bin = venvBinDir(venv, platform);
  const key = pathKey(env, platform);
  switch (shell) {
    case 'bash':
    case 'zsh':
      return [`export VIRTUAL_ENV=${posixQuote(venv)}`, `export ${key}=${posixQuote(bin)}"${platform.path.delimiter}$${key}"`, 'unset PYTHONHOME'];
    case 'fish':
      return [`set -gx VIRTUAL_ENV ${fishQuote(venv)}`, `set -gx PATH ${fishQuote(bin)} $PATH`, 'set -e PYTHONHOME'];
    case 'powershell':
      return [`$env:VIRTUAL_ENV = ${powershellQuote(venv)}`, `$env:${key} = ${powershellQuote(bin + platform.path.delimiter)} + $env:${key}`, 'Remove-Item Env:PYTHONHOME -ErrorAction SilentlyContinue'];
    case 'cmd':
      return [`set "VIRTUAL_ENV=${venv}"`, `set "${key}=${bin}${platform.path.delimiter}%${key}%"`, 'set PYTHONHOME='];
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
      return 'run each printed line, or: for /f "delims=" %l in (\'tovrun env --shell cmd\') do %l';
  }
}
