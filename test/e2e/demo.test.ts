// The demo pipeline with real Flask, real Vite, real pip and npm: install, start, ready, proxy, and clean stops. The cold
// start runs the tovrun a user gets: the packed tarball installed with production dependencies only.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTarball, packTarball } from '../support/installed-package.js';
import { demoPorts, lockDemoPorts } from '../support/port-lock.js';
import { pollUntil, portIsFree, processesUnder, repoRoot, runCli, startCli } from '../support/processes.js';

const canary = 'demo-only-insecure-secret-key';

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
}

/** Everything of the workspace gone and both ports free, within the deadline. */
async function nothingLeft(dir: string, deadlineMs: number): Promise<boolean> {
  return pollUntil(async () => processesUnder(dir).length === 0 && (await Promise.all(demoPorts.map(portIsFree))).every(Boolean), deadlineMs);
}

async function expectBothServing(): Promise<void> {
  expect(await fetchText('http://127.0.0.1:5001/health')).toContain('ok');
  expect(await fetchText('http://127.0.0.1:3000/')).toContain('tovrun demo');
  // The frontend's proxied call reaches Flask.
  expect(JSON.parse(await fetchText('http://127.0.0.1:3000/api/greeting'))).toEqual({ message: 'Hello from Flask, developer!' });
}

describe('tovrun demo (real Flask and Vite)', () => {
  let dir: string;
  let installedCli: string;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    release = await lockDemoPorts();
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'tovrun-e2e-demo-')), 'demo');
    installedCli = installTarball(packTarball().file);
  }, 120_000);

  afterAll(() => release());

  it('the installed package (production dependencies only) prints its version', async () => {
    const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const run = await runCli(tmpdir(), ['--version'], process.env, installedCli);
    expect(run).toEqual({ code: 0, output: `${version}\n` });
  });

  it('installs from nothing, starts both servers, proxies, and stops everything on SIGINT within 2 s (exit 130)', async () => {
    const run = startCli(repoRoot, ['demo', dir], process.env, installedCli);
    await run.waitForOutput(/Ready:\n {2}backend .*\n {2}frontend /, 150_000);
    await expectBothServing();
    expect(processesUnder(dir).length).toBeGreaterThanOrEqual(3); // flask, its reloader child, vite
    run.child.kill('SIGINT');
    expect(await nothingLeft(dir, 2_000)).toBe(true);
    expect(await run.exited).toBe(130);
    expect(run.output()).not.toContain(canary);
    expect(run.output()).not.toMatch(/\n\s+at .*\.js:\d+/);
  }, 200_000);

  it('the installed package checks the demo workspace: every check passes', async () => {
    const check = await runCli(dir, ['--check'], process.env, installedCli);
    expect(check.output).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(check.code, check.output).toBe(0);
  }, 60_000);

  it('starts warm (installs up to date) and stops on SIGTERM', async () => {
    const run = startCli(dir, []);
    await run.waitForOutput(/Ready:/, 60_000);
    expect(run.output()).toMatch(/backend: up to date/);
    expect(run.output()).toMatch(/frontend: up to date/);
    await expectBothServing();
    run.child.kill('SIGTERM');
    expect(await nothingLeft(dir, 2_000)).toBe(true);
    expect(await run.exited).toBe(0);
  }, 90_000);

  it('after kill -9 of tovrun, `tovrun down` stops the services it left behind', async () => {
    const run = startCli(dir, ['--no-install']);
    await run.waitForOutput(/Ready:/, 60_000);
    run.child.kill('SIGKILL');
    await run.exited;
    expect(processesUnder(dir).length).toBeGreaterThan(0);
    const down = await runCli(dir, ['down']);
    expect(down.code).toBe(0);
    expect(down.output).toMatch(/stopped backend \(pid \d+, port 5001\)/);
    expect(down.output).toMatch(/stopped frontend \(pid \d+, port 3000\)/);
    expect(await nothingLeft(dir, 2_000)).toBe(true);
    expect((await runCli(dir, ['down'])).output).toContain('nothing to stop');
  }, 90_000);

  it('refuses a busy port before starting anything, naming the holder pid', async () => {
    const server = net.createServer().listen(3000, '0.0.0.0');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const run = await runCli(dir, ['--no-install']);
      expect(run.code).toBe(1);
      expect(run.output).toContain('3000');
      expect(run.output).toContain(`pid ${process.pid}`);
      expect(run.output).not.toContain('[tovrun] started');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(processesUnder(dir)).toEqual([]);
  }, 60_000);

  it('stops before starting anything when .env has an error', async () => {
    const envFile = path.join(dir, '.env');
    const original = readFileSync(envFile, 'utf8');
    writeFileSync(envFile, `${original}BACKEND_PORT=not-a-port\n`);
    try {
      const run = await runCli(dir, ['--no-install']);
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/\.env:\d+/);
      expect(run.output).toContain('nothing was started');
      expect(run.output).not.toContain(canary);
    } finally {
      writeFileSync(envFile, original);
    }
    expect(processesUnder(dir)).toEqual([]);
  }, 60_000);
});
