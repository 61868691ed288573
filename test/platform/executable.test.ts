import { describe, expect, it } from 'vitest';
import { executableNames, findExecutable } from '../../src/platform/executable.js';
import { platformFor } from '../../src/platform/platform.js';

const windows = platformFor('win32');
const linux = platformFor('linux');

describe('findExecutable', () => {
  it('searches PATH in order on POSIX', () => {
    const files = new Set(['/opt/bin/python3', '/usr/bin/python3']);
    expect(findExecutable('python3', { PATH: '/usr/local/bin:/opt/bin:/usr/bin' }, linux, (file) => files.has(file))).toBe('/opt/bin/python3');
    expect(findExecutable('python4', { PATH: '/opt/bin' }, linux, (file) => files.has(file))).toBeUndefined();
  });

  it('tries the PATHEXT extensions on Windows, under whatever case the Path key has', () => {
    const files = new Set(['C:\\nodejs\\npm.cmd', 'C:\\nodejs\\npm']);
    const env = { Path: 'C:\\Windows;C:\\nodejs', PATHEXT: '.COM;.EXE;.BAT;.CMD' };
    expect(findExecutable('npm', env, windows, (file) => files.has(file))).toBe('C:\\nodejs\\npm.cmd');
    expect(findExecutable('npm.cmd', env, windows, (file) => files.has(file))).toBe('C:\\nodejs\\npm.cmd');
  });

  it('checks a path directly instead of searching', () => {
    expect(findExecutable('/venv/bin/python', { PATH: '/usr/bin' }, linux, (file) => file === '/venv/bin/python')).toBe('/venv/bin/python');
    expect(findExecutable('C:\\venv\\Scripts\\python', {}, windows, (file) => file === 'C:\\venv\\Scripts\\python.exe')).toBe('C:\\venv\\Scripts\\python.exe');
  });

  it('uses the default PATHEXT when none is set', () => {
    expect(executableNames('py', {}, windows)).toEqual(['py.com', 'py.exe', 'py.bat', 'py.cmd']);
    expect(executableNames('py', {}, linux)).toEqual(['py']);
  });
});
