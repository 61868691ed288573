// `tovrun stop <service>` and `tovrun start <service>` against a real control server answering from a fake handler.
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { UsageError } from '../../src/errors.js';
import type { ControlHandler, ControlServer } from '../../src/supervisor/control/server.js';
import { serveControl, serviceStatus, workspace } from '../supervisor/control/running-tovrun.js';
import { memoryContext } from '../support/memory-context.js';

const servers: ControlServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const handler: ControlHandler = {
  status: () => [],
  restart: async () => {
    throw new Error('not asked');
  },
  stopService: async (name) => {
    if (name === 'api') return serviceStatus({ state: 'stopped', pid: null, ready: false, uptimeMs: null });
    throw new UsageError(`${name} is not running (it is stopped).`, `Start it again with \`tovrun start ${name}\` (or \`s\` in the terminal UI).`);
  },
  startService: async (name) => {
    if (name === 'api') return { service: serviceStatus({ pid: 300, restarts: 1 }), previousPid: null, readyMs: 400, notReady: null };
    return { service: serviceStatus({ name, pid: 301, ready: false }), previousPid: null, readyMs: null, notReady: 'exited with code 1 before it was ready' };
  },
};

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const root = workspace();
  servers.push(await serveControl(root, handler));
  const ctx = memoryContext(root);
  const code = await main(args, ctx);
  return { code, stdout: ctx.stdout.text(), stderr: ctx.stderr.text() };
}

describe('tovrun stop <service> / tovrun start <service>', () => {
  it('stops one service and says how to start it again', async () => {
    expect(await cli('stop', 'api')).toEqual({
      code: 0,
      stdout: 'stopped api; the services depending on it keep running. Start it again with `tovrun start api`.\n',
      stderr: '',
    });
  });

  it('exits 2 when the service is not running', async () => {
    expect(await cli('stop', 'web')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tovrun: web is not running (it is stopped).\n  Start it again with `tovrun start web` (or `s` in the terminal UI).\n',
    });
  });

  it('starts it again with its new pid, and exits 1 saying why when it is not ready', async () => {
    expect(await cli('start', 'api')).toEqual({ code: 0, stdout: 'started api again (pid 300), ready in 0.4 s\n', stderr: '' });
    expect(await cli('start', 'web')).toMatchObject({
      code: 1,
      stderr: 'tovrun: web was started (pid 301) but is not ready: it exited with code 1 before it was ready.\n  See `tovrun logs web` for its output.\n',
    });
  });

  it('says no tovrun is running and exits 1', async () => {
    const ctx = memoryContext(workspace());
    expect(await main(['stop', 'api'], ctx)).toBe(1);
    expect(ctx.stderr.text()).toContain('no tovrun is running in this workspace.');
  });
});
