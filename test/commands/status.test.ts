import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { ControlServer } from '../../src/supervisor/control/server.js';
import { serveControl, serviceStatus, workspace } from '../supervisor/control/running-tovrun.js';
import { memoryContext } from '../support/memory-context.js';

const servers: ControlServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const services = [serviceStatus({}), serviceStatus({ name: 'web', pid: 101, port: 3000, url: 'http://localhost:3000/', ready: false, restarts: 1 })];
const handler = { status: () => services, restart: () => Promise.reject(new Error('unused')) };

describe('tovrun status', () => {
  it('prints a table of the running services', async () => {
    const root = workspace();
    servers.push(await serveControl(root, handler));
    const ctx = memoryContext(root);
    expect(await main(['status'], ctx)).toBe(0);
    const lines = ctx.stdout.text().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^tovrun pid ${process.pid} \\(panes: prefix\\) running for \\d+ s in ${root}$`));
    expect(lines[1]).toBe('SERVICE  STATE    READY  PID  PORT  UPTIME  RESTARTS  URL');
    expect(lines[2]).toBe('api      running  yes    100  5001  3 s     0         http://localhost:5001/');
    expect(lines[3]).toBe('web      running  no     101  3000  3 s     1         http://localhost:3000/');
  });

  it('prints JSON with --json', async () => {
    const root = workspace();
    servers.push(await serveControl(root, handler));
    const ctx = memoryContext(root);
    expect(await main(['status', '--json'], ctx)).toBe(0);
    expect(JSON.parse(ctx.stdout.text())).toMatchObject({ pid: process.pid, root, panes: 'prefix', services });
  });

  it('says no tovrun is running and exits 1, without a stack trace', async () => {
    const ctx = memoryContext(workspace());
    expect(await main(['status'], ctx)).toBe(1);
    expect(ctx.stderr.text()).toBe(
      'tovrun: no tovrun is running in this workspace.\n  Start one with `tovrun` (or `tovrun up`, or `tovrun up --detach` in the background), then try again.\n',
    );
  });
});
