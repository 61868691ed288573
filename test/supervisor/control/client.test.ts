import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runRestartCommand } from '../../../src/commands/restart.js';
import { writeControlFile } from '../../../src/control/control-file.js';
import { FailedError } from '../../../src/errors.js';
import { requestRestart, requestStatus } from '../../../src/supervisor/control/client.js';
import { memoryContext } from '../../support/memory-context.js';
import { workspace } from './running-tovrun.js';

const servers: net.Server[] = [];
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A stale control socket: it accepts connections, reads the request, and never answers. */
async function silentSocket(): Promise<{ root: string; stateDir: string }> {
  const root = workspace();
  const stateDir = path.join(root, '.tovrun');
  const socketPath = path.join(root, 'silent.sock');
  const server = net.createServer((socket) => sockets.push(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  writeControlFile(stateDir, { version: 1, pid: 4321, socket: socketPath });
  return { root, stateDir };
}

async function failure(work: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  return { error, ms: Date.now() - started };
}

describe('control requests to a socket that never answers', () => {
  it('status gives up after its timeout, naming the pid and the socket', async () => {
    const { stateDir } = await silentSocket();
    const { error, ms } = await failure(requestStatus(stateDir, { timeoutMs: 300 }));
    expect(error).toBeInstanceOf(FailedError);
    expect((error as FailedError).message).toMatch(
      /^the running tovrun \(pid 4321\) did not answer within 0\.3 s: something accepts connections on its control socket .*silent\.sock but sends nothing back\.$/,
    );
    expect(ms).toBeLessThan(5_000);
  });

  it('restart fails fast: the running tovrun must first answer a status request', async () => {
    const { stateDir } = await silentSocket();
    const { error, ms } = await failure(requestRestart(stateDir, 'api', { timeoutMs: 600_000, answerTimeoutMs: 300 }));
    expect((error as FailedError).message).toContain('did not answer within 0.3 s');
    expect(ms).toBeLessThan(5_000);
  });

  it('`tovrun restart` ends with that clear message instead of waiting forever', async () => {
    const { root } = await silentSocket();
    const { error } = await failure(runRestartCommand(memoryContext(root), 'api', { answerTimeoutMs: 300 }));
    expect(error).toBeInstanceOf(FailedError);
    expect((error as FailedError).hint).toBe('If that tovrun hangs, stop it with `tovrun down` (or Ctrl-C in its terminal), then start again.');
  });
});
