import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { realCheckEffects } from '../../src/check/effects.js';
import { platformFor } from '../../src/platform/platform.js';
import type { RunState } from '../../src/supervisor/state-file.js';
import { freePort } from '../support/postgres.js';
import { fakeEffects, runDoctor, withId, workspaceWith } from './support/doctor.js';

function withPorts(backend: number, frontend: number): string {
  return workspaceWith({
    '.env.template': 'A=1\n',
    '.env': 'A=1\n',
    'tovrun.yaml': `version: 1\npreset: none\nservices:\n  backend:\n    type: command\n    command: run\n    port: ${backend}\n  frontend:\n    type: command\n    command: run\n    port: ${frontend}\n`,
  });
}

const busy = (ports: number[], holder: { pid: number; name: string | null } | null = { pid: 4242, name: 'python3' }) => ({
  availability: async (port: number) => (ports.includes(port) ? ('in-use' as const) : ('free' as const)),
  holder: async () => holder,
});
const reserved = (ports: number[]) => ({
  availability: async (port: number) => (ports.includes(port) ? ('reserved' as const) : ('free' as const)),
  holder: async () => null,
});

const runState = (port: number): RunState => ({
  version: 1,
  owner: { pid: 777, startTime: 1, commandLine: 'node tovrun' },
  services: [{ name: 'backend', pid: 778, pgid: 778, port, command: ['python'], cwd: '/', startTime: 2, commandLine: 'python' }],
});

