import { describe, expect, it } from 'vitest';
import { followInstallInputs } from '../../src/devloop/deps-follow.js';
import { FailedError } from '../../src/errors.js';
import type { InstallResult } from '../../src/install/install-workspace.js';
import type { InstallObserver } from '../../src/os/install-observer.js';
import { fakeRun } from './support.js';

const outcome = (status: 'installed' | 'up-to-date'): InstallResult => ({ services: [{ name: 'api', status, durationMs: 1, warnings: [] }] });

describe('followInstallInputs', () => {
  it('reinstalls and restarts the service when the install ran', async () => {
    const run = fakeRun(['api']);
    const asked: string[][] = [];
    const install = async (names: readonly string[], observer: InstallObserver) => {
      asked.push([...names]);
      observer.started('api', 'requirements.txt changed');
      observer.finished('api', 'installed', []);
      return outcome('installed');
    };
    await followInstallInputs({ install, supervisor: run.supervisor, output: run.output }, 'api', ['api/requirements.txt']);
    expect(asked).toEqual([['api']]);
    expect(run.restarts).toEqual([{ name: 'api', options: { reason: 'api/requirements.txt changed; reinstalled' } }]);
    expect(run.notices).toEqual(['api: api/requirements.txt changed; checking its install', 'api: installing (requirements.txt changed)', 'api: installed']);
  });

  it('restarts nothing when the stamps say up to date (a file touched, its content the same)', async () => {
    const run = fakeRun(['api']);
    await followInstallInputs({ install: async () => outcome('up-to-date'), supervisor: run.supervisor, output: run.output }, 'api', ['api/requirements.txt']);
    expect(run.restarts).toEqual([]);
  });

  it('a failing install leaves the running service alone and says why', async () => {
    const run = fakeRun(['api']);
    const install = async (_names: readonly string[], observer: InstallObserver): Promise<InstallResult> => {
      observer.finished('api', 'failed', ['api: pip install -r requirements.txt failed (exit code 1)', '  ERROR: No matching distribution found for nope']);
      throw new FailedError('the install of api failed.');
    };
    await followInstallInputs({ install, supervisor: run.supervisor, output: run.output }, 'api', ['api/requirements.txt']);
    expect(run.restarts).toEqual([]);
    expect(run.notices.slice(1)).toEqual([
      'api: pip install -r requirements.txt failed (exit code 1)',
      'api:   ERROR: No matching distribution found for nope',
      'api: the install failed (the install of api failed.); api keeps running with what was installed before',
    ]);
  });
});
