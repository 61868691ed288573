// The node-postgres-redis preset end to end: `tovrun init --preset` then its signaling server run through tovrun,
// alone and with Postgres and Redis as compose services (-p local-db) on a real engine, from locally built images.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensurePresetImages, localImagesMissing } from '../support/local-images.js';
import { freePort } from '../support/postgres.js';
import { pollUntil, portIsFree, processesUnder, runCli, startCli } from '../support/processes.js';

const engine = inject('composeEngine');
const mustRun = process.env.CI === 'true';
// Under CI the images must be built (the builder installs redis-server there); elsewhere a missing piece skips.
const imageGaps = mustRun ? [] : localImagesMissing();
const composeSkipReason = [...(engine.available ? [] : [engine.reason]), ...imageGaps].join('; ');

const docker = (args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();
const lines = (text: string) => text.split('\n').filter(Boolean);
/** Containers of a compose project: all of them, or only the running ones. */
const containers = (project: string, running: boolean) =>
  lines(docker(['ps', '-q', ...(running ? [] : ['-a']), '--filter', `label=com.docker.compose.project=${project}`]));

/** Sends PING to a Redis server and resolves with its first reply line. */
function redisPing(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString();
      if (!text.includes('\r\n')) return;
      socket.destroy();
      resolve(text.split('\r\n')[0] ?? '');
    });
    socket.on('error', reject);
  });
}

/** Performs a WebSocket opening handshake on port and returns the server's response head. */
function websocketHandshake(port: number): Promise<{ head: string; expectedAccept: string }> {
  const key = randomBytes(16).toString('base64');
  const expectedAccept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `GET /?room=e2e HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (!text.includes('\r\n\r\n')) return;
      socket.destroy();
      resolve({ head: text.split('\r\n\r\n')[0] ?? '', expectedAccept });
    });
    socket.on('error', reject);
  });
}

/** The signaling server answers /status with ok and completes a WebSocket handshake on port. */
async function expectSignalingServes(port: number): Promise<void> {
  const status = await fetch(`http://127.0.0.1:${port}/status`);
  expect(status.status).toBe(200);
  expect(await status.json()).toMatchObject({ status: 'ok' });
  const { head, expectedAccept } = await websocketHandshake(port);
  expect(head).toMatch(/^HTTP\/1\.1 101 /);
  expect(head).toContain(`Sec-WebSocket-Accept: ${expectedAccept}`);
}

describe('node-postgres-redis preset (real tovrun, real Node)', () => {
  it('init writes the preset; tovrun runs the signaling server: /status, a WebSocket handshake, SIGINT leaves nothing', async () => {
    expect(await portIsFree(4001), 'port 4001 must be free').toBe(true);
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'tovrun-e2e-preset-')), 'signaling-repo');
    const init = await runCli(tmpdir(), ['init', dir, '--preset', 'node-postgres-redis', '--yes']);
    expect(init.code, init.output).toBe(0);

    const run = startCli(dir, ['--only', 'signaling', '--no-install']);
    await run.waitForOutput(/Ready:\n {2}signaling /, 30_000);
    await expectSignalingServes(4001);

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.output()).toMatch(/signaling: SIGTERM, draining/);
    expect(await pollUntil(async () => processesUnder(dir).length === 0 && (await portIsFree(4001)), 2_000)).toBe(true);
  }, 60_000);
});

const composeTitle =
  composeSkipReason === '' || mustRun
    ? 'node-postgres-redis preset with -p local-db (real engine)'
    : `node-postgres-redis preset with -p local-db (real engine) — skipped: ${composeSkipReason}`;

