import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectVenv, type VenvRequirement } from '../../src/install/venv.js';
import { type IdentityFiles, interpreterIdentity, venvHome, venvProbeFile } from '../../src/install/venv-probe-cache.js';
import { platformFor } from '../../src/platform/platform.js';
import { fakeRunner, notFound, probeAnswer } from './support/fake-runner.js';
import { tempDir } from './support/temp-dir.js';

const linux = platformFor('linux');
const atLeast310: VenvRequirement = { minimum: [3, 10], minimumText: '3.10' };

/** A base Python folder and a venv whose bin/python links to it, as `python -m venv` makes on POSIX. */
function linkedVenv(): { venv: string; home: string; interpreter: string; probeFile: string } {
  const root = tempDir();
  const home = path.join(root, 'python', 'bin');
  const interpreter = path.join(home, 'python3.11');
  mkdirSync(home, { recursive: true });
  writeFileSync(interpreter, 'base python');
  const venv = path.join(root, 'venv');
  mkdirSync(path.join(venv, 'bin'), { recursive: true });
  writeFileSync(path.join(venv, 'pyvenv.cfg'), `home = ${home}\nversion = 3.11.7\n`);
  symlinkSync(interpreter, path.join(venv, 'bin', 'python'));
  return { venv, home, interpreter, probeFile: venvProbeFile(path.join(root, '.tovrun'), 'backend') };
}

describe('inspectVenv with a remembered probe', () => {
  it('probes once, then reuses the answer while nothing changed', async () => {
    const { venv, probeFile } = linkedVenv();
    const runner = fakeRunner(() => probeAnswer(path.join(venv, 'bin/python'), '3.11.7'));
    expect(await inspectVenv(venv, linux, runner, {}, atLeast310, probeFile)).toEqual({ state: 'ready', version: [3, 11, 7] });
    expect(await inspectVenv(venv, linux, runner, {}, atLeast310, probeFile)).toEqual({ state: 'ready', version: [3, 11, 7] });
    expect(runner.calls).toHaveLength(1);
    expect(existsSync(probeFile)).toBe(true);
  });

  it('is best effort: a probe that cannot be remembered still answers', async () => {
    const { venv, probeFile } = linkedVenv();
    mkdirSync(path.join(probeFile, 'blocked'), { recursive: true });
    const runner = fakeRunner(() => probeAnswer(path.join(venv, 'bin/python'), '3.11.7'));
    expect(await inspectVenv(venv, linux, runner, {}, atLeast310, probeFile)).toEqual({ state: 'ready', version: [3, 11, 7] });
  });

  it('still judges a remembered version against the requirement', async () => {
    const { venv, probeFile } = linkedVenv();
    const runner = fakeRunner(() => probeAnswer(path.join(venv, 'bin/python'), '3.11.7'));
    await inspectVenv(venv, linux, runner, {}, atLeast310, probeFile);
    const state = await inspectVenv(venv, linux, runner, {}, { minimum: [3, 12], minimumText: '3.12' }, probeFile);
    expect(state).toMatchObject({ state: 'broken', reason: expect.stringContaining('older than the configured minimum 3.12') });
    expect(runner.calls).toHaveLength(1);
  });

  it('probes again when the base interpreter is replaced', async () => {
    const { venv, interpreter, probeFile } = linkedVenv();
    const runner = fakeRunner(() => probeAnswer(path.join(venv, 'bin/python'), '3.11.7'));
    await inspectVenv(venv, linux, runner, {}, atLeast310, probeFile);
    writeFileSync(interpreter, 'a newer base python, longer');
    await inspectVenv(venv, linux, runner, {}, atLeast310, probeFile);
    expect(runner.calls).toHaveLength(2);
  });

  it('probes (and finds the venv broken) when the base Python was removed, and never remembers a failure', async () => {
    const { venv, home, probeFile } = linkedVenv();
    const runner = fakeRunner(() => probeAnswer(path.join(venv, 'bin/python'), '3.11.7'));
    await inspectVenv(venv, linux, runner, {}, atLeast310, probeFile);
    rmSync(home, { recursive: true });
    const gone = fakeRunner(() => notFound);
    expect(await inspectVenv(venv, linux, gone, {}, atLeast310, probeFile)).toMatchObject({ state: 'broken' });
    expect(gone.calls).toHaveLength(1);
  });
});

describe('interpreterIdentity', () => {
  it("reads home from pyvenv.cfg and stats the Windows venv's Scripts\\python.exe", () => {
    const stats: Record<string, string> = { 'C:\\w\\venv\\Scripts\\python.exe': '1:2:3', 'C:\\w\\venv\\pyvenv.cfg': '4:5:6', 'C:\\Python311': '7:8:9' };
    const files: IdentityFiles = {
      realpath: (file) => file,
      stat: (file) => {
        const stat = stats[file];
        if (stat === undefined) throw new Error(`ENOENT ${file}`);
        return stat;
      },
      readText: () => 'home = C:\\Python311\r\ninclude-system-site-packages = false\r\n',
    };
    expect(interpreterIdentity('C:\\w\\venv', platformFor('win32'), files)).toEqual({
      interpreter: 'C:\\w\\venv\\Scripts\\python.exe',
      interpreterStat: '1:2:3',
      configStat: '4:5:6',
      home: 'C:\\Python311',
      homeStat: '7:8:9',
    });
    delete stats['C:\\Python311'];
    expect(interpreterIdentity('C:\\w\\venv', platformFor('win32'), files)).toBeUndefined();
  });

  it('is undefined without a home line', () => {
    expect(venvHome('version = 3.11.7\n')).toBeUndefined();
    expect(venvHome('Home =  /opt/py/bin \n')).toBe('/opt/py/bin');
  });
});
