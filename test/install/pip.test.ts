import { describe, expect, it } from 'vitest';
import { FailedError } from '../../src/errors.js';
import { type PipContext, pipInstall, upgradePip } from '../../src/install/pip.js';
import { exited, fakeRunner, ok } from './support/fake-runner.js';

function pipContext(runner: PipContext['runner']): PipContext {
  return { python: '/w/backend/venv/bin/python', cwd: '/w/backend', env: { VIRTUAL_ENV: '/w/backend/venv' }, runner };
}

describe('pipInstall', () => {
  it('runs `<venv python> -m pip install -r`, never a bare pip, in the service folder', async () => {
    const runner = fakeRunner(() => ok());
    await pipInstall(pipContext(runner), '/w/backend/requirements.txt');
    expect(runner.calls[0]).toMatchObject({ command: '/w/backend/venv/bin/python', options: { cwd: '/w/backend', env: { VIRTUAL_ENV: '/w/backend/venv' } } });
    expect(runner.calls[0]?.args).toEqual(['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-r', '/w/backend/requirements.txt']);
  });

  it('fails with the tail of pip output and a hint for an unknown requirement', async () => {
    const runner = fakeRunner(() =>
      exited(1, 'Collecting nope\nERROR: Could not find a version that satisfies the requirement nope==9\nERROR: No matching distribution found for nope==9'),
    );
    const error = (await pipInstall(pipContext(runner), '/w/backend/requirements.txt').catch((caught: unknown) => caught)) as FailedError & { tail: string[] };
    expect(error).toBeInstanceOf(FailedError);
    expect(error.message).toBe('pip install -r requirements.txt exited with code 1');
    expect(error.tail.at(-1)).toBe('ERROR: No matching distribution found for nope==9');
    expect(error.hint).toContain('requirements.txt');
  });
});

describe('upgradePip', () => {
  it('upgrades with `python -m pip install --upgrade pip`', async () => {
    const runner = fakeRunner(() => ok());
    expect(await upgradePip(pipContext(runner))).toBeUndefined();
    expect(runner.calls[0]?.args).toEqual(['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--upgrade', 'pip']);
  });

  it('turns a failure (offline) into a warning instead of throwing', async () => {
    const runner = fakeRunner(() => exited(1, 'WARNING: Retrying...\nERROR: Could not find a version that satisfies the requirement pip'));
    expect(await upgradePip(pipContext(runner))).toMatch(/^could not upgrade pip \(it exited with code 1: ERROR: Could not find a version .*\); going on/);
  });
});