describe('ports', () => {
  it('passes with one line when every port is free', async () => {
    const run = await runDoctor(withPorts(5001, 3000), ['ports']);
    expect(run.findings).toEqual([expect.objectContaining({ id: 'ports/free', status: 'ok', message: 'ports 5001 (backend), 3000 (frontend) are free.' })]);
  });

  it('fails for a port held by another program, naming its pid and the command that stops it in the shell', async () => {
    const run = await runDoctor(withPorts(5001, 3000), ['ports'], { effects: fakeEffects({ ports: busy([5001]) }) });
    expect(withId(run, 'ports/in-use')).toEqual([
      expect.objectContaining({
        status: 'error',
        message: 'port 5001 (backend) is already in use by pid 4242 (python3) — backend cannot start.',
        hint: expect.stringContaining('Stop it (`kill 4242`)'),
      }),
    ]);
    expect(withId(run, 'ports/free')[0]?.message).toBe('port 3000 (frontend) is free.');
    expect(run.code).toBe(1);
    const windows = await runDoctor(withPorts(5001, 3000), ['ports'], { effects: fakeEffects({ ports: busy([5001]) }), platform: 'win32' });
    expect(withId(windows, 'ports/in-use')[0]?.hint).toContain('`Stop-Process -Id 4242`');
    const unknown = await runDoctor(withPorts(5001, 3000), ['ports'], { effects: fakeEffects({ ports: busy([3000], null) }) });
    expect(withId(unknown, 'ports/in-use')[0]?.message).toContain('in use by another process');
  });

  it('fails for a reserved port (a bind refused with EACCES, nothing listening), saying why and where to look on Windows', async () => {
    const windows = await runDoctor(withPorts(5001, 3000), ['ports'], { effects: fakeEffects({ ports: reserved([5001]) }), platform: 'win32' });
    expect(withId(windows, 'ports/reserved')).toEqual([
      expect.objectContaining({
        status: 'error',
        message: expect.stringMatching(/^port 5001 \(backend\) is reserved by Windows: .*Hyper-V.*WinNAT.* — backend cannot start\.$/),
      }),
    ]);
    expect(withId(windows, 'ports/reserved')[0]?.hint).toContain('`netsh int ipv4 show excludedportrange protocol=tcp`');
    expect(withId(windows, 'ports/reserved')[0]?.hint).toContain('services.backend.port');
    expect(withId(windows, 'ports/free')[0]?.message).toBe('port 3000 (frontend) is free.');
    expect(windows.code).toBe(1);
    const linux = await runDoctor(withPorts(80, 3000), ['ports'], { effects: fakeEffects({ ports: reserved([80]) }), platform: 'linux' });
    expect(withId(linux, 'ports/reserved')[0]?.message).toBe(
      'port 80 (backend) is reserved for root: listening on it is refused to this user (EACCES), as only root may listen on ports below 1024 here — backend cannot start.',
    );
    expect(withId(linux, 'ports/reserved')[0]?.hint).toContain('Choose a port of 1024 or above (services.backend.port in tovrun.yaml)');
    expect(withId(linux, 'ports/reserved')[0]?.hint).toContain('net.ipv4.ip_unprivileged_port_start');
  });

  it("passes for a port held by this workspace's own running tovrun", async () => {
    const run = await runDoctor(withPorts(5001, 3000), ['ports'], { effects: fakeEffects({ ports: busy([5001]), liveRun: async () => runState(5001) }) });
    expect(withId(run, 'ports/own-run')).toEqual([
      expect.objectContaining({ status: 'ok', message: "port 5001 (backend) is in use by this workspace's running tovrun (pid 777)." }),
    ]);
    expect(run.code).toBe(0);
  });

  it('fails when two services claim one port, pointing at tovrun.yaml', async () => {
    const run = await runDoctor(withPorts(5001, 5001), ['ports']);
    expect(withId(run, 'ports/duplicate')).toEqual([
      expect.objectContaining({ status: 'error', file: 'tovrun.yaml', message: 'services backend and frontend are both configured for port 5001.' }),
    ]);
  });

  it("warns when a frontend's vite.config writes another service's port out, naming the line and the .env key to read", async () => {
    const files = (proxy: string) =>
      workspaceWith({
        '.env.template': 'BACKEND_PORT=5001\n',
        '.env': 'BACKEND_PORT=5001\n',
        'tovrun.yaml': 'version: 1\n',
        'backend/app.py': '',
        'frontend/vite.config.ts': `import { defineConfig } from 'vite';\nexport default defineConfig({\n  server: { proxy: { '/api': ${proxy} } },\n});\n`,
      });
    const hardCoded = await runDoctor(files("'http://localhost:5001'"), ['ports'], { env: { PATH: '/usr/bin', TOVRUN_INSTANCE: '1' } });
    expect(withId(hardCoded, 'ports/proxy-target')).toEqual([
      expect.objectContaining({
        status: 'warn',
        file: 'frontend/vite.config.ts',
        line: 3,
        message:
          "frontend sends requests to localhost:5001 (backend's port) written out: under `tovrun --instance 1` backend listens on 5011, and frontend would reach instance 0's backend.",
        hint: "Read the port from the environment, e.g. `http://127.0.0.1:${process.env.BACKEND_PORT ?? '5001'}`: tovrun moves BACKEND_PORT by 10 per instance.",
      }),
    ]);
    // The instance's own ports are the ones checked.
    expect(withId(hardCoded, 'ports/free')[0]?.message).toBe('ports 5011 (backend), 3010 (frontend) are free.');
    const fromEnv = await runDoctor(files("`http://127.0.0.1:${process.env.BACKEND_PORT ?? '5001'}`"), ['ports']);
    expect(withId(fromEnv, 'ports/proxy-target')).toEqual([]);
  });

  describe('on the real machine', () => {
    let server: net.Server | undefined;
    afterEach(() => server?.close());

    it('finds a real listener and names this very process as its holder', async () => {
      const port = await freePort();
      server = net.createServer();
      await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
      const real = realCheckEffects(platformFor(process.platform));
      const run = await runDoctor(withPorts(port, await freePort()), ['ports'], { effects: fakeEffects({ ports: real.ports, liveRun: real.liveRun }) });
      expect(withId(run, 'ports/in-use')[0]?.message).toContain(`port ${port} (backend) is already in use by pid ${process.pid}`);
    });
  });
});
