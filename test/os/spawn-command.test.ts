// The one spawn path, planned for Windows on any host: a program is found like cmd.exe finds it (working folder, then
// PATH, PATHEXT extensions; Microsoft, "Command search sequence" in the cmd docs, and libuv's search_path in
// src/win/process.c, which tries the current folder before PATH), a .cmd/.bat runs through `cmd.exe /d /s /c` with
// verbatim arguments (Node's child_process docs, "Spawning .bat and .cmd files on Windows"), a missing program is not
// spawned at all. The real run under Wine is test/windows/services.test.ts.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { resolveWindowsProgram, spawnCommand, spawnProgram } from '../../src/os/spawn-command.js';
import { platformFor } from '../../src/platform/platform.js';

const windows = platformFor('win32');
const files = new Set([
  'C:\\nodejs\\npm.cmd',
  'C:\\nodejs\\npm',
  'C:\\nodejs\\node.exe',
  'C:\\my app\\serve.cmd',
  'C:\\my app\\bin\\tool.bat',
  'C:\\Windows\\git.exe',
]);
const isFile = (file: string) => files.has(file);
const env = { Path: 'C:\\nodejs;C:\\Windows', PATHEXT: '.COM;.EXE;.BAT;.CMD', ComSpec: 'C:\\Windows\\system32\\cmd.exe' };
const at = (cwd: string) => ({ cwd, env, platform: windows, isFile });

describe('resolveWindowsProgram', () => {
  it('tries the working folder first, then PATH, with the PATHEXT extensions', () => {
    expect(resolveWindowsProgram('serve', at('C:\\my app'))).toBe('C:\\my app\\serve.cmd');
    expect(resolveWindowsProgram('npm', at('C:\\my app'))).toBe('C:\\nodejs\\npm.cmd');
    expect(resolveWindowsProgram('bin\\tool', at('C:\\my app'))).toBe('C:\\my app\\bin\\tool.bat');
    expect(resolveWindowsProgram('C:\\nodejs\\node', at('C:\\elsewhere'))).toBe('C:\\nodejs\\node.exe');
    expect(resolveWindowsProgram('py', at('C:\\my app'))).toBeUndefined();
  });
});

describe('spawnCommand on Windows', () => {
  it('runs a .cmd through cmd.exe /d /s /c with the line quoted and verbatim arguments', () => {
    expect(spawnCommand('npm', ['run', 'dev', '--', '--host', 'a&b'], at('C:\\my app'))).toEqual({
      file: 'C:\\Windows\\system32\\cmd.exe',
      args: ['/d', '/s', '/c', '""C:\\nodejs\\npm.cmd" ^^^"run^^^" ^^^"dev^^^" ^^^"--^^^" ^^^"--host^^^" ^^^"a^^^&b^^^""'],
      windowsVerbatimArguments: true,
    });
    expect(spawnCommand('serve.cmd', ['50%'], at('C:\\my app'))?.args[3]).toBe('""C:\\my app\\serve.cmd" ^^^"50^^^%^^^""');
  });

  it('spawns an .exe directly by its full path, arguments left to libuv', () => {
    expect(spawnCommand('git', ['status', 'a b'], at('C:\\my app'))).toEqual({
      file: 'C:\\Windows\\git.exe',
      args: ['status', 'a b'],
      windowsVerbatimArguments: false,
    });
  });

  it('finds nothing for a program that is not there, or an empty one', () => {
    expect(spawnCommand('py', ['-3'], at('C:\\my app'))).toBeUndefined();
    expect(spawnCommand(' ', [], at('C:\\my app'))).toBeUndefined();
  });

  it('falls back to cmd.exe when ComSpec is unset', () => {
    expect(spawnCommand('npm', [], { env: { Path: 'C:\\nodejs' }, platform: windows, isFile })?.file).toBe('cmd.exe');
  });
});

describe('spawnCommand elsewhere', () => {
  it('hands the program to spawn as is (spawn reports ENOENT itself)', () => {
    expect(spawnCommand('npm', ['run', 'a&b'], { env: {}, platform: platformFor('linux') })).toEqual({
      file: 'npm',
      args: ['run', 'a&b'],
      windowsVerbatimArguments: false,
    });
  });
});

describe('spawnProgram', () => {
  it('throws ENOENT at once for a Windows program that is not there, spawning nothing', () => {
    let spawned = false;
    const fakeSpawn = ((...args: Parameters<typeof spawn>) => ((spawned = true), spawn(...args))) as typeof spawn;
    expect(() => spawnProgram(fakeSpawn, 'py', [], { env: { Path: 'C:\\none' } }, windows)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(spawned).toBe(false);
  });
});
