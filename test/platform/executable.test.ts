import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { executableNames, findExecutable, isFileOrAlias, type StatCalls } from '../../src/platform/executable.js';
import { platformFor } from '../../src/platform/platform.js';
import { nobodyUnavailable, runAsNobody } from '../support/as-nobody.js';

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

const errno = (code: string) => Object.assign(new Error(`${code}: stat`), { code });
const entry = (kind: 'file' | 'link' | 'dir') => ({ isFile: () => kind === 'file', isSymbolicLink: () => kind === 'link' });

/** stat and lstat answering as Windows does for the paths given. */
function calls(stat: Record<string, string>, lstat: Record<string, 'file' | 'link' | 'dir'>): StatCalls {
  return {
    stat: (file) => {
      const answer = stat[file];
      if (answer === undefined || answer === 'ENOENT' || answer === 'EACCES' || answer === 'EPERM') throw errno(answer ?? 'ENOENT');
      return entry(answer as 'file' | 'dir');
    },
    lstat: (file) => {
      const answer = lstat[file];
      if (answer === undefined) throw errno('ENOENT');
      return entry(answer);
    },
  };
}

// An App Execution Alias (Microsoft docs, "uap5:AppExecutionAlias",
// https://learn.microsoft.com/uwp/schemas/appxpackage/uapmanifestschema/element-uap5-appexecutionalias) is how Windows
// Terminal installs `wt.exe`: a zero-byte reparse point (IO_REPARSE_TAG_APPEXECLINK) in
// %LOCALAPPDATA%\Microsoft\WindowsApps that CreateProcess runs but CreateFile cannot open. Node's fs.statSync on it
// throws EACCES (nodejs/node#36790; libuv maps ERROR_CANT_ACCESS_FILE to EACCES), while lstat reads the link itself.
describe('isFileOrAlias', () => {
  const alias = 'C:\\Users\\me\\AppData\\Local\\Microsoft\\WindowsApps\\wt.exe';

  it('counts an App Execution Alias (stat refused with EACCES or EPERM, lstat finds a link or a file) as present', () => {
    expect(isFileOrAlias(alias, calls({ [alias]: 'EACCES' }, { [alias]: 'link' }))).toBe(true);
    expect(isFileOrAlias(alias, calls({ [alias]: 'EPERM' }, { [alias]: 'file' }))).toBe(true);
  });

  it('finds wt through its alias on PATH', () => {
    const fake = calls({ [alias]: 'EACCES' }, { [alias]: 'link' });
    const env = { Path: 'C:\\Windows;C:\\Users\\me\\AppData\\Local\\Microsoft\\WindowsApps' };
    expect(findExecutable('wt', env, windows, (file) => isFileOrAlias(file, fake))).toBe(alias);
  });

  it('still refuses what is missing, a folder, and a refused stat with nothing behind it', () => {
    expect(isFileOrAlias('C:\\x.exe', calls({}, {}))).toBe(false);
    expect(isFileOrAlias('C:\\dir.exe', calls({ 'C:\\dir.exe': 'dir' }, { 'C:\\dir.exe': 'dir' }))).toBe(false);
    expect(isFileOrAlias(alias, calls({ [alias]: 'EACCES' }, {}))).toBe(false);
    expect(isFileOrAlias(alias, calls({ [alias]: 'ENOENT' }, { [alias]: 'link' }))).toBe(false);
    expect(isFileOrAlias('C:\\ok.exe', calls({ 'C:\\ok.exe': 'file' }, {}))).toBe(true);
  });

  // The same path with a real EACCES: a link whose target sits in a folder of mode 700, looked at by another user.
  it.skipIf(nobodyUnavailable() !== null)('counts a link that stat may not follow (a real EACCES, as nobody) as present', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tovrun-alias-'));
    try {
      chmodSync(dir, 0o755);
      mkdirSync(path.join(dir, 'private'), { mode: 0o700 });
      writeFileSync(path.join(dir, 'private', 'wt.exe'), '');
      symlinkSync(path.join(dir, 'private', 'wt.exe'), path.join(dir, 'wt.exe'));
      const seen = (file: string) =>
        `import { isFileOrAlias } from './src/platform/executable.js';\nexport default () => isFileOrAlias(${JSON.stringify(file)});`;
      expect(await runAsNobody(seen(path.join(dir, 'wt.exe')))).toBe(true);
      expect(await runAsNobody(seen(path.join(dir, 'private', 'wt.exe')))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses the real file system by default', () => {
    expect(isFileOrAlias(process.execPath)).toBe(true);
    expect(isFileOrAlias('/')).toBe(false);
    expect(isFileOrAlias('/no/such/file')).toBe(false);
  });
});