describe.skipIf(composeSkipReason !== '' && !mustRun)(composeTitle, () => {
  const project = `tovrunpreset${process.pid}`;
  const scratch = mkdtempSync(path.join(tmpdir(), 'tovrun-e2e-preset-db-'));

  beforeAll(() => {
    if (!engine.available) throw new Error(`CI=true, but the engine tests cannot run: ${engine.reason}`);
    // postgres:15 and redis:7 cannot be pulled here: small stand-ins are built from the host's binaries (cached).
    ensurePresetImages();
  }, 180_000);

  afterAll(() => {
    if (engine.available) {
      const left = containers(project, false);
      if (left.length > 0) docker(['rm', '-f', ...left]);
      const label = `label=com.docker.compose.project=${project}`;
      const networks = lines(docker(['network', 'ls', '-q', '--filter', label]));
      if (networks.length > 0) docker(['network', 'rm', ...networks]);
      const volumes = lines(docker(['volume', 'ls', '-q', '--filter', label]));
      if (volumes.length > 0) docker(['volume', 'rm', ...volumes]);
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  it('starts Postgres and Redis healthy with labelled logs beside the signaling server; SIGINT leaves nothing running', async () => {
    expect(await portIsFree(4001), 'port 4001 must be free').toBe(true);
    const dir = path.join(scratch, 'signaling-repo');
    const init = await runCli(tmpdir(), ['init', dir, '--preset', 'node-postgres-redis', '--yes']);
    expect(init.code, init.output).toBe(0);
    // Own project name and free host ports, so nothing else on this machine is touched.
    const [postgresPort, redisPort] = [await freePort(), await freePort()];
    const env = readFileSync(path.join(dir, '.env'), 'utf8')
      .replace(/^COMPOSE_PROJECT_NAME=.*$/m, `COMPOSE_PROJECT_NAME=${project}`)
      .replace(/^POSTGRES_PORT=.*$/m, `POSTGRES_PORT=${postgresPort}`)
      .replace(/^DATABASE_URL=(.*)@localhost:5432\//m, `DATABASE_URL=$1@localhost:${postgresPort}/`)
      .replace(/^REDIS_PORT=.*$/m, `REDIS_PORT=${redisPort}`)
      .replace(/^REDIS_URL=redis:\/\/localhost:6379\//m, `REDIS_URL=redis://localhost:${redisPort}/`);
    writeFileSync(path.join(dir, '.env'), env);
    const value = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(env)?.[1] ?? '';

    const run = startCli(dir, ['-p', 'local-db', '--no-install']);
    await run.waitForOutput(/Ready:\n {2}postgres .*\n {2}redis .*\n {2}signaling /, 90_000);
    const output = run.output();
    expect(output).toMatch(/^postgres +\| \[tovrun\] healthy after \d/m);
    expect(output).toMatch(/^redis +\| \[tovrun\] healthy after \d/m);
    expect(output).toMatch(/^postgres +\| .*database system is ready to accept connections/m);
    expect(output).toMatch(/^redis +\| .*Ready to accept connections/m);
    expect(output).not.toContain(value('POSTGRES_PASSWORD'));
    const running = containers(project, true);
    expect(running).toHaveLength(2);
    expect(running.map((id) => docker(['inspect', '--format', '{{.State.Health.Status}}', id]))).toEqual(['healthy', 'healthy']);

    // The stores answer on their published ports: Postgres with password auth into POSTGRES_DB, Redis to PING.
    const client = new pg.Client({
      host: '127.0.0.1',
      port: postgresPort,
      user: value('POSTGRES_USER'),
      password: value('POSTGRES_PASSWORD'),
      database: value('POSTGRES_DB'),
    });
    await client.connect();
    try {
      const { rows } = await client.query<{ user: string; db: string; version: string }>(
        "select current_user as user, current_database() as db, current_setting('server_version_num') as version",
      );
      expect(rows[0]).toMatchObject({ user: value('POSTGRES_USER'), db: value('POSTGRES_DB') });
      expect(rows[0]?.version).toMatch(/^15/);
    } finally {
      await client.end();
    }
    expect(await redisPing(redisPort)).toBe('+PONG');

    await expectSignalingServes(4001);

    run.child.kill('SIGINT');
    expect(await run.exited, run.output()).toBe(130);
    expect(run.output()).toMatch(/signaling: SIGTERM, draining/);
    expect(containers(project, true)).toEqual([]);
    expect(await pollUntil(async () => processesUnder(dir).length === 0 && (await portIsFree(4001)), 2_000)).toBe(true);

    const down = await runCli(dir, ['down']);
    expect(down.code, down.output).toBe(0);
    expect(containers(project, false)).toEqual([]);
  }, 120_000);
});
