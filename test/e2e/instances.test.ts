// Instances side by side with real Flask and Vite: two folders (instance 0 and --instance 1), and two git worktrees of
// one repository with `instance: auto`; each frontend's proxy reaches its own backend, and `down` leaves nothing.
// With a real engine, two instances of the compose test profile run under their own project names.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunStatus } from '../../src/supervisor/service-status.js';
import { eventually } from '../supervisor/support.js';
import { buildComposeTestImage, composeFixture, projectContainers, removeProjects } from '../support/compose-fixture.js';
import { takePortLock } from '../support/port-lock.js';
import { pollUntil, portIsFree, processesUnder, type RunningCli, repoRoot, runCli, startCli as startProcess } from '../support/processes.js';

const basePorts = [5001, 3000];

/** Every tovrun a test started: a failed test's are stopped (SIGTERM stops their services too), so none outlives it. */
const started: RunningCli[] = [];
function startCli(cwd: string, args: string[]): RunningCli {
  const run = startProcess(cwd, args);
  started.push(run);
  return run;
}
afterEach(async () => {
  for (const run of started.splice(0)) {
    if (run.child.exitCode !== null || run.child.signalCode !== null) continue;
    run.child.kill('SIGTERM');
    await run.exited;
  }
});
const instanceOnePorts = [5011, 3010];

