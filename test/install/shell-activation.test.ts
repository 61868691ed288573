import { describe, expect, it } from 'vitest';
import { activationCommands, applyHint, guessShell } from '../../src/install/shell-activation.js';
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
    expect(activationCommands('zsh', '/w/venv', linux, {})[1]).toBe("export PATH='/w/venv/bin'\":$PATH\"");
  });

  it('uses set -gx for fish', () => {
    expect(activationCommands('fish', '/w/venv', linux, {})).toEqual(["set -gx VIRTUAL_ENV '/w/venv'", "set -gx PATH '/w/venv/bin' $PATH", 'set -e PYTHONHOME']);
  });

  it('uses $env: and the existing Path key for PowerShell on Windows', () => {
    expect(activationCommands('powershell', 'C:\\w\\venv', windows, { Path: 'C:\\Windows' })).toEqual([
      "$env:VIRTUAL_ENV = 'C:\\w\\venv'",
      "$env:Path = 'C:\\w\\venv\\Scripts;' + $env:Path",
      'Remove-Item Env:PYTHONHOME -ErrorAction SilentlyContinue',
    ]);
  });

  it('uses set for cmd', () => {
    expect(activationCommands('cmd', 'C:\\w\\venv', windows, { Path: 'C:\\Windows' })).toEqual(['set "VIRTUAL_ENV=C:\\w\\venv"', 'set "Path=C:\\w\\venv\\Scripts;%Path%"', 'set PYTHONHOME=']);
  });

  it('says how to apply the commands', () => {
    expect(applyHint('bash')).toBe('eval "$(tovrun env)"');
    expect(applyHint('fish')).toContain('| source');
  });
});

describe('guessShell', () => {
  it('follows SHELL when it names a known shell', () => {
    expect(guessShell({ SHELL: '/usr/bin/zsh' }, linux)).toBe('zsh');
    expect(guessShell({ SHELL: '/opt/homebrew/bin/fish' }, platformFor('darwin'))).toBe('fish');
    expect(guessShell({ SHELL: 'C:\\Program Files\\Git\\usr\\bin\\bash.exe' }, windows)).toBe('bash');
    expect(guessShell({ SHELL: '/usr/bin/pwsh' }, linux)).toBe('powershell');
  });

  it('defaults to PowerShell on Windows and bash elsewhere', () => {
    expect(guessShell({}, windows)).toBe('powershell');
    expect(guessShell({ SHELL: '/bin/tcsh' }, linux)).toBe('bash');
  });
});
