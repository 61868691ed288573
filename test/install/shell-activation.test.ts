import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { activationCommands, applyHint, guessShell, msysPath } from '../../src/install/shell-activation.js';
import { platformFor } from '../../src/platform/platform.js';

const linux = platformFor('linux');
const windows = platformFor('win32');

describe('activationCommands', () => {
  it('exports for bash and zsh, quoting the path', () => {
    expect(activationCommands('bash', "/w/it's/venv", linux, { PATH: '/usr/bin' })).toEqual([
      "export VIRTUAL_ENV='/w/it'\\''s/venv'",
      "export PATH='/w/it'\\''s/venv/bin'\":$PATH\"",
      'unset PYTHONHOME',
    ]);
    expect(activationCommands('zsh', '/w/venv', linux, {})[1]).toBe('export PATH=\'/w/venv/bin\'":$PATH"');
  });

  it('uses set -gx for fish', () => {
    expect(activationCommands('fish', '/w/venv', linux, {})).toEqual([
      "set -gx VIRTUAL_ENV '/w/venv'",
      "set -gx PATH '/w/venv/bin' $PATH",
      'set -e PYTHONHOME',
    ]);
  });

  it('uses $env: and the existing Path key for PowerShell on Windows', () => {
    expect(activationCommands('powershell', 'C:\\w\\venv', windows, { Path: 'C:\\Windows' })).toEqual([
      "$env:VIRTUAL_ENV = 'C:\\w\\venv'",
      "$env:Path = 'C:\\w\\venv\\Scripts;' + $env:Path",
      'Remove-Item Env:PYTHONHOME -ErrorAction SilentlyContinue',
    ]);
  });

  it('uses set for cmd, each line right when pasted', () => {
    expect(activationCommands('cmd', 'C:\\w\\venv', windows, { Path: 'C:\\Windows' })).toEqual([
      'set "VIRTUAL_ENV=C:\\w\\venv"',
      'set "Path=C:\\w\\venv\\Scripts;%Path%"',
      'set PYTHONHOME=',
    ]);
  });

  // cmd.exe expands %VAR% when it reads a command line, before it substitutes a FOR variable (Microsoft docs, "for":
  // https://learn.microsoft.com/windows-server/administration/windows-commands/for; `set /?` on delayed expansion, which
  // is off by default and would need !VAR!), so `for /f … do %l` set Path to a literal "…\Scripts;%Path%". CALL before
  // an internal command parses the substituted line again and expands %Path% then (the documented "CALL SET" double
  // expansion, e.g. ss64.com/nt/call.html), and works with the very lines a user pastes.
  it('applies the cmd lines with call, so %Path% is expanded after for /f substitutes them', () => {
    expect(applyHint('cmd')).toContain(`for /f "delims=" %l in ('tovrun env --shell cmd') do @call %l`);
    expect(applyHint('cmd')).toContain('%%l');
  });

  it('says how to apply the commands', () => {
    expect(applyHint('bash')).toBe('eval "$(tovrun env)"');
    expect(applyHint('fish')).toContain('| source');
    expect(applyHint('powershell')).toBe('tovrun env --shell powershell | Out-String | Invoke-Expression');
  });
});

// Git Bash (MSYS2) keeps PATH colon-separated with POSIX paths (`/c/Users/…`); a `C:\…\Scripts;` entry would be split
// at the drive's colon. Python's own venv/scripts/common/activate converts the venv path with `cygpath` when
// $OSTYPE is msys or cygwin and puts "$VIRTUAL_ENV/Scripts" first with a `:`; tovrun writes the same form.
describe('activation in Git Bash (bash on Windows)', () => {
  const venv = "C:\\Users\\Jo O'Brien\\tovplay\\tovplay-backend\\.venv";

  it('writes POSIX paths, a colon and the name PATH whatever the case of the Windows key', () => {
    expect(msysPath('C:\\Users\\me\\venv')).toBe('/c/Users/me/venv');
    expect(msysPath('f:\\tovplay')).toBe('/f/tovplay');
    expect(msysPath('\\\\server\\share\\venv')).toBe('//server/share/venv');
    expect(activationCommands('bash', venv, windows, { Path: 'C:\\Windows', MSYSTEM: 'MINGW64' })).toEqual([
      "export VIRTUAL_ENV='/c/Users/Jo O'\\''Brien/tovplay/tovplay-backend/.venv'",
      "export PATH='/c/Users/Jo O'\\''Brien/tovplay/tovplay-backend/.venv/Scripts'\":$PATH\"",
      'unset PYTHONHOME',
    ]);
    expect(activationCommands('fish', 'F:\\p\\venv', windows, {})[1]).toBe("set -gx PATH '/f/p/venv/Scripts' $PATH");
  });

  it('works when run by a real bash with MSYSTEM set: the venv first on PATH, the old entries kept, PYTHONHOME gone', () => {
    const lines = activationCommands('bash', venv, windows, { Path: 'C:\\Windows', MSYSTEM: 'MINGW64' }).join('\n');
    const env = { PATH: '/mingw64/bin:/usr/bin:/c/Windows/system32', MSYSTEM: 'MINGW64', PYTHONHOME: '/c/Python312' };
    const script = `eval "$ACTIVATION"\nprintf '%s\\n' "$PATH" "$VIRTUAL_ENV" "\${PYTHONHOME-unset}"`;
    const bash = execFileSync('/bin/bash', ['--norc', '--noprofile', '-c', script], { env: { ...env, ACTIVATION: lines }, encoding: 'utf8' }).split('\n');
    expect(bash[0]?.split(':')).toEqual(["/c/Users/Jo O'Brien/tovplay/tovplay-backend/.venv/Scripts", '/mingw64/bin', '/usr/bin', '/c/Windows/system32']);
    expect(bash[1]).toBe("/c/Users/Jo O'Brien/tovplay/tovplay-backend/.venv");
    expect(bash[2]).toBe('unset');
  });
});

describe('guessShell', () => {
  it('follows SHELL when it names a known shell', () => {
    expect(guessShell({ SHELL: '/usr/bin/zsh' }, linux)).toBe('zsh');
    expect(guessShell({ SHELL: '/opt/homebrew/bin/fish' }, platformFor('darwin'))).toBe('fish');
    expect(guessShell({ SHELL: 'C:\\Program Files\\Git\\usr\\bin\\bash.exe' }, windows)).toBe('bash');
    expect(guessShell({ SHELL: '/usr/bin/pwsh' }, linux)).toBe('powershell');
  });

  it('takes bash under MSYSTEM (Git Bash, MSYS2) when SHELL says nothing', () => {
    expect(guessShell({ MSYSTEM: 'MINGW64' }, windows)).toBe('bash');
  });

  it('defaults to PowerShell on Windows and bash elsewhere', () => {
    expect(guessShell({}, windows)).toBe('powershell');
    expect(guessShell({ SHELL: '/bin/tcsh' }, linux)).toBe('bash');
  });
});
