// The r and s keys carried out: s stops the focused service, or starts it when its row shows it stopped or failed;
// the status line says what is under way, then the outcome or the refusal.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { runServiceCommand, startsOnToggle } from '../../../src/panes/tui/service-commands.js';
import { TuiModel } from '../../../src/panes/tui/tui-model.js';
import type { ControlHandler, ServiceStatus } from '../../../src/supervisor/index.js';
import { serviceStatus } from '../../supervisor/control/running-tovrun.js';

const api: ServiceStatus = serviceStatus({ pid: 10, url: null, uptimeMs: 5 });

function handler(calls: string[]): ControlHandler {
  return {
    status: () => [api],
    restart: async () => ({ service: { ...api, pid: 11 }, previousPid: 10, readyMs: 300, notReady: null }),
    stopService: async (name) => {
      calls.push(`stop ${name}`);
      return { ...api, state: 'stopped', pid: null };
    },
    startService: async (name) => {
      calls.push(`start ${name}`);
      if (name === 'web') throw new UsageError('web is already running.');
      return { service: { ...api, pid: 12, restarts: 1 }, previousPid: null, readyMs: 250, notReady: null };
    },
  };
}

describe('runServiceCommand', () => {
  it('s stops a running service, then starts it again once its row shows it stopped', async () => {
    const model = new TuiModel({ services: ['api'] });
    const calls: string[] = [];
    let redraws = 0;
    model.rows.update([api], 0);
    expect(startsOnToggle(model, 'api')).toBe(false);
    const stopping = runServiceCommand(model, handler(calls), { kind: 'stop-start', service: 'api' }, () => redraws++);
    expect(model.message).toBe('stopping api…');
    await stopping;
    expect(model.message).toBe('stopped api (s starts it again; the services depending on it keep running)');
    model.rows.update([{ ...api, state: 'stopped', pid: null }], 0);
    expect(model.rows.get('api')?.state).toBe('stopped');
    await runServiceCommand(model, handler(calls), { kind: 'stop-start', service: 'api' }, () => redraws++);
    expect(calls).toEqual(['stop api', 'start api']);
    expect(model.message).toBe('started api again (pid 12), ready in 0.3 s');
    expect(redraws).toBe(4);
  });

  it('starts a failed service, shows a refusal as the message, and waits for the supervisor', async () => {
    const model = new TuiModel({ services: ['api', 'web'] });
    model.rows.update([{ ...api, name: 'web', state: 'failed', pid: null }], 0);
    expect(startsOnToggle(model, 'web')).toBe(true);
    const calls: string[] = [];
    await runServiceCommand(model, handler(calls), { kind: 'stop-start', service: 'web' }, () => undefined);
    expect(model.message).toBe('web is already running.');
    await runServiceCommand(model, null, { kind: 'stop-start', service: 'api' }, () => undefined);
    expect(model.message).toBe('api has not started yet.');
  });
});
