// Scripts and agents against one detached demo (real Flask and Vite): `up --detach`, status --json, wait, events,
// logs --grep/--errors, an MCP client built with the official SDK over stdio, a secret canary, and `down`.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunStatus } from '../../src/supervisor/service-status.js';
import { takePortLock } from '../support/port-lock.js';
import { cliPath, pollUntil, portIsFree, processesUnder, repoRoot, runCli, startCli } from '../support/processes.js';

const ports = [5001, 3000];
const canary = 'agents-canary-5e1f0c2d9b';
/** Every JSON text a script or an agent got: none may hold the canary. */
const received: string[] = [];

async function cli(dir: string, args: string[]): Promise<{ code: number; output: string }> {
  const result = await runCli(dir, args, { ...process.env, PIP_RETRIES: '0' });
  received.push(result.output);
  return result;
}

async function status(dir: string): Promise<RunStatus> {
  const result = await cli(dir, ['status', '--json']);
  expect(result.code, result.output).toBe(0);
  return JSON.parse(result.output) as RunStatus;
}

/** The packages a built file and the chunks it imports statically load, transitively: what loads before any command runs. */
function staticPackages(file: string, seen = new Set<string>(), packages = new Set<string>()): Set<string> {
  if (seen.has(file)) return packages;
  seen.add(file);
  const text = readFileSync(path.join(repoRoot, 'dist', file), 'utf8');
  for (const match of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)) {
    const specifier = (match[1] ?? match[2]) as string;
    if (specifier.startsWith('./')) staticPackages(specifier.slice(2), seen, packages);
    else packages.add(specifier);
  }
  return packages;
}

