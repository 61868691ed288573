// The node-postgres-redis preset end to end: `tovrun init --preset` then its signaling server run through tovrun.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pollUntil, portIsFree, processesUnder, runCli, startCli } from '../support/processes.js';

/** Performs a WebSocket opening handshake on port and returns the server's response head. */
function websocketHandshake(port: number): Promise<{ head: string; expectedAccept: string }> {
  const key = randomBytes(16).toString('base64');
  const expectedAccept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET /?room=e2e HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
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

describe('node-postgres-redis preset (real tovrun, real Node)', () => {
  it('init writes the preset; tovrun runs the signaling server: /status, a WebSocket handshake, SIGINT leaves nothing', async () => {
    expect(await portIsFree(4001), 'port 4001 must be free').toBe(true);
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'tovrun-e2e-preset-')), 'signaling-repo');
    const init = await runCli(tmpdir(), ['init', dir, '--preset', 'node-postgres-redis', '--yes']);
    expect(init.code, init.output).toBe(0);

    const run = startCli(dir, ['--only', 'signaling', '--no-install']);
    await run.waitForOutput(/Ready:\n {2}signaling /, 30_000);
    const status = await fetch('http://127.0.0.1:4001/status');
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ status: 'ok' });
    const { head, expectedAccept } = await websocketHandshake(4001);
    expect(head).toMatch(/^HTTP\/1\.1 101 /);
    expect(head).toContain(`Sec-WebSocket-Accept: ${expectedAccept}`);

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.output()).toMatch(/signaling: SIGTERM, draining/);
    expect(await pollUntil(async () => processesUnder(dir).length === 0 && (await portIsFree(4001)), 2_000)).toBe(true);
  }, 60_000);

  // Postgres 15 and Redis 7 as compose services need the postgres:15 and redis:7 images; no registry is reachable
  // here and no local images are built yet, so this part is not run (see the report of issue 8).
  it.skip('starts Postgres and Redis as compose services with -p local-db (needs postgres:15 and redis:7 images)', () => {});
});