async function greeting(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/greeting`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { message: string }).message;
}

/** Sets DEMO_GREETING_NAME in a demo folder's .env, so each instance's backend tells who it is. */
function nameDemo(dir: string, name: string): void {
  const file = path.join(dir, '.env');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^DEMO_GREETING_NAME=.*$/m, `DEMO_GREETING_NAME=${name}`));
}

/** Nothing of the folders runs any more and every port is free, within the deadline. */
async function nothingLeft(dirs: string[], deadlineMs: number): Promise<boolean> {
  return pollUntil(
    async () =>
      dirs.every((dir) => processesUnder(dir).length === 0) && (await Promise.all([...basePorts, ...instanceOnePorts].map(portIsFree))).every(Boolean),
    deadlineMs,
  );
}

async function status(dir: string, args: string[]): Promise<RunStatus> {
  const result = await runCli(dir, ['status', '--json', ...args]);
  expect(result.code, result.output).toBe(0);
  return JSON.parse(result.output) as RunStatus;
}

const git = (cwd: string, args: string[]) =>
  execFileSync('git', ['-c', 'user.name=tovrun', '-c', 'user.email=tovrun@example.invalid', ...args], { cwd, stdio: 'pipe' });

describe('instances of the demo side by side (real Flask and Vite)', () => {
  let base: string;
  let installed: string;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    release = await takePortLock('tovplay-ports');
    for (const port of [...basePorts, ...instanceOnePorts]) expect(await portIsFree(port), `port ${port} must be free for the instances test`).toBe(true);
    base = mkdtempSync(path.join(tmpdir(), 'tovrun-e2e-instances-'));
    // One install, copied: the venv runs from its copy (python -m), node_modules/.bin links are relative.
    installed = path.join(base, 'installed');
    expect((await runCli(repoRoot, ['demo', installed, '--dry-run'])).code).toBe(0);
    const install = await runCli(installed, ['install']);
    expect(install.code, install.output).toBe(0);
  }, 240_000);

  afterAll(() => release());

  it('two folders: instance 0 and --instance 1 both get ready on their own ports, each proxy reaches its own backend, and down stops each', async () => {
    const [first, second] = [path.join(base, 'one'), path.join(base, 'two')];
    cpSync(installed, first, { recursive: true, verbatimSymlinks: true });
    cpSync(installed, second, { recursive: true, verbatimSymlinks: true });
    nameDemo(first, 'first');
    nameDemo(second, 'second');
    const dryRun = await runCli(second, ['--dry-run', '--instance', '1']);
    expect(dryRun.output).toContain('Instance 1 (ports +10): its own ports, compose project and state in .tovrun/instances/1/.');
    expect(dryRun.output).toMatch(/^ {2}port {3}5011$/m);
    expect(dryRun.output).toMatch(/^ {2}port {3}3010$/m);

    const zero = startCli(first, ['--no-install']);
    const one = startCli(second, ['--no-install', '--instance', '1']);
    await zero.waitForOutput(/Ready:\n {2}backend .*\n {2}frontend /, 60_000);
    await one.waitForOutput(
      /Ready, instance 1 \(ports \+10\):\n {2}backend +http:\/\/127\.0\.0\.1:5011\/.*\n {2}frontend +http:\/\/127\.0\.0\.1:3010\//,
      60_000,
    );
    expect(await greeting(3000)).toBe('Hello from Flask, first!');
    expect(await greeting(3010)).toBe('Hello from Flask, second!');

    const running = await status(second, ['--instance', '1']);
    expect(running.services.map((service) => [service.name, service.port])).toEqual([
      ['backend', 5011],
      ['frontend', 3010],
    ]);
    // The dev loop follows instance 1's .env: the edited name reaches its backend, restarted on its moved port.
    nameDemo(second, 'second-edited');
    await eventually(async () => (await greeting(3010).catch(String)) === 'Hello from Flask, second-edited!', 20_000);
    expect(await greeting(3000)).toBe('Hello from Flask, first!');
    // Instance 0 of the second folder never ran: its state is apart from instance 1's.
    expect((await runCli(second, ['status'])).code).toBe(1);
    expect((await runCli(second, ['logs', 'backend', '--instance', '1'])).output).toContain('Running on http://127.0.0.1:5011');

    expect((await runCli(second, ['down', '--instance', '1'])).code).toBe(0);
    expect(await one.exited).toBe(0);
    expect(await greeting(3000)).toBe('Hello from Flask, first!');
    expect((await runCli(first, ['down'])).code).toBe(0);
    expect(await zero.exited).toBe(0);
    expect(await nothingLeft([first, second], 5_000)).toBe(true);
  }, 120_000);

  it('two worktrees of one repository with `instance: auto`: the main one is 0, the linked one 1, without any flag', async () => {
    const main = path.join(base, 'repo');
    const linked = path.join(base, 'repo-review');
    cpSync(installed, main, { recursive: true, verbatimSymlinks: true });
    writeFileSync(path.join(main, 'tovrun.yaml'), 'instance: auto\n');
    writeFileSync(path.join(main, '.gitignore'), 'backend/venv/\nfrontend/node_modules/\n.tovrun/\n.env\n');
    git(main, ['init', '-q']);
    git(main, ['add', '.']);
    git(main, ['commit', '-q', '-m', 'demo']);
    git(main, ['worktree', 'add', '-q', '-b', 'review', linked]);
    // What git does not carry: .env and the installed packages.
    copyFileSync(path.join(main, '.env'), path.join(linked, '.env'));
    cpSync(path.join(main, 'backend', 'venv'), path.join(linked, 'backend', 'venv'), { recursive: true, verbatimSymlinks: true });
    cpSync(path.join(main, 'frontend', 'node_modules'), path.join(linked, 'frontend', 'node_modules'), { recursive: true, verbatimSymlinks: true });
    nameDemo(main, 'main');
    nameDemo(linked, 'review');

    const zero = startCli(main, ['--no-install']);
    const one = startCli(linked, ['--no-install']);
    await zero.waitForOutput(/Ready:\n {2}backend .*\n {2}frontend /, 60_000);
    await one.waitForOutput(/Ready, instance 1 \(ports \+10, from the git worktree\):\n {2}backend .*5011.*\n {2}frontend .*3010/, 60_000);
    expect(await greeting(3000)).toBe('Hello from Flask, main!');
    expect(await greeting(3010)).toBe('Hello from Flask, review!');
    expect((await status(linked, [])).services.map((service) => service.port)).toEqual([5011, 3010]);

    expect((await runCli(linked, ['down'])).code).toBe(0);
    expect((await runCli(main, ['down'])).code).toBe(0);
    expect(await zero.exited).toBe(0);
    expect(await one.exited).toBe(0);
    expect(await nothingLeft([main, linked], 5_000)).toBe(true);
  }, 120_000);
});

const engine = inject('composeEngine');
const mustRun = process.env.CI === 'true';

describe.skipIf(!engine.available && !mustRun)('instances of a compose profile (real engine)', () => {
  const project = `tovrune2einst${process.pid}`;
  const containers = projectContainers;

  beforeAll(() => {
    if (!engine.available) throw new Error(`CI=true, but the engine tests cannot run: ${engine.reason}`);
    buildComposeTestImage();
  }, 120_000);

  afterAll(() => {
    if (engine.available) removeProjects([project, `${project}-i1`]);
  });

  it('instance 0 and --instance 1 each start the profile under their own project name, and down removes each', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-e2e-instances-compose-'));
    cpSync(composeFixture, dir, { recursive: true });
    const template = readFileSync(path.join(dir, '.env.template'), 'utf8');
    writeFileSync(path.join(dir, '.env'), template.replace(/^COMPOSE_PROJECT_NAME=.*$/m, `COMPOSE_PROJECT_NAME=${project}`));
    const zero = startCli(dir, ['-p', 'demo', '--no-services']);
    const one = startCli(dir, ['-p', 'demo', '--no-services', '--instance', '1']);
    await zero.waitForOutput(/Ready:\n {2}web /, 60_000);
    await one.waitForOutput(/Ready, instance 1 \(ports \+10\):\n {2}web /, 60_000);
    expect(containers(project, true)).toHaveLength(2);
    expect(containers(`${project}-i1`, true)).toHaveLength(2);

    const down = await runCli(dir, ['down', '--instance', '1']);
    expect(down.code, down.output).toBe(0);
    expect(down.output).toContain(`(project ${project}-i1;`);
    expect(await one.exited).toBe(0);
    expect(containers(`${project}-i1`, false)).toEqual([]);
    expect(containers(project, true)).toHaveLength(2);
    expect((await runCli(dir, ['down'])).code).toBe(0);
    expect(await zero.exited).toBe(0);
    expect(containers(project, false)).toEqual([]);
  }, 120_000);

  it("moves the profile's published port and the DATABASE_URL built from it by the instance's offset", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-e2e-instances-db-'));
    cpSync(composeFixture, dir, { recursive: true });
    const template = readFileSync(path.join(dir, '.env.template'), 'utf8');
    writeFileSync(path.join(dir, '.env'), template.replace(/^COMPOSE_PROJECT_NAME=.*$/m, `COMPOSE_PROJECT_NAME=${project}`));
    // POSTGRES_PORT=55432 in the template: instance 1 publishes the database on 55442 and tells the backend so.
    const run = await runCli(dir, ['-p', 'local-db', '--instance', '1']);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/^backend +\| backend connects to tester@localhost:55442\/testdb$/m);
    expect(run.output).toMatch(/Ready, instance 1 \(ports \+10\):\n {2}db +postgresql:\/\/tester:\*\*\*@localhost:55442\/testdb/);
    expect((await runCli(dir, ['down', '--instance', '1'])).code).toBe(0);
    expect(containers(`${project}-i1`, false)).toEqual([]);
  }, 90_000);
});