describe('scripts and agents drive a detached demo', () => {
  let dir: string;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    release = await takePortLock('tovplay-ports');
    for (const port of ports) expect(await portIsFree(port), `port ${port} must be free for the agents test`).toBe(true);
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'tovrun-e2e-agents-')), 'demo');
    expect((await runCli(repoRoot, ['demo', dir, '--dry-run'])).code).toBe(0);
    // The canary: a secret of .env that the backend prints at start.
    const env = path.join(dir, '.env');
    writeFileSync(env, readFileSync(env, 'utf8').replace(/^SECRET_KEY=.*$/m, `SECRET_KEY=${canary}`));
    const app = path.join(dir, 'backend', 'app.py');
    writeFileSync(app, `${readFileSync(app, 'utf8')}\nprint("SECRET_KEY is", os.environ["SECRET_KEY"], flush=True)\n`);
  }, 60_000);

  afterAll(async () => {
    if (dir && existsSync(path.join(dir, '.tovrun', 'control.json'))) await runCli(dir, ['down']);
    release();
  }, 60_000);

  it('loads neither the MCP SDK nor zod on the start-up path of the other commands', () => {
    expect([...staticPackages('cli.bundle.js')].filter((specifier) => !specifier.startsWith('node:'))).toEqual(['commander']);
  });

  it('up --detach returns once both services are ready, and status --json says so', async () => {
    const up = await cli(dir, ['up', '--detach']);
    expect(up.code, up.output).toBe(0);
    expect(up.output).toMatch(/Ready:\n {2}backend .*\n {2}frontend /);
    const run = await status(dir);
    expect(run).toMatchObject({ version: 1, ready: true, root: dir, panes: 'prefix' });
    expect(run.services.map((service) => [service.name, service.kind, service.state, service.ready])).toEqual([
      ['backend', 'native', 'running', true],
      ['frontend', 'native', 'running', true],
    ]);
    expect(run.services.every((service) => typeof service.readyMs === 'number' && typeof service.pid === 'number')).toBe(true);
    // The background tovrun leads a session of its own: the launching terminal's Ctrl-C and hang-up do not reach it.
    const stat = readFileSync(`/proc/${run.pid}/stat`, 'utf8');
    const [, , group, session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    expect([Number(group), Number(session)]).toEqual([run.pid, run.pid]);
  }, 300_000);

  it('wait exits 0 for ready services, 1 for one that cannot become ready, and 2 for an unknown one', async () => {
    expect((await cli(dir, ['wait', 'backend', 'frontend', '--timeout', '30'])).code).toBe(0);
    expect((await cli(dir, ['stop', 'frontend'])).code).toBe(0);
    const stopped = await cli(dir, ['wait', 'frontend', '--timeout', '10']);
    expect(stopped.code).toBe(1);
    expect(stopped.output).toContain('frontend is stopped');
    expect((await cli(dir, ['start', 'frontend'])).code).toBe(0);
    expect((await cli(dir, ['wait', '--timeout', '30'])).code).toBe(0);
    expect((await cli(dir, ['wait', 'nope'])).code).toBe(2);
  }, 90_000);

  it('logs --grep finds a request line, and --errors the traceback of a failing endpoint', async () => {
    expect((await fetch('http://127.0.0.1:3000/api/greeting')).status).toBe(200);
    expect((await fetch('http://127.0.0.1:5001/api/boom')).status).toBe(500);
    await pollUntil(async () => (await cli(dir, ['logs', 'backend', '--grep', 'GET /api/boom'])).output.includes('/api/boom'), 10_000);
    const found = await cli(dir, ['logs', 'backend', '--json', '--grep', 'GET /api/greeting', '--since', '5m']);
    expect(found.code, found.output).toBe(0);
    const answer = JSON.parse(found.output);
    expect(answer).toMatchObject({ version: 1, source: 'live' });
    expect(answer.lines[0]).toMatchObject({ service: 'backend', text: expect.stringMatching(/"GET \/api\/greeting HTTP\/1\.1" 200/) });
    const errors = await cli(dir, ['logs', '--errors', '--json']);
    const backend = JSON.parse(errors.output).errors.find((error: { service: string }) => error.service === 'backend');
    const texts = backend.lines.map((line: { text: string }) => line.text);
    expect(texts[0]).toBe('Traceback (most recent call last):');
    expect(texts.at(-1)).toMatch(/^RuntimeError: boom: \/api\/boom fails on purpose/);
    // The canary was printed, and masked.
    const secret = await cli(dir, ['logs', 'backend', '--json', '--grep', 'SECRET_KEY is']);
    expect(JSON.parse(secret.output).lines[0].text).toBe('SECRET_KEY is ***');
    expect((await cli(dir, ['logs', '--json', '-n', '5000'])).code).toBe(0);
  }, 60_000);

  it('events --json shows a restart as it happens', async () => {
    const events = startCli(dir, ['events', '--json']);
    await events.waitForOutput(/^tovrun: following the events of the running tovrun \(Ctrl-C to stop\)$/m, 20_000);
    expect((await cli(dir, ['restart', 'frontend'])).code).toBe(0);
    await events.waitForOutput(/"type":"ready","service":"frontend"/, 30_000);
    events.child.kill('SIGINT');
    expect(await events.exited).toBe(130);
    const lines = events
      .output()
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('tovrun: '))
      .map((line) => JSON.parse(line));
    received.push(events.output());
    expect(lines.map((line) => line.type)).toEqual(expect.arrayContaining(['restart-requested', 'exited', 'started', 'ready']));
    const started = lines.find((line) => line.type === 'started');
    expect(started).toMatchObject({ version: 1, service: 'frontend', text: expect.stringMatching(/^started again \(pid \d+, restart \d+\)$/) });
    expect(started.restarts).toBeGreaterThan(0);
  }, 60_000);

  it('an MCP client over stdio lists the tools, reads status, logs and errors, and restarts the backend', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [cliPath, 'mcp'], cwd: dir, stderr: 'pipe' });
    const client = new Client({ name: 'tovrun-e2e', version: '1.0.0' });
    await client.connect(transport);
    try {
      const call = async (name: string, args: Record<string, unknown> = {}) => {
        const result = await client.callTool({ name, arguments: args });
        const text = (result.content as { type: string; text: string }[])[0]?.text ?? '';
        received.push(text);
        expect(text.length).toBeLessThanOrEqual(20_000);
        expect(result.isError, text).toBeFalsy();
        return JSON.parse(text);
      };
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual(['check', 'down', 'errors', 'logs', 'restart', 'start', 'status', 'stop', 'up']);
      expect(tools.every((tool) => (tool.description ?? '').length > 20 && tool.inputSchema.type === 'object')).toBe(true);
      const before = await call('status');
      const backendPid = before.services.find((service: { name: string }) => service.name === 'backend').pid;
      const logs = await call('logs', { service: 'backend', grep: 'GET /api/greeting', lines: 5 });
      expect(logs.lines.length).toBeGreaterThan(0);
      const errors = await call('errors');
      expect(JSON.stringify(errors)).toContain('RuntimeError: boom');
      const restarted = await call('restart', { service: 'backend' });
      expect(restarted.previousPid).toBe(backendPid);
      expect(restarted.service.pid).not.toBe(backendPid);
      expect((await call('status')).services.find((service: { name: string }) => service.name === 'backend').pid).toBe(restarted.service.pid);
      await call('logs', { lines: 500 });
      const check = await call('check', { checks: ['env'] });
      expect(check).toMatchObject({ workspace: dir, passed: true });
      expect(check.findings.length).toBeGreaterThan(0);
      expect(check.findings.every((finding: { id: string }) => finding.id.startsWith('env/'))).toBe(true);
    } finally {
      await client.close();
    }
  }, 90_000);

  it('no JSON output nor MCP result holds the secret canary', () => {
    expect(received.length).toBeGreaterThan(10);
    for (const text of received) expect(text).not.toContain(canary);
  });

  it('down leaves nothing', async () => {
    const down = await cli(dir, ['down']);
    expect(down.code, down.output).toBe(0);
    expect(await pollUntil(async () => processesUnder(dir).length === 0 && (await Promise.all(ports.map(portIsFree))).every(Boolean), 10_000)).toBe(true);
    expect(existsSync(path.join(dir, '.tovrun', 'control.json'))).toBe(false);
    expect(existsSync(path.join(dir, '.tovrun', 'state.json'))).toBe(false);
    expect((await cli(dir, ['status'])).code).toBe(1);
    expect((await cli(dir, ['wait'])).code).toBe(2);
  }, 60_000);
});
