/**
 * The launchers init writes at the repository root, like the tovrun.ps1 + tovrun.bat pair TovPlay had: `tovrun.cmd`
 * for cmd, PowerShell and a double-click on Windows (a .cmd file is not subject to PowerShell's execution policy), and
 * `tovrun` (POSIX sh) for macOS and Linux. Each installs the root dependencies when the pinned tovrun is missing or
 * package.json / package-lock.json changed since the last install, then runs the pinned tovrun with every argument and
 * returns its exit code. What the install prints goes to stderr, so that `./tovrun --check --json` stays JSON.
 */

import path from 'node:path';
import type { InitAction, InitReader, SkippedFile } from './types.js';

/**
 * Exits 0 when node_modules holds tovrun and npm's record of the last install (node_modules/.package-lock.json) is not
 * older than package.json and package-lock.json; 1 when `npm install` should run first. One line with no `'`, `%`,
 * `!`, `^` or `"`, so it survives both sh's single quotes and cmd's double quotes unchanged.
 */
export const needsInstallScript =
  'const f=require(`fs`);const t=(p)=>{try{return f.statSync(p).mtimeMs}catch{return 0}};const i=t(`node_modules/.package-lock.json`);' +
  'process.exit(t(`node_modules/tovrun/bin/tovrun.js`)>0&&i>=t(`package.json`)&&i>=t(`package-lock.json`)?0:1)';

/** The POSIX launcher: `./tovrun …`. */
export function shellLauncher(): string {
  return [
    '#!/bin/sh',
    '# Runs the tovrun pinned in package.json (written by `tovrun init`; safe to commit). Installs the root',
    '# dependencies first when tovrun is missing or package.json changed since the last `npm install`.',
    'set -e',
    'root=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)',
    `if ! (cd "$root" && node -e '${needsInstallScript}'); then`,
    '  echo "tovrun: installing the root dependencies (npm install)..." >&2',
    '  (cd "$root" && npm install --no-audit --no-fund) 1>&2',
    'fi',
    'exec node "$root/node_modules/tovrun/bin/tovrun.js" "$@"',
    '',
  ].join('\n');
}

/** The Windows launcher: `.\tovrun …` in PowerShell or cmd, or a double-click. */
export function cmdLauncher(): string {
  return [
    '@echo off',
    'rem Runs the tovrun pinned in package.json (written by `tovrun init`; safe to commit). Installs the root',
    'rem dependencies first when tovrun is missing or package.json changed since the last `npm install`.',
    'setlocal',
    'set "TOVRUN_ROOT=%~dp0"',
    'pushd "%TOVRUN_ROOT%"',
    `node -e "${needsInstallScript}"`,
    'if errorlevel 1 (',
    '  echo tovrun: installing the root dependencies ^(npm install^)... 1>&2',
    '  call npm install --no-audit --no-fund 1>&2',
    '  if errorlevel 1 ( popd & exit /b 1 )',
    ')',
    'popd',
    'node "%TOVRUN_ROOT%node_modules\\tovrun\\bin\\tovrun.js" %*',
    'exit /b %ERRORLEVEL%',
    '',
  ].join('\r\n');
}

/** The launcher files init writes (never over an existing file); the POSIX one is executable. */
export function planLaunchers(root: string, reader: InitReader): { actions: InitAction[]; skipped: SkippedFile[] } {
  const launchers = [
    { file: 'tovrun.cmd', text: cmdLauncher(), why: 'Windows launcher: `.\\tovrun` in PowerShell or cmd, or a double-click', executable: false },
    { file: 'tovrun', text: shellLauncher(), why: 'macOS and Linux launcher: `./tovrun`', executable: true },
  ];
  const actions: InitAction[] = [];
  const skipped: SkippedFile[] = [];
  for (const launcher of launchers) {
    if (reader.exists(path.join(root, launcher.file))) skipped.push({ path: launcher.file, reason: 'exists' });
    else actions.push({ kind: 'write', path: launcher.file, text: launcher.text, why: launcher.why, executable: launcher.executable });
  }
  return { actions, skipped };
}
