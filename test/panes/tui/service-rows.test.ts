import { describe, expect, it } from 'vitest';
import { rowState, ServiceRows } from '../../../src/panes/tui/service-rows.js';
import type { ServiceStatus } from '../../../src/supervisor/service-status.js';
import { serviceStatus } from '../../supervisor/control/running-tovrun.js';

function status(overrides: Partial<ServiceStatus>): ServiceStatus {
  return serviceStatus({ pid: 10, url: null, uptimeMs: 2_000, ...overrides });
}

describe('service rows', () => {
  it('names a running process "starting" until its probe passed, and an exited one "stopped"', () => {
    expect(rowState({ state: 'running', ready: false })).toBe('starting');
    expect(rowState({ state: 'running', ready: true })).toBe('ready');
    expect(rowState({ state: 'exited', ready: false })).toBe('stopped');
    expect(rowState({ state: 'restarting', ready: false })).toBe('restarting');
    expect(rowState({ state: 'stopped', ready: false })).toBe('stopped');
  });

  it('shows a stop of one service as stopping then stopped (no failure), and its start as starting', () => {
    const rows = new ServiceRows(['api']);
    rows.apply({ type: 'started', service: 'api', pid: 42, restarts: 0 }, 1_000);
    rows.apply({ type: 'stop-requested', service: 'api' }, 2_000);
    expect(rows.get('api')?.state).toBe('stopping');
    rows.apply({ type: 'exited', service: 'api', exit: { code: null, signal: 'SIGTERM' }, requested: true }, 2_100);
    expect(rows.get('api')).toMatchObject({ state: 'stopped', pid: null, reason: null });
    rows.apply({ type: 'start-requested', service: 'api' }, 3_000);
    expect(rows.get('api')?.state).toBe('starting');
  });

  it('follows a service through install, start, ready, crash, restart and failure', () => {
    const rows = new ServiceRows(['api', 'web'], ['db']);
    expect(rows.list().map((row) => [row.name, row.compose, row.state])).toEqual([
      ['db', true, 'waiting'],
      ['api', false, 'waiting'],
      ['web', false, 'waiting'],
    ]);
    rows.mark(['api', 'web'], 'installing');
    expect(rows.get('web')?.state).toBe('installing');
    rows.apply({ type: 'started', service: 'api', pid: 42, restarts: 0 }, 1_000);
    expect(rows.get('api')).toMatchObject({ state: 'starting', pid: 42, startedAt: 1_000 });
    rows.apply({ type: 'ready', service: 'api', readyMs: 350, url: null }, 1_350);
    expect(rows.get('api')).toMatchObject({ state: 'ready', readyMs: 350 });
    rows.apply({ type: 'exited', service: 'api', exit: { code: 1, signal: null }, requested: false }, 2_000);
    expect(rows.get('api')).toMatchObject({ pid: null, reason: 'exited with code 1' });
    rows.apply({ type: 'restarting', service: 'api', attempt: 1, maxRetries: 3, delayMs: 1_000 }, 2_000);
    expect(rows.get('api')?.state).toBe('restarting');
    rows.apply({ type: 'gave-up', service: 'api', restarts: 3 }, 9_000);
    expect(rows.get('api')).toMatchObject({ state: 'failed', reason: 'gave up after 3 restarts' });
  });

  it('takes state, pid, port, uptime and restarts from the supervisor status', () => {
    const rows = new ServiceRows(['api']);
    rows.update([status({ pid: 77, restarts: 2, uptimeMs: 4_000 })], 10_000);
    expect(rows.get('api')).toMatchObject({ state: 'ready', pid: 77, port: 5001, restarts: 2, startedAt: 6_000 });
    rows.update([status({ state: 'exited', pid: null, uptimeMs: null, ready: false })], 11_000);
    expect(rows.get('api')).toMatchObject({ state: 'stopped', pid: null, startedAt: null });
    expect(rows.update([status({ state: 'failed', pid: null, uptimeMs: null, ready: false })], 12_000)).toEqual(['api']);
    expect(rows.update([status({ state: 'failed', pid: null, uptimeMs: null, ready: false })], 13_000)).toEqual([]);
  });
});
