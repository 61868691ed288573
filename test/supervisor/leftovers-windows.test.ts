// Leftovers on Windows, through a fake process table: no process groups, so a service's tree is its main process and the
// descendants recorded while it ran, each proved by its start time (a process keeps a dead creator's id as its parent id,
// and that id may be reused: Microsoft, "Win32_Process class", https://learn.microsoft.com/windows/win32/cimwin32prov/win32-process).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ControlServer, startControlServer } from '../../src/supervisor/control/server.js';
import { leftoverLines } from '../../src/supervisor/leftover-lines.js';
import { stopLeftovers } from '../../src/supervisor/leftovers.js';
import { statePath } from '../../src/supervisor/state-file.js';
import { type FakeWindowsProcess, windowsHost } from '../os/fake-windows.js';
import { tempDir } from './support.js';

const t0 = Date.parse('2026-12-03T20:00:00Z');
const deadOwner = { pid: 999_999, startTime: t0 - 60_000, commandLine: 'node tovrun.js' };
const backend = {
  name: 'backend',
  pid: 2000,
  pgid: null,
  port: 5001,
  command: ['python', '-m', 'flask', 'run'],
  cwd: 'C:\\w',
  startTime: t0,
  commandLine: 'python -m flask run',
};

function writeRun(stateDir: string, services: Record<string, unknown>[], owner: Record<string, unknown> = deadOwner): void {
  writeFileSync(statePath(stateDir), JSON.stringify({ version: 1, owner, services }));
}

