import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { UsageError } from '../../src/errors.js';
import type { ControlServer } from '../../src/supervisor/control/server.js';
import type { RestartReport } from '../../src/supervisor/service-status.js';
import { serveControl, serviceStatus, workspace } from '../supervisor/control/running-tovrun.js';
import { memoryContext } from '../support/memory-context.js';

const servers: ControlServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const reports: Record<string, RestartReport> = {
  api: { service: serviceStatus({ pid: 200, restarts: 1 }), previousPid: 100, readyMs: 850, notReady: null },
  web: { service: serviceStatus({ name: 'web', pid: 201, ready: false }), previousPid: 101, readyMs: null, notReady: 'exited with code 1 before it was ready' },
};

const handler = {
  status: () => [],
  restart: async (name: string) => {
    const report = reports[name];
    if (!report) throw new UsageError(`unknown service "${name}".`, 'Known services: api, web.');
    return report;
  },
};

async function restart(service: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const root = workspace();
  servers.push(await serveControl(root, handler));
  const ctx = memoryContext(root);
  const code = await main(['restart', service], ctx);
  return { code, stdout: ctx.stdout.text(), stderr: ctx.stderr.text() };
}

describe('tovrun restart', () => {
  it('says which pid replaced which and how fast it was ready', async () => {
    expect(await restart('api')).toEqual({ code: 0, stdout: 'restarted api: pid 100 → 200, ready in 0.8 s\n', stderr: '' });
  });

  it('exits 1 when the new process is not ready, saying why', async () => {
    expect(await restart('web')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'tovrun: web was restarted (pid 201) but is not ready: it exited with code 1 before it was ready.\n  See `tovrun logs web` for its output.\n',
    });
  });

  it('exits 2 for an unknown service, listing the known ones', async () => {
    expect(await restart('db')).toEqual({ code: 2, stdout: '', stderr: 'tovrun: unknown service "db".\n  Known services: api, web.\n' });
  });

  it('says no tovrun is running and exits 1', async () => {
    const ctx = memoryContext(workspace());
    expect(await main(['restart', 'api'], ctx)).toBe(1);
    expect(ctx.stderr.text()).toContain('no tovrun is running in this workspace.');
  });
});
