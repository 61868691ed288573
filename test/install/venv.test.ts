import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FailedError } from '../../src/errors.js';
import { createVenv, inspectVenv, judgeVenvProbe, removeVenv, type VenvRequirement } from '../../src/install/venv.js';
import { platformFor } from '../../src/platform/platform.js';
import { exited, fakeRunner, ok, probeAnswer } from './support/fake-runner.js';
import { tempDir, writeFiles } from './support/temp-dir.js';

const linux = platformFor('linux');
const atLeast310: VenvRequirement = { minimum: [3, 10], minimumText: '3.10' };

describe('inspectVenv', () => {
  it('calls a missing or empty folder absent', async () => {
    const runner = fakeRunner(() => ok());
    expect(await inspectVenv(path.join(tempDir(), 'venv'), linux, runner, {}, atLeast310)).toEqual({ state: 'absent' });
    expect(await inspectVenv(tempDir(), linux, runner, {}, atLeast310)).toEqual({ state: 'absent' });
    expect(runner.calls).toHaveLength(0);
  });

  it('calls a venv without pyvenv.cfg broken, without running anything', async () => {
    const venv = writeFiles(tempDir(), { 'bin/python': '' });
    const runner = fakeRunner(() => ok());
    expect(await inspectVenv(venv, linux, runner, {}, atLeast310)).toEqual({ state: 'broken', reason: 'its pyvenv.cfg is missing' });
    expect(runner.calls).toHaveLength(0);
  });

  it("runs the venv's own python and reports its version", async () => {
    const venv = writeFiles(tempDir(), { 'pyvenv.cfg': 'home = /usr/bin\n', 'bin/python': '' });
    const runner = fakeRunner(() => probeAnswer(path.join(venv, 'bin/python'), '3.11.7'));
    expect(await inspectVenv(venv, linux, runner, { PATH: '/usr/bin' }, atLeast310)).toEqual({ state: 'ready', version: [3, 11, 7] });
    expect(runner.calls[0]?.command).toBe(path.join(venv, 'bin', 'python'));
  });
});

describe('judgeVenvProbe', () => {
  it('calls a venv whose interpreter no longer runs broken', () => {
    expect(judgeVenvProbe({ ok: false, reason: 'not found' }, atLeast310)).toEqual({ state: 'broken', reason: 'its interpreter no longer runs (not found)' });
  });

  it('calls a venv older than the minimum broken', () => {
    expect(judgeVenvProbe({ ok: true, version: [3, 8, 1], executable: 'p' }, atLeast310)).toMatchObject({
      state: 'broken',
      reason: expect.stringContaining('3.8.1, older than the configured minimum 3.10'),
    });
  });

  it('calls a venv whose minor version differs from python.command broken', () => {
    const requirement = { ...atLeast310, configured: { label: 'python3.12', version: [3, 12, 1] } };
    expect(judgeVenvProbe({ ok: true, version: [3, 11, 7], executable: 'p' }, requirement)).toMatchObject({
      state: 'broken',
      reason: expect.stringContaining('python.command `python3.12` is Python 3.12.1'),
    });
    expect(judgeVenvProbe({ ok: true, version: [3, 12, 4], executable: 'p' }, requirement)).toEqual({ state: 'ready', version: [3, 12, 4] });
  });
});

describe('removeVenv', () => {
  it('removes a folder holding only venv parts', async () => {
    const venv = writeFiles(tempDir(), { 'bin/python': '', 'lib/python3.11/site-packages/x.py': '', '.gitignore': '*' });
    await removeVenv(venv, 'backend');
    expect(existsSync(venv)).toBe(false);
  });

  it('refuses a folder holding anything else, so a wrong venv path costs no files', async () => {
    const folder = writeFiles(tempDir(), { 'app.py': 'print(1)', 'bin/python': '' });
    await expect(removeVenv(folder, 'backend')).rejects.toThrow(/not a venv tovrun can rebuild: it also holds app\.py/);
    expect(existsSync(path.join(folder, 'app.py'))).toBe(true);
  });
});

describe('createVenv', () => {
  it('runs `<python> -m venv <folder>` with the launcher arguments first', async () => {
    const runner = fakeRunner(() => ok());
    await createVenv({ command: 'py', args: ['-3'] }, 'C:\\app\\venv', runner, {});
    expect(runner.commandLines()).toEqual(['py -3 -m venv C:\\app\\venv']);
  });

  it('names python3-venv when ensurepip is missing (Debian/Ubuntu)', async () => {
    const runner = fakeRunner(() =>
      exited(1, 'The virtual environment was not created successfully because ensurepip is not\navailable. apt install python3.11-venv'),
    );
    const error = await createVenv({ command: 'python3', args: [] }, '/w/venv', runner, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FailedError);
    expect((error as FailedError).message).toBe('creating the venv exited with code 1');
    expect((error as FailedError).hint).toContain('sudo apt install python3-venv');
  });
});
