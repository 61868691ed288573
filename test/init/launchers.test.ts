// The launchers init writes: the POSIX one run for real by sh, the Windows one checked as text (the Wine lane runs it).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmdLauncher, needsInstallScript, shellLauncher } from '../../src/init/launchers.js';

/** A root with a stand-in for the installed tovrun that prints its arguments and exits 3. */
function rootWithTovrun(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tovrun-launcher-'));
  writeFileSync(path.join(root, 'package.json'), '{"private":true,"devDependencies":{"tovrun":"0.1.0"}}\n');
  mkdirSync(path.join(root, 'node_modules', 'tovrun', 'bin'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules', 'tovrun', 'bin', 'tovrun.js'), 'console.log(JSON.stringify(process.argv.slice(2))); process.exit(3);\n');
  writeFileSync(path.join(root, 'node_modules', '.package-lock.json'), '{}\n');
  writeFileSync(path.join(root, 'tovrun'), shellLauncher());
  chmodSync(path.join(root, 'tovrun'), 0o755);
  return root;
}

const needsInstall = (root: string) => spawnSync(process.execPath, ['-e', needsInstallScript], { cwd: root }).status;
const old = (file: string) => utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));

describe('needsInstallScript', () => {
  it('asks for an install when tovrun is missing, or package.json or package-lock.json is newer than the last install', () => {
    const root = rootWithTovrun();
    old(path.join(root, 'package.json'));
    expect(needsInstall(root)).toBe(0);
    writeFileSync(path.join(root, 'package-lock.json'), '{}\n');
    expect(needsInstall(root)).toBe(1);
    old(path.join(root, 'package-lock.json'));
    expect(needsInstall(root)).toBe(0);
    writeFileSync(path.join(root, 'package.json'), '{"private":true,"devDependencies":{"tovrun":"0.2.0"}}\n');
    expect(needsInstall(root)).toBe(1);
    const bare = mkdtempSync(path.join(tmpdir(), 'tovrun-launcher-bare-'));
    expect(needsInstall(bare)).toBe(1);
  });

  it('holds none of the characters that sh single quotes or cmd double quotes would change', () => {
    expect(needsInstallScript).not.toMatch(/['"%!^\n]/);
  });
});

describe('the POSIX launcher', () => {
  it('runs the pinned tovrun from any folder with every argument as given, and returns its exit code', () => {
    const root = rootWithTovrun();
    old(path.join(root, 'package.json'));
    const sub = path.join(root, 'backend');
    mkdirSync(sub);
    const run = spawnSync(path.join(root, 'tovrun'), ['--check', 'a b', '$HOME', "it's"], { cwd: sub, encoding: 'utf8' });
    expect(run.status).toBe(3);
    expect(JSON.parse(run.stdout)).toEqual(['--check', 'a b', '$HOME', "it's"]);
  });

  it('runs npm install at the root first when package.json changed since the last install', () => {
    const root = rootWithTovrun();
    old(path.join(root, 'node_modules', '.package-lock.json'));
    const bin = mkdtempSync(path.join(tmpdir(), 'tovrun-fake-npm-'));
    // npm stand-in: records where it ran; the real install is covered by test/e2e/adopt.test.ts.
    writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\npwd > "${bin}/ran-in"\ntouch node_modules/.package-lock.json\n`);
    chmodSync(path.join(bin, 'npm'), 0o755);
    const run = spawnSync(path.join(root, 'tovrun'), ['--version'], {
      cwd: tmpdir(),
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    });
    expect(run.stderr).toContain('installing the root dependencies');
    expect(execFileSync('cat', [path.join(bin, 'ran-in')], { encoding: 'utf8' }).trim()).toBe(root);
    expect(run.status).toBe(3);
  });
});

describe('the Windows launcher', () => {
  const text = cmdLauncher();

  it('has CRLF line ends only (cmd.exe misreads labels and blocks in LF-only batch files)', () => {
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('runs npm through `call` (npm is npm.cmd: without call the launcher would end with it) and passes %* on', () => {
    expect(text).toContain('call npm install');
    expect(text).toMatch(/node "%TOVRUN_ROOT%node_modules\\tovrun\\bin\\tovrun\.js" %\*\r\nexit \/b %ERRORLEVEL%/);
  });
});
