// `tovrun status` and `tovrun restart` (the built CLI) against a running supervisor with fixture services.
import { afterEach, describe, expect, it } from 'vitest';
import { realHost } from '../../src/os/host.js';
import type { RunStatus } from '../../src/supervisor/service-status.js';
import { logProbe, planWorkspace, startHarness } from '../fixtures/panes/harness.js';
import { eventually, isProcessAlive } from '../supervisor/support.js';
import { processesUnder, runCli } from '../support/processes.js';

const host = realHost();
const harnesses: ReturnType<typeof startHarness>[] = [];
afterEach(() => {
  for (const harness of harnesses.splice(0)) harness.child.kill('SIGKILL');
});

async function status(root: string): Promise<RunStatus> {
  const result = await runCli(root, ['status', '--json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.output) as RunStatus;
}

describe('tovrun status and restart (the built CLI) against a running tovrun', () => {
  it('reports the services, restarts one (new pid, the other untouched), and says when none runs', async () => {
    const { root, planFile } = planWorkspace('prefix', [
      { name: 'alpha', script: 'procs/forever.js', probe: logProbe('forever') },
      { name: 'beta', script: 'procs/forever.js', probe: logProbe('forever') },
    ]);
    const harness = startHarness(planFile);
    harnesses.push(harness);
    await eventually(() => harness.output().includes('Ready:'), 20_000);

    const before = await status(root);
    expect(before).toMatchObject({
      root,
      panes: 'prefix',
      services: [
        { name: 'alpha', state: 'running', ready: true, restarts: 0 },
        { name: 'beta', state: 'running', ready: true },
      ],
    });
    const [alpha, beta] = before.services;
    const table = await runCli(root, ['status']);
    expect(table.output).toMatch(/^SERVICE {2}STATE {4}READY {2}PID +PORT {2}UPTIME +RESTARTS {2}URL$/m);
    expect(table.output).toMatch(new RegExp(`^alpha {4}running {2}yes {4}${alpha?.pid} +- {5}\\d+ s +0 +-$`, 'm'));

    const restarted = await runCli(root, ['restart', 'alpha']);
    expect(restarted.code).toBe(0);
    const after = await status(root);
    expect(restarted.output).toMatch(new RegExp(`^restarted alpha: pid ${alpha?.pid} → ${after.services[0]?.pid}, ready in \\d\\.\\d s\\n$`));
    expect(after.services[0]).toMatchObject({ state: 'running', ready: true, restarts: 1 });
    expect(after.services[0]?.pid).not.toBe(alpha?.pid);
    expect(after.services[1]?.pid).toBe(beta?.pid);
    expect(await isProcessAlive(host, alpha?.pid ?? 0)).toBe(false);
    expect(harness.output()).toContain('alpha | [tovrun] restarting (requested with `tovrun restart`)');

    expect(await runCli(root, ['restart', 'gamma'])).toEqual({ code: 2, output: 'tovrun: unknown service "gamma".\n  Known services: alpha, beta.\n' });

    expect((await runCli(root, ['down'])).code).toBe(0);
    expect(await harness.exited).toBe(0);
    expect(processesUnder(root)).toEqual([]);
    const none = await runCli(root, ['status']);
    expect(none.code).toBe(1);
    expect(none.output).toContain('no tovrun is running in this workspace.');
    expect((await runCli(root, ['restart', 'alpha'])).code).toBe(1);
  }, 40_000);
});