const servers: ControlServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('stopLeftovers on Windows', () => {
  it('after a crash, stops the recorded descendants that still run (the reloader child serving the port) and what they started, and nothing unproved', async () => {
    const processes: FakeWindowsProcess[] = [
      { pid: 2100, ppid: 2000, startTime: t0 + 1_000 }, // the Werkzeug reloader child, recorded
      { pid: 2200, ppid: 2100, startTime: t0 + 2_000 }, // started by it since the last record
      { pid: 2300, ppid: 2000, startTime: t0 + 9_000 }, // names the dead main process as parent: nothing proves that link
      { pid: 3000, ppid: 4, startTime: t0 + 7_000 }, // a recorded descendant's pid, reused by another program
    ];
    const host = windowsHost(processes);
    const stateDir = tempDir();
    writeRun(stateDir, [
      {
        ...backend,
        descendants: [
          { pid: 2100, startTime: t0 + 1_000 },
          { pid: 3000, startTime: t0 + 1_500 },
        ],
      },
    ]);
    const report = await stopLeftovers(stateDir, { host, shutdownTimeoutMs: 100, liveOwner: 'stop' });
    expect(host.taskkills).toEqual([
      ['/PID', '2100', '/PID', '2200'],
      ['/F', '/PID', '2100', '/PID', '2200'],
    ]);
    expect([...host.table.keys()]).toEqual([2300, 3000]);
    expect(host.sent).toEqual([]);
    expect(leftoverLines(report, 100)).toEqual(['stopped backend (pid 2000, port 5001): python -m flask run (killed: it did not stop within 0.1 s)\n']);
  });

  it('stops a running main process with its live children, but not a process whose parent id names it and that started before it', async () => {
    const host = windowsHost([
      { pid: 2000, ppid: 900, startTime: t0, closes: true },
      { pid: 2100, ppid: 2000, startTime: t0 + 1_000, closes: true },
      { pid: 2050, ppid: 2000, startTime: t0 - 5_000 }, // its parent was an earlier process with pid 2000
    ]);
    const stateDir = tempDir();
    writeRun(stateDir, [backend]);
    const report = await stopLeftovers(stateDir, { host, shutdownTimeoutMs: 5_000, liveOwner: 'stop' });
    expect(host.taskkills).toEqual([['/PID', '2000', '/PID', '2100']]);
    expect(report.stopped).toMatchObject([{ name: 'backend', forced: false }]);
    expect([...host.table.keys()]).toEqual([2050]);
  });

  it('leaves everything alone when nothing can be proved: no start time recorded, another program on the pid, no process table', async () => {
    const stateDir = tempDir();
    const child = { pid: 2100, ppid: 2000, startTime: t0 + 1_000 };
    writeRun(stateDir, [{ ...backend, startTime: null }]);
    const unrecorded = windowsHost([{ pid: 2000, ppid: 1, startTime: t0 }, child]);
    expect(leftoverLines(await stopLeftovers(stateDir, { host: unrecorded, shutdownTimeoutMs: 100, liveOwner: 'stop' }), 100)).toEqual([
      'left pid 2000 alone: could not prove it is the backend tovrun started (no start time was recorded for it, and a matching command line is no proof)\n',
    ]);
    writeRun(stateDir, [backend]);
    const reused = windowsHost([{ pid: 2000, ppid: 1, startTime: t0 + 50_000 }, child]);
    expect(leftoverLines(await stopLeftovers(stateDir, { host: reused, shutdownTimeoutMs: 100, liveOwner: 'stop' }), 100)).toEqual([
      'left pid 2000 alone: it is no longer backend but another program\n',
    ]);
    writeRun(stateDir, [backend]);
    const noTable = windowsHost([{ pid: 2000, ppid: 1, startTime: t0 }], { exec: async () => ({ code: 1, stdout: '', stderr: 'powershell.exe not found' }) });
    expect(leftoverLines(await stopLeftovers(stateDir, { host: noTable, shutdownTimeoutMs: 100, liveOwner: 'stop' }), 100)).toEqual([
      "left pid 2000 alone: could not prove it is the backend tovrun started (the process table cannot be read now (PowerShell's Get-CimInstance Win32_Process failed))\n",
    ]);
    for (const host of [unrecorded, reused, noTable]) expect(host.taskkills).toEqual([]);
  });

  // Node: on Windows process.kill(pid, 'SIGTERM') ends the process outright (https://nodejs.org/api/process.html#signal-events),
  // so a running tovrun is asked over its control pipe, and stops its services itself.
  it('asks a running tovrun to stop over its control socket instead of killing it', async () => {
    const root = tempDir('tovrun-win-');
    const stateDir = path.join(root, '.tovrun');
    const server = await startControlServer({ root, stateDir });
    servers.push(server);
    const owner = { pid: process.pid, startTime: t0 - 1_000, commandLine: 'node tovrun.js' };
    const host = windowsHost([{ pid: process.pid, ppid: 1, startTime: owner.startTime }]);
    server.serve(
      {
        status: () => [],
        restart: async () => Promise.reject(new Error('unused')),
        stop: () => void setTimeout(() => void (host.table.delete(process.pid), server.close()), 20),
      },
      'prefix',
    );
    writeRun(stateDir, [], owner);
    const report = await stopLeftovers(stateDir, { host, shutdownTimeoutMs: 100, liveOwner: 'stop' });
    expect(report.ownerStopped).toBe(process.pid);
    expect(host.sent).toEqual([]);
  });

  it('asks even a tovrun whose start time cannot be read (Wine has no CreationDate) or that recorded no services yet', async () => {
    const host = windowsHost([], { exec: async () => ({ code: 0, stdout: '', stderr: '' }) });
    for (const owner of [null, { pid: process.pid, startTime: null, commandLine: null }]) {
      const root = tempDir('tovrun-win-');
      const stateDir = path.join(root, '.tovrun');
      const server = await startControlServer({ root, stateDir });
      servers.push(server);
      let stopped = false;
      server.serve(
        {
          status: () => [],
          restart: async () => Promise.reject(new Error('unused')),
          stop: () => void setTimeout(() => void ((stopped = true), server.close()), 20),
        },
        'prefix',
      );
      if (owner) writeRun(stateDir, [], owner);
      const report = await stopLeftovers(stateDir, { host, shutdownTimeoutMs: 100, liveOwner: 'stop' });
      expect(report.ownerStopped).toBe(process.pid);
      expect(stopped).toBe(true);
      expect(host.sent).toEqual([]);
    }
  });

  it('says so when a tovrun that accepted the request has not stopped in time and cannot be proven for a signal', async () => {
    const root = tempDir('tovrun-win-');
    const stateDir = path.join(root, '.tovrun');
    const server = await startControlServer({ root, stateDir });
    servers.push(server);
    server.serve({ status: () => [], restart: async () => Promise.reject(new Error('unused')), stop: () => undefined }, 'prefix');
    writeRun(stateDir, [], { pid: process.pid, startTime: null, commandLine: null });
    const host = windowsHost([], { signal: (pid) => pid === process.pid, exec: async () => ({ code: 0, stdout: '', stderr: '' }) });
    const report = await stopLeftovers(stateDir, { host, shutdownTimeoutMs: 100, stopSlackMs: 200, liveOwner: 'stop' });
    expect(leftoverLines(report, 100)).toEqual([
      `left pid ${process.pid} alone: could not prove it is the tovrun running here (it accepted a stop request but had not stopped 0.3 s later, and only a proven process is signalled)\n`,
    ]);
    expect(host.sent).toEqual([]);
  });

  it('ends a proven running tovrun that has no control socket, and then stops its services from their records', async () => {
    const owner = { pid: 1500, startTime: t0 - 1_000, commandLine: 'node tovrun.js' };
    const host = windowsHost([
      { pid: 1500, ppid: 1, startTime: owner.startTime },
      { pid: 2100, ppid: 2000, startTime: t0 + 1_000 },
    ]);
    const stateDir = tempDir();
    writeRun(stateDir, [{ ...backend, descendants: [{ pid: 2100, startTime: t0 + 1_000 }] }], owner);
    const report = await stopLeftovers(stateDir, { host, shutdownTimeoutMs: 100, liveOwner: 'stop' });
    expect(host.sent).toEqual([[1500, 'SIGTERM']]);
    expect(report.ownerStopped).toBe(1500);
    expect(host.table.size).toBe(0);
  });
});
