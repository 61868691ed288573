// Compose profiles on a remote Docker engine: a second real dockerd in its own network and mount namespace
// (test/setup/remote-engine.ts), reached over tcp with DOCKER_HOST, where the workspace's files do not exist.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missing, type RemoteEngine, startRemoteEngine } from '../setup/remote-engine.js';
import { type RunningCli, repoRoot, runCli, startCli } from '../support/processes.js';

const mustRun = process.env.CI === 'true';
const gaps = missing();
const fixture = path.join(repoRoot, 'test', 'fixtures', 'remote');
const image = 'tovrun-test-busybox:1';
let engine: RemoteEngine = { available: false, reason: 'not started' };
let made = 0;
/** Every tovrun started, so a failed test leaves none running. */
const runs: RunningCli[] = [];
const start = (dir: string, env: NodeJS.ProcessEnv) => {
  const run = startCli(dir, ['-p', 'remote', '--no-services'], env);
  runs.push(run);
  return run;
};

/** A workspace from the fixture with its own project name and port, and the environment that points tovrun at the remote engine. */
function workspace(): { dir: string; project: string; port: number; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-e2e-remote-'));
  cpSync(fixture, dir, { recursive: true });
  made += 1;
  const project = `tovrunremote${process.pid}x${made}`;
  // The remote engine has a network namespace of its own: every port there is free.
  const port = 20_000 + ((process.pid * 7 + made) % 10_000);
  writeFileSync(path.join(dir, '.env'), `TEST_IMAGE=${image}\nCOMPOSE_PROJECT_NAME=${project}\nSITE_PORT=${port}\n`);
  const host = engine.available ? engine.host : '';
  return { dir, project, port, env: { ...process.env, DOCKER_HOST: host, DOCKER_CONTEXT: undefined } };
}

/** What the project left on the remote engine: containers, networks and volumes. */
function leftOnRemote(project: string): string[] {
  if (!engine.available) return [];
  const { docker } = engine;
  const lines = (text: string) => text.split('\n').filter(Boolean);
  return [
    ...lines(docker(['ps', '-a', '--format', '{{.Names}}', '--filter', `label=com.docker.compose.project=${project}`])),
    ...lines(docker(['network', 'ls', '--format', '{{.Name}}', '--filter', `label=com.docker.compose.project=${project}`])),
    ...lines(docker(['volume', 'ls', '--format', '{{.Name}}'])).filter((name) => name.startsWith(project)),
  ];
}

const title =
  gaps.length === 0 || mustRun
    ? 'compose profiles on a remote engine (a second real dockerd)'
    : `compose profiles on a remote engine — skipped: ${gaps.join('; ')}`;

describe.skipIf(gaps.length > 0 && !mustRun)(title, () => {
  beforeAll(() => {
    engine = startRemoteEngine(image, path.join(repoRoot, 'test', 'fixtures', 'compose', 'Dockerfile'));
    if (!engine.available) throw new Error(`the remote engine tests cannot run: ${engine.reason}`);
  }, 180_000);

  afterAll(() => {
    for (const run of runs) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    if (engine.available) engine.stop();
  });

  it('--dry-run names the engine and its URL; the run starts the profile there with its infra/ folder delivered, awaits it healthy with labelled logs, serves it at the printed URL, and SIGINT leaves nothing there', async () => {
    const { dir, project, port, env } = workspace();
    const url = `http://10.213.37.2:${port}/`;
    const dryRun = await runCli(dir, ['-p', 'remote', '--no-services', '--dry-run'], env);
    expect(dryRun.output).toContain(`site  ${url}`);
    expect(dryRun.output).toMatch(/^Engine: tcp:\/\/10\.213\.37\.2:2375 \(remote, from DOCKER_HOST\): server \S+, answered in \d+ ms \(docker/m);
    const run = start(dir, env);
    await run.waitForOutput(new RegExp(`Ready:\\n {2}site +${url.replace(/[./]/g, '\\$&')} `), 60_000);
    expect(run.output()).toMatch(/^site +\| \[tovrun\] delivering .*infra\/site to the remote engine as volume /m);
    expect(run.output()).toMatch(/^site +\| site serving$/m);
    expect(run.output()).toMatch(/^site +\| \[tovrun\] healthy after \d/m);
    const response = await fetch(`${url}index.html`);
    expect(await response.text()).toBe('served from the workspace\n');

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.output()).toMatch(/^site +\| site stopping$/m);
    expect(run.output()).toContain('stopped and removed from the remote engine');
    expect(leftOnRemote(project)).toEqual([]);
  }, 90_000);

  it('after a killed tovrun, `tovrun down` reaches the engine recorded in compose.json (DOCKER_HOST unset) and removes everything; a changed file is served on the next run', async () => {
    const { dir, project, port, env } = workspace();
    writeFileSync(path.join(dir, 'infra', 'site', 'index.html'), 'changed here\n');
    const run = start(dir, env);
    await run.waitForOutput(/Ready:\n {2}site /, 60_000);
    expect(await (await fetch(`http://10.213.37.2:${port}/index.html`)).text()).toBe('changed here\n');
    run.child.kill('SIGKILL');
    await run.exited;
    expect(leftOnRemote(project).length).toBeGreaterThan(0);

    const down = await runCli(dir, ['down'], { ...process.env, DOCKER_HOST: undefined });
    expect(down.code, down.output).toBe(0);
    expect(down.output).toContain(`removed the compose services site (project ${project} on tcp://10.213.37.2:2375; named volumes kept)`);
    expect(leftOnRemote(project)).toEqual([]);
  }, 90_000);

  // A full run over ssh works too, but docker-compose v1 reaches an ssh engine through paramiko at some 13 s a command
  // here, which would make this test minutes long: it checks the endpoint, the probe and the URLs over ssh.
  it('takes an ssh:// DOCKER_HOST: --dry-run asks that engine over ssh and points the URL at its host', async (context) => {
    if (!engine.available || engine.ssh === null) return context.skip('openssh-server is not installed');
    const { dir, port, env } = workspace();
    const dryRun = await runCli(dir, ['-p', 'remote', '--no-services', '--dry-run'], { ...env, ...engine.ssh.env, DOCKER_HOST: engine.ssh.host });
    expect(dryRun.output).toContain(`site  http://10.213.37.2:${port}/`);
    expect(dryRun.output).toMatch(/^Engine: ssh:\/\/root@10\.213\.37\.2 \(remote, from DOCKER_HOST\): server \S+, answered in \d+ ms/m);
  }, 60_000);

  it('--check reports an engine that refuses the connection as an error naming the endpoint and the fix', async () => {
    const { dir, env } = workspace();
    const check = await runCli(dir, ['--check', '-p', 'remote'], { ...env, DOCKER_HOST: 'tcp://10.213.37.2:9' });
    expect(check.code).toBe(1);
    expect(check.output).toContain('the Docker engine at tcp://10.213.37.2:9 (remote, from DOCKER_HOST) did not answer (');
    expect(check.output).toContain('unset DOCKER_HOST to use the local engine');
  }, 60_000);
});
