// Compose profiles through the real CLI against a real engine: busybox images built locally, healthchecks, profiles.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildComposeTestImage, projectContainers as containers, composeFixture as fixture, removeProjects } from '../support/compose-fixture.js';
import { runCli, startCli } from '../support/processes.js';

const engine = inject('composeEngine');
const mustRun = process.env.CI === 'true';
const projects: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A temporary workspace from the fixture, with its own project name, database port and health timeout. */
async function workspace(healthTimeout: number): Promise<{ dir: string; project: string; port: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-e2e-compose-'));
  cpSync(fixture, dir, { recursive: true });
  const project = `tovrune2e${process.pid}x${projects.length}`;
  projects.push(project);
  const port = await freePort();
  const template = readFileSync(path.join(dir, '.env.template'), 'utf8');
  writeFileSync(
    path.join(dir, '.env'),
    template.replace(/^COMPOSE_PROJECT_NAME=.*$/m, `COMPOSE_PROJECT_NAME=${project}`).replace(/^POSTGRES_PORT=.*$/m, `POSTGRES_PORT=${port}`),
  );
  writeFileSync(
    path.join(dir, 'tovrun.yaml'),
    readFileSync(path.join(dir, 'tovrun.yaml'), 'utf8').replace(/healthTimeout: \d+/, `healthTimeout: ${healthTimeout}`),
  );
  return { dir, project, port };
}

const title =
  engine.available || mustRun ? 'compose profiles through tovrun (real engine)' : `compose profiles through tovrun (real engine) — skipped: ${engine.reason}`;

describe.skipIf(!engine.available && !mustRun)(title, () => {
  beforeAll(() => {
    if (!engine.available) throw new Error(`CI=true, but the engine tests cannot run: ${engine.reason}`);
    // One tiny image (static busybox, FROM scratch) for every test, built once.
    buildComposeTestImage();
  }, 120_000);

  afterAll(() => {
    if (engine.available) removeProjects(projects);
  });

  it('starts a profile, shows it healthy with labelled logs, stops it on SIGINT (exit 130), and `tovrun down` removes it', async () => {
    const { dir, project } = await workspace(60);
    const run = startCli(dir, ['-p', 'demo', '--no-services']);
    await run.waitForOutput(/Ready:\n {2}web .*\n {2}plain /, 60_000);
    expect(run.output()).toMatch(/^web +\| hello from web$/m);
    expect(run.output()).toMatch(/^plain +\| plain has no healthcheck$/m);
    expect(run.output()).toMatch(/^web +\| \[tovrun\] healthy after \d/m);
    expect(run.output()).toMatch(/^plain +\| \[tovrun\] running after .*no healthcheck/m);
    expect(containers(project, true)).toHaveLength(2);

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.output()).toMatch(/^web +\| web stopping$/m);
    expect(containers(project, true)).toEqual([]);
    expect(containers(project, false)).toHaveLength(2);

    const down = await runCli(dir, ['down']);
    expect(down.code).toBe(0);
    expect(down.output).toContain(`removed the compose services web, plain (project ${project}; named volumes kept)`);
    expect(containers(project, false)).toEqual([]);
  }, 90_000);

  it('reports a service that never gets healthy within compose.healthTimeout, with its last log lines, and leaves nothing running', async () => {
    const { dir, project } = await workspace(4);
    const started = Date.now();
    const run = await runCli(dir, ['-p', 'broken', '--no-services']);
    expect(run.code, run.output).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.output).toContain('compose service never was not healthy within 4.0 s (health: starting)');
    expect(run.output).toMatch(/\| never getting healthy/);
    expect(run.output).toContain('compose.healthTimeout');
    expect(run.output).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(containers(project, true)).toEqual([]);
    await runCli(dir, ['down']);
  }, 60_000);

  it('starts the backend only after its database is healthy, and wires DATABASE_URL to it with the password masked', async () => {
    const { dir, project, port } = await workspace(60);
    const run = await runCli(dir, ['-p', 'local-db']);
    const output = run.output;
    expect(run.code, output).toBe(0);
    const healthy = output.search(/^db +\| \[tovrun\] healthy after/m);
    const backendStarted = output.search(/^backend +\| \[tovrun\] started/m);
    expect(healthy).toBeGreaterThan(-1);
    expect(backendStarted).toBeGreaterThan(healthy);
    expect(output).toMatch(
      new RegExp(`^backend +\\| \\[tovrun\\] database: postgresql://tester:\\*\\*\\*@localhost:${port}/testdb \\(the local-db profile`, 'm'),
    );
    // A URL holding a password is a secret value (as one in .env is): the service printing it shows *** alone.
    expect(output).toMatch(/^backend +\| backend got \*\*\*$/m);
    expect(output).toMatch(new RegExp(`^backend +\\| backend connects to tester@localhost:${port}/testdb$`, 'm'));
    expect(output).toMatch(new RegExp(`Ready:\\n {2}db +postgresql://tester:\\*\\*\\*@localhost:${port}/testdb`));
    expect(output).not.toContain('fixture-only-password');
    expect(containers(project, true)).toEqual([]);
    await runCli(dir, ['down']);
    expect(containers(project, false)).toEqual([]);
  }, 60_000);
});
