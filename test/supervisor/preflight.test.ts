import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { FailedError } from '../../src/errors.js';
import { realHost } from '../../src/os/host.js';
import { findPortHolder } from '../../src/os/port-holder.js';
import { preflightPorts, Supervisor } from '../../src/supervisor/index.js';
import { nobodyUnavailable, runAsNobody } from '../support/as-nobody.js';
import { eventually, fakeHost, fixture, freePort, MemorySink, tempDir } from './support.js';

const children: { kill(): boolean }[] = [];
afterEach(() => children.splice(0).forEach((child) => child.kill()));

async function listener(port: number): Promise<number> {
  const child = spawn(process.execPath, [fixture('listen.js'), String(port), 'tcp'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await eventually(() => output.includes('listening'));
  return child.pid ?? 0;
}

async function rejection(work: Promise<unknown>): Promise<FailedError> {
  const error = await work.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof FailedError)) throw new Error(`expected a FailedError, got ${String(error)}`);
  return error;
}

describe('port preflight', () => {
  it('refuses a busy port before anything starts, naming the holding pid and program and what to do', async () => {
    const port = await freePort();
    const holder = await listener(port);
    const sink = new MemorySink();
    const supervisor = new Supervisor({ stateDir: tempDir(), shutdownTimeoutMs: 1_000, sink });
    const error = await rejection(supervisor.preflightPorts([{ name: 'frontend', port }]));
    expect(error.message).toBe(`port ${port} (frontend) is already in use by pid ${holder} (node).`);
    expect(error.hint).toContain(`kill ${holder}`);
    expect(error.hint).toContain('tovrun down');
    expect(error.hint).toContain('services.frontend.port');
    expect(error.hint).toContain('run this one beside it with --instance 1');
    expect(sink.printed).toEqual([]);
  });

  it('passes when every port is free and skips services without a port', async () => {
    await expect(
      preflightPorts(
        [
          { name: 'a', port: await freePort() },
          { name: 'b', port: null },
        ],
        realHost(),
      ),
    ).resolves.toBeUndefined();
  });

  it('reports two services configured for the same port', async () => {
    const error = await rejection(
      preflightPorts(
        [
          { name: 'a', port: 4000 },
          { name: 'b', port: 4000 },
        ],
        realHost(),
      ),
    );
    expect(error.message).toMatch(/services a and b are both configured for port 4000/);
  });

  it('falls back to ss when /proc does not tell', async () => {
    const host = fakeHost({
      exec: async (file) => ({
        code: file === 'ss' ? 0 : 1,
        stdout: file === 'ss' ? 'LISTEN 0 511 127.0.0.1:3000 0.0.0.0:* users:(("vite",pid=321,fd=20))' : '',
        stderr: '',
      }),
    });
    expect(await findPortHolder(host, 3000)).toEqual({ pid: 321, name: 'vite' });
  });
});

describe('port preflight on Windows (injected platform)', () => {
  const netstat =
    '  Proto  Local Address          Foreign Address        State           PID\r\n  TCP    0.0.0.0:3000           0.0.0.0:0              LISTENING       7720\r\n';

  function windowsHost() {
    const host = fakeHost({ platform: 'win32' });
    host.exec = async (file, args) => {
      host.execCalls.push([file, args]);
      if (file === 'netstat') return { code: 0, stdout: args.includes('TCP') ? netstat : '', stderr: '' };
      if (file === 'tasklist') return { code: 0, stdout: '"node.exe","7720","Console","1","45,104 K"\r\n', stderr: '' };
      return { code: 1, stdout: '', stderr: '' };
    };
    return host;
  }

  it('finds the holder with netstat -ano and tasklist', async () => {
    const host = windowsHost();
    expect(await findPortHolder(host, 3000)).toEqual({ pid: 7720, name: 'node.exe' });
    expect(host.execCalls).toEqual([
      ['netstat', ['-ano', '-p', 'TCP']],
      ['netstat', ['-ano', '-p', 'TCPv6']],
      ['tasklist', ['/FI', 'PID eq 7720', '/FO', 'CSV', '/NH']],
    ]);
  });

  it('suggests taskkill in the error', async () => {
    const host = windowsHost();
    const probe = { availability: async () => 'in-use' as const, holder: (port: number) => findPortHolder(host, port) };
    const error = await rejection(preflightPorts([{ name: 'frontend', port: 3000 }], host, probe));
    expect(error.message).toBe('port 3000 (frontend) is already in use by pid 7720 (node.exe).');
    expect(error.hint).toContain('taskkill /PID 7720 /T /F');
  });
});

describe('reserved ports', () => {
  // Windows refuses a bind in an excluded port range (`netsh int ipv4 show excludedportrange protocol=tcp`; Hyper-V,
  // WSL and Docker's WinNAT reserve such ranges) with WSAEACCES 10013, "An attempt was made to access a socket in a way
  // forbidden by its access permissions" (Microsoft KB 3039044; Winsock `bind` documentation), which libuv maps to
  // EACCES (src/win/error.c); netstat lists no holder, as nothing listens there.
  it('names a reserved port apart from a busy one, with the netsh command on Windows', async () => {
    const host = fakeHost({ platform: 'win32' });
    const probe = {
      availability: async (port: number) => (port === 5001 ? ('reserved' as const) : ('in-use' as const)),
      holder: async () => ({ pid: 7720, name: 'node.exe' }),
    };
    const error = await rejection(
      preflightPorts(
        [
          { name: 'backend', port: 5001 },
          { name: 'frontend', port: 3000 },
        ],
        host,
        probe,
      ),
    );
    expect(error.message).toMatch(
      /^port 5001 \(backend\) is reserved by Windows: listening on it is refused \(EACCES\) though no program holds it, .*WinNAT.*;\n {2}port 3000 \(frontend\) is already in use by pid 7720 \(node\.exe\)\.$/,
    );
    expect(error.hint).toContain('taskkill /PID 7720 /T /F');
    expect(error.hint).toContain('`netsh int ipv4 show excludedportrange protocol=tcp`');
    expect(error.hint).toContain('services.backend.port in tovrun.yaml');
  });

  it.skipIf(nobodyUnavailable() !== null)('refuses a port below 1024 for a user who is not root, saying why (a real EACCES, as nobody)', async () => {
    let port = 1023;
    while (
      port > 900 &&
      !(await new Promise<boolean>((resolve) =>
        preflightPorts([{ name: 'web', port }], realHost()).then(
          () => resolve(true),
          () => resolve(false),
        ),
      ))
    )
      port--;
    const source = `import { preflightPorts } from './src/supervisor/preflight.js';
import { realHost } from './src/os/host.js';
export default () => preflightPorts([{ name: 'web', port: ${port} }], realHost()).then(() => 'free', (error) => ({ message: error.message, hint: error.hint }));`;
    expect(await runAsNobody(source)).toEqual({
      message: `port ${port} (web) is reserved for root: listening on it is refused to this user (EACCES), as only root may listen on ports below 1024 here.`,
      hint: 'Choose a port of 1024 or above (services.web.port in tovrun.yaml), or let users listen lower: `sudo sysctl net.ipv4.ip_unprivileged_port_start=<port>`.',
    });
  });
});
