import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { portAvailability } from '../../src/os/port-check.js';
import { nobodyUnavailable, runAsNobody } from '../support/as-nobody.js';
import { freePort } from '../support/postgres.js';

const servers: net.Server[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

async function listen(port: number, host: string): Promise<void> {
  const server = net.createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
}

/** A port below 1024 that root can bind right now (so only a lack of privilege can refuse it). */
async function freeLowPort(): Promise<number> {
  for (let port = 1023; port > 900; port--) if ((await portAvailability(port)) === 'free') return port;
  throw new Error('no free port below 1024');
}

describe('portAvailability', () => {
  it('free, and in use by a listener on any address or on localhost only', async () => {
    const port = await freePort();
    expect(await portAvailability(port)).toBe('free');
    await listen(port, '127.0.0.1');
    expect(await portAvailability(port)).toBe('in-use');
    const other = await freePort();
    await listen(other, '0.0.0.0');
    expect(await portAvailability(other)).toBe('in-use');
  });

  // A bind refused with EACCES while nothing listens is not "free": on Linux a port below 1024
  // (net.ipv4.ip_unprivileged_port_start) for a user who is not root; on Windows a port in an excluded range of
  // Hyper-V/WinNAT (`netsh int ipv4 show excludedportrange protocol=tcp`), which Winsock refuses with WSAEACCES 10013
  // (Microsoft KB 3039044) and libuv reports as EACCES. Both were counted as free before.
  it.skipIf(nobodyUnavailable() !== null)('reports a port below 1024 as reserved for a user who is not root (a real EACCES, as nobody)', async () => {
    const port = await freeLowPort();
    const source = `import { portAvailability } from './src/os/port-check.js';\nexport default () => portAvailability(${port});`;
    expect(await runAsNobody(source)).toBe('reserved');
    const high = await freePort();
    expect(await runAsNobody(`import { portAvailability } from './src/os/port-check.js';\nexport default () => portAvailability(${high});`)).toBe('free');
  });
});
