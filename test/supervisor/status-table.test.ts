import { describe, expect, it } from 'vitest';
import type { ServiceStatus } from '../../src/supervisor/service-status.js';
import { formatRestart, formatStatus, formatUptime } from '../../src/supervisor/status-table.js';

const service = (overrides: Partial<ServiceStatus>): ServiceStatus => ({
  name: 'backend',
  kind: 'native',
  state: 'running',
  pid: 4242,
  port: 5001,
  url: 'http://127.0.0.1:5001/',
  uptimeMs: 65_000,
  restarts: 0,
  ready: true,
  readyMs: 900,
  lastExit: null,
  ...overrides,
});

describe('status in words', () => {
  it('formats uptimes', () => {
    expect(formatUptime(999)).toBe('0 s');
    expect(formatUptime(42_000)).toBe('42 s');
    expect(formatUptime(303_000)).toBe('5 min 03 s');
    expect(formatUptime(7_500_000)).toBe('2 h 05 min');
  });

  it('prints a heading and an aligned row per service', () => {
    const text = formatStatus({
      pid: 100,
      root: '/w',
      panes: 'tmux',
      uptimeMs: 70_000,
      services: [service({}), service({ name: 'frontend', state: 'restarting', pid: null, port: null, url: null, uptimeMs: null, restarts: 2, ready: false })],
    });
    expect(text).toBe(
      [
        'tovrun pid 100 (panes: tmux) running for 1 min 10 s in /w',
        'SERVICE   STATE       READY  PID   PORT  UPTIME      RESTARTS  URL',
        'backend   running     yes    4242  5001  1 min 05 s  0         http://127.0.0.1:5001/',
        'frontend  restarting  no     -     -     -           2         -',
        '',
      ].join('\n'),
    );
  });

  it('says which pid replaced which, or nothing when the new process is not ready', () => {
    expect(formatRestart({ service: service({ pid: 50 }), previousPid: 40, readyMs: 1_234, notReady: null })).toBe(
      'restarted backend: pid 40 → 50, ready in 1.2 s\n',
    );
    expect(formatRestart({ service: service({ pid: 50 }), previousPid: null, readyMs: 10, notReady: null })).toBe(
      'started backend again (pid 50), ready in 0.0 s\n',
    );
    expect(formatRestart({ service: service({}), previousPid: 40, readyMs: null, notReady: 'exited with code 1 before it was ready' })).toBeNull();
  });
});
