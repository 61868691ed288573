import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { realHost } from '../../src/os/host.js';
import { processIdentity } from '../../src/os/process-table.js';
import { type RunState, readState, statePath } from '../../src/supervisor/index.js';
import { eventually, fixture, isProcessAlive, tempDir } from '../supervisor/support.js';

const host = realHost();
const tovrun = path.resolve('bin/tovrun.js');
const started: ChildProcess[] = [];
const pidsToKill: number[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.pid) host.signal(child.pid, 'SIGKILL');
  for (const pid of pidsToKill.splice(0)) host.signal(-pid, 'SIGKILL');
});

function workspace(): string {
  const root = tempDir('tovrun-down-');
  writeFileSync(path.join(root, '.env.template'), 'SECRET_KEY=\n');
  return root;
}

async function down(cwd: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [tovrun, 'down'], { cwd });
    return { code: 0, stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: `${failure.stdout}${failure.stderr}` };
  }
}

/** Runs the stand-in for `tovrun up` on spawn-grandchild.js; resolves when its state file is complete. */
async function supervised(root: string): Promise<{ driver: ChildProcess; state: RunState; grandchild: number }> {
  const driver = spawn(process.execPath, [fixture('run-supervisor.js'), root, './spawn-grandchild.js'], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(driver);
  let output = '';
  driver.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await eventually(() => output.includes('supervisor ready') && /forever \d+/.test(output));
  const state = await eventually(() => {
    const current = readState(path.join(root, '.tovrun'));
    return current?.services[0]?.startTime ? current : undefined;
  });
  pidsToKill.push(state.services[0]?.pgid ?? 0);
  return { driver, state, grandchild: Number(/grandchild (\d+)/.exec(output)?.[1]) };
}

describe('tovrun down (the built CLI)', () => {
  it('says there is nothing to stop when nothing was recorded', async () => {
    expect(await down(workspace())).toEqual({ code: 0, stdout: 'nothing to stop\n' });
  });

  it('stops what a killed tovrun left behind, grandchildren included, and leaves a recycled pid alone', async () => {
    const root = workspace();
    const { driver, state, grandchild } = await supervised(root);
    const service = state.services[0];
    if (!service) throw new Error('no service recorded');
    driver.kill('SIGKILL');
    await eventually(async () => !(await isProcessAlive(host, driver.pid ?? 0)));
    expect(await isProcessAlive(host, service.pid)).toBe(true);

    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    started.push(sleeper);
    const sleeperIdentity = await eventually(() =>
      processIdentity(host, sleeper.pid ?? 0).then((found) => (found?.commandLine?.startsWith('sleep') ? found : undefined)),
    );
    const stale = { ...service, name: 'backend', pid: sleeper.pid ?? 0, pgid: sleeper.pid ?? 0, startTime: (sleeperIdentity.startTime ?? 0) - 3_600_000 };
    const file = statePath(path.join(root, '.tovrun'));
    writeFileSync(file, JSON.stringify({ ...state, services: [...state.services, stale] }));

    const result = await down(root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`stopped svc (pid ${service.pid}): ${service.command.join(' ')}`);
    expect(result.stdout).toContain(`left pid ${sleeper.pid} alone: it is no longer backend but another program (sleep 30)`);
    expect(await isProcessAlive(host, service.pid)).toBe(false);
    expect(await isProcessAlive(host, grandchild)).toBe(false);
    expect(await isProcessAlive(host, sleeper.pid ?? 0)).toBe(true);
    expect(existsSync(file)).toBe(false);
    expect(await down(root)).toEqual({ code: 0, stdout: 'nothing to stop\n' });
  });

  it('stops a tovrun that is still running, then whatever it left', async () => {
    const root = workspace();
    const { driver, state } = await supervised(root);
    const result = await down(root);
    expect(result.stdout).toContain(`stopped the tovrun still running here (pid ${driver.pid})`);
    expect(await isProcessAlive(host, driver.pid ?? 0)).toBe(false);
    expect(await isProcessAlive(host, state.services[0]?.pid ?? 0)).toBe(false);
    expect(readFileSync(path.join(root, '.tovrun', 'logs', 'svc.log'), 'utf8')).toContain('grandchild');
  });
});
