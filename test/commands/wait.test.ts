import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { parseTimeout } from '../../src/commands/wait.js';
import { UsageError } from '../../src/errors.js';
import { type ControlServer, startControlServer } from '../../src/supervisor/control/server.js';
import type { ServiceStatus } from '../../src/supervisor/service-status.js';
import { instanceStateDir } from '../../src/workspace/instance.js';
import { serveControl, serviceStatus, workspace } from '../supervisor/control/running-tovrun.js';
import { memoryContext } from '../support/memory-context.js';

const servers: ControlServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A running tovrun whose services are what current() returns at each status request. */
async function running(current: () => ServiceStatus[]): Promise<{ root: string; server: ControlServer }> {
  const root = workspace();
  const server = await serveControl(root, { status: current, restart: () => Promise.reject(new Error('unused')) } as never);
  servers.push(server);
  return { root, server };
}

describe('tovrun wait', () => {
  it('exits 0 once the named services are ready, polling until they are', async () => {
    let asked = 0;
    const { root } = await running(() => [serviceStatus({ ready: (asked += 1) > 2 }), serviceStatus({ name: 'web', ready: false })]);
    const ctx = memoryContext(root);
    expect(await main(['wait', 'api', '--timeout', '10'], ctx)).toBe(0);
    expect(ctx.stdout.text()).toBe('api is ready at http://localhost:5001/\n');
    expect(asked).toBe(3);
  });

  it("waits for the instance --instance names: its own control channel, not instance 0's", async () => {
    const root = workspace();
    const server = await startControlServer({ root, stateDir: instanceStateDir(path.join(root, '.tovrun'), 1), instance: 1 });
    servers.push(server);
    server.serve({ status: () => [serviceStatus({ port: 5011 })], restart: () => Promise.reject(new Error('unused')) } as never, 'prefix');
    expect(await main(['wait', 'api', '--timeout', '2'], memoryContext(root))).toBe(2);
    const ctx = memoryContext(root);
    expect(await main(['wait', 'api', '--instance', '1', '--timeout', '10'], ctx)).toBe(0);
    expect(ctx.stdout.text()).toBe('api is ready at http://localhost:5001/\n');
    // events and logs --json address it the same way.
    expect(await main(['logs', 'api', '--json', '--instance', '1'], memoryContext(root))).toBe(0);
  });

  it('waits on while the running tovrun is still preparing its services (installing), then exits 0', async () => {
    const root = workspace();
    const server = await startControlServer({ root, stateDir: path.join(root, '.tovrun') });
    servers.push(server);
    setTimeout(() => server.serve({ status: () => [serviceStatus({})], restart: () => Promise.reject(new Error('unused')) } as never, 'prefix'), 600);
    const ctx = memoryContext(root);
    expect(await main(['wait', 'api', '--timeout', '10'], ctx)).toBe(0);
    expect(ctx.stdout.text()).toBe('api is ready at http://localhost:5001/\n');
  });

  it('exits 1 at once when a service failed, and when the time runs out', async () => {
    const failed = serviceStatus({ state: 'failed', ready: false, pid: null, lastExit: { code: 3, signal: null } });
    const { root } = await running(() => [failed, serviceStatus({ name: 'web', ready: false })]);
    const ctx = memoryContext(root);
    expect(await main(['wait', '--timeout', '30'], ctx)).toBe(1);
    expect(ctx.stderr.text()).toContain('tovrun: api failed (it exited with code 3).');
    const late = memoryContext(root);
    const started = Date.now();
    expect(await main(['wait', 'web', '--timeout', '0.3'], late)).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(late.stderr.text()).toContain('tovrun: web not ready within 0.3 s.');
  });

  it('exits 2 when no tovrun runs, or a service is unknown, or the timeout is no number', async () => {
    const none = memoryContext(workspace());
    expect(await main(['wait'], none)).toBe(2);
    expect(none.stderr.text()).toContain('no tovrun is running in this workspace.');
    const { root } = await running(() => [serviceStatus({})]);
    const unknown = memoryContext(root);
    expect(await main(['wait', 'nope'], unknown)).toBe(2);
    expect(unknown.stderr.text()).toContain('unknown service nope.');
    expect(() => parseTimeout('soon')).toThrow(UsageError);
    expect(await main(['wait', '--timeout', '-1'], memoryContext(root))).toBe(2);
  });
});
