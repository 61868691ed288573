import { describe, expect, it } from 'vitest';
import { composeServiceStatus, type RunStatus, type ServiceStatus } from '../../src/supervisor/service-status.js';
import { waitVerdict } from '../../src/supervisor/wait-verdict.js';

function service(name: string, fields: Partial<ServiceStatus> = {}): ServiceStatus {
  return {
    name,
    kind: 'native',
    state: 'running',
    pid: 1,
    port: null,
    url: null,
    uptimeMs: 1,
    restarts: 0,
    ready: true,
    readyMs: 5,
    lastExit: null,
    ...fields,
  };
}

function run(services: ServiceStatus[], ready = true): RunStatus {
  return { version: 1, ready, pid: 1, root: '/w', panes: 'prefix', uptimeMs: 1, services };
}

describe('wait verdict', () => {
  it('is ready once every named service runs and passed its probe (all of them, and the run, when none is named)', () => {
    const status = run([service('backend'), service('frontend', { ready: false }), composeServiceStatus('db', 120)]);
    expect(waitVerdict(status, ['backend', 'db'])).toMatchObject({ kind: 'ready' });
    expect(waitVerdict(status, [])).toEqual({ kind: 'pending', waiting: ['frontend'] });
    expect(waitVerdict(run([service('backend')], false), [])).toEqual({ kind: 'pending', waiting: ['the run'] });
    expect(waitVerdict(run([service('backend')]), [])).toMatchObject({ kind: 'ready' });
  });

  it('fails on a service that failed, exited or was stopped, saying how it ended', () => {
    const failed = service('backend', { state: 'failed', ready: false, pid: null, lastExit: { code: 1, signal: null } });
    expect(waitVerdict(run([failed]), ['backend'])).toEqual({ kind: 'failed', service: 'backend', reason: 'failed (it exited with code 1)' });
    expect(waitVerdict(run([service('web', { state: 'stopped', ready: false })]), [])).toMatchObject({ kind: 'failed', service: 'web' });
    expect(waitVerdict(run([service('web', { state: 'restarting', ready: false })]), ['web'])).toMatchObject({ kind: 'pending' });
  });

  it('names services the running tovrun does not have', () => {
    expect(waitVerdict(run([service('backend')]), ['backend', 'nope'])).toEqual({ kind: 'unknown', names: ['nope'], known: ['backend'] });
  });
});
