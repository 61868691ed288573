import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { controlFilePath, readControlFile, writeControlFile } from '../../../src/control/control-file.js';
import { FailedError, UsageError } from '../../../src/errors.js';
import { NotRunningError, requestErrors, requestLogs, requestRestart, requestStatus, requestStop } from '../../../src/supervisor/control/client.js';
import { followEvents } from '../../../src/supervisor/control/event-client.js';
import type { EventLine } from '../../../src/supervisor/control/event-line.js';
import { eventLine } from '../../../src/supervisor/control/event-line.js';
import { type ControlHandler, type ControlServer, startControlServer } from '../../../src/supervisor/control/server.js';
import type { RestartReport, ServiceStatus } from '../../../src/supervisor/service-status.js';
import { tempDir } from '../support.js';
import { serviceStatus } from './running-tovrun.js';

const servers: ControlServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const api: ServiceStatus = serviceStatus({ pid: 10, uptimeMs: 1000, readyMs: 250 });

const handler: ControlHandler = {
  status: () => [api],
  restart: async (name) => {
    if (name !== 'api') throw new UsageError(`unknown service "${name}".`, 'Known services: api.');
    return { service: { ...api, pid: 11, restarts: 1 }, previousPid: 10, readyMs: 300, notReady: null } satisfies RestartReport;
  },
  stopService: async (name) => {
    if (name !== 'api') throw new UsageError(`unknown service "${name}".`, 'Known services: api.');
    return { ...api, state: 'stopped', pid: null, ready: false, uptimeMs: null };
  },
  startService: async () => ({ service: { ...api, pid: 12, restarts: 1 }, previousPid: null, readyMs: 200, notReady: null }),
};

async function started(root = tempDir('tovrun-ctl-')): Promise<{ server: ControlServer; stateDir: string }> {
  const stateDir = path.join(root, '.tovrun');
  let clock = 1_000;
  const server = await startControlServer({ root, stateDir, now: () => (clock += 500) });
  servers.push(server);
  return { server, stateDir };
}

function rawRequest(socket: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = net.connect(socket, () => client.write(`${line}\n`));
    let text = '';
    client.on('data', (chunk) => {
      text += chunk.toString();
      if (text.endsWith('\n')) {
        client.destroy();
        resolve(text.trim());
      }
    });
    client.on('error', reject);
  });
}

describe('control server and client', () => {
  it('listens on a socket only the user can use, records it, and removes both at close', async () => {
    const { server, stateDir } = await started();
    expect(server.socketPath).toBe(path.join(stateDir, 'control', 'tovrun.sock'));
    expect(statSync(server.socketPath).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(server.socketPath)).mode & 0o777).toBe(0o700);
    expect(readControlFile(stateDir)).toEqual({ version: 1, pid: process.pid, socket: server.socketPath });
    await server.close();
    servers.length = 0;
    expect(() => statSync(server.socketPath)).toThrow();
    expect(readControlFile(stateDir)).toBeNull();
  });

  it('answers status and restart once serving, with the typed error of an unknown service', async () => {
    const { server, stateDir } = await started();
    await expect(requestStatus(stateDir)).rejects.toThrow('tovrun is still starting its services.');
    server.serve(handler, 'tmux');
    const status = { version: 1, ready: false, pid: process.pid, root: path.dirname(stateDir), panes: 'tmux', uptimeMs: 500, services: [api] };
    expect(await requestStatus(stateDir)).toEqual(status);
    server.markReady();
    expect(await requestStatus(stateDir)).toEqual({ ...status, ready: true, uptimeMs: 1000 });
    expect(await requestRestart(stateDir, 'api', { timeoutMs: 10_000 })).toMatchObject({ previousPid: 10, service: { pid: 11 } });
    const unknown = await requestRestart(stateDir, 'db', { timeoutMs: 10_000 }).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(UsageError);
    expect(unknown).toMatchObject({ message: 'unknown service "db".', hint: 'Known services: api.' });
  });

  it('answers a stop request for the pid asked about, then closes the connection once it has stopped', async () => {
    const { server, stateDir } = await started();
    let stops = 0;
    server.serve({ ...handler, stop: () => void (stops += 1) }, 'prefix');
    await expect(requestStop(stateDir, { timeoutMs: 10_000, pid: process.pid + 1, stoppedWithinMs: 100 })).rejects.toThrow(
      'no tovrun is running in this workspace.',
    );
    expect(stops).toBe(0);
    // Accepted, but still running after stoppedWithinMs.
    expect(await requestStop(stateDir, { timeoutMs: 10_000, pid: process.pid, stoppedWithinMs: 100 })).toEqual({ pid: process.pid, stopped: false });
    expect(stops).toBe(1);
    server.serve({ ...handler, stop: () => void setTimeout(() => void server.close(), 50) }, 'prefix');
    expect(await requestStop(stateDir, { timeoutMs: 10_000, pid: process.pid, stoppedWithinMs: 10_000 })).toEqual({ pid: process.pid, stopped: true });
  });

  it('refuses a stop request when its handler cannot stop', async () => {
    const { server, stateDir } = await started();
    server.serve(handler, 'prefix');
    await expect(requestStop(stateDir, { timeoutMs: 10_000, stoppedWithinMs: 100 })).rejects.toThrow('this tovrun cannot be stopped over its control socket.');
  });

  it('answers a malformed request with a usage failure carrying its id', async () => {
    const { server } = await started();
    server.serve(handler, 'prefix');
    expect(JSON.parse(await rawRequest(server.socketPath, '{"id":7,"type":"explode"}'))).toEqual({
      id: 7,
      ok: false,
      error: {
        message: 'unknown request type "explode" (expected "status", "restart", "stop", "stop-service", "start-service", "logs", "errors" or "events")',
        hint: null,
        exitCode: 2,
      },
    });
  });

  it('says no tovrun is running without a record, or when the recorded socket is stale', async () => {
    const stateDir = path.join(tempDir(), '.tovrun');
    const notRunning = await requestStatus(stateDir).catch((error: unknown) => error);
    expect(notRunning).toBeInstanceOf(FailedError);
    expect((notRunning as Error).message).toBe('no tovrun is running in this workspace.');
    writeControlFile(stateDir, { version: 1, pid: 999_999, socket: path.join(stateDir, 'gone.sock') });
    await expect(requestRestart(stateDir, 'api', { timeoutMs: 10_000 })).rejects.toThrow(
      'no tovrun is running in this workspace (its control socket is gone).',
    );
  });

  it('replaces a stale socket file, but refuses while another tovrun answers on it', async () => {
    const root = tempDir('tovrun-ctl-');
    const stale = path.join(root, '.tovrun', 'control', 'tovrun.sock');
    mkdirSync(path.dirname(stale), { recursive: true, mode: 0o700 });
    writeFileSync(stale, '');
    const { server } = await started(root);
    expect(statSync(server.socketPath).isSocket()).toBe(true);
    await expect(startControlServer({ root, stateDir: path.join(root, '.tovrun') })).rejects.toThrow('tovrun is already running in this workspace');
    await expect(startControlServer({ root, stateDir: path.join(root, '.tovrun') })).rejects.toMatchObject({
      hint: expect.stringContaining('add --instance 1'),
    });
    expect(readControlFile(path.join(root, '.tovrun'))?.pid).toBe(process.pid);
    // Instance 1 of the same workspace listens beside it, on its own socket under its own state folder.
    const one = await startControlServer({ root, stateDir: path.join(root, '.tovrun', 'instances', '1'), instance: 1 });
    expect(one.socketPath).toBe(path.join(root, '.tovrun', 'instances', '1', 'control', 'tovrun.sock'));
    await one.close();
    expect(controlFilePath(path.join(root, '.tovrun'))).toBe(path.join(root, '.tovrun', 'control.json'));
  });

  it('falls back to a short socket path in the temp folder for a deep workspace', async () => {
    const root = path.join(tempDir('tovrun-ctl-'), 'a-rather-long-folder-name'.repeat(4));
    mkdirSync(root, { recursive: true });
    const tmpDir = tempDir('tovrun-tmp-');
    const server = await startControlServer({ root, stateDir: path.join(root, '.tovrun'), tmpDir });
    servers.push(server);
    expect(server.socketPath.startsWith(tmpDir)).toBe(true);
    expect(statSync(path.dirname(server.socketPath)).mode & 0o777).toBe(0o700);
    server.serve(handler, 'prefix');
    expect((await requestStatus(path.join(root, '.tovrun'))).services).toEqual([api]);
  });

  it('answers logs and errors from its log book, before serving too, and streams events to those who asked', async () => {
    const { server, stateDir } = await started();
    server.logBook.add('api', 'stdout', 'GET /health 200\nGET /boom 500');
    server.logBook.add('api', 'stderr', 'Traceback (most recent call last):\n  File "app.py", line 9\nRuntimeError: boom');
    server.logBook.add('web', 'tovrun', 'ready in 0.4 s');
    const query = { service: 'api', since: null, grep: 'GET', lines: 1 };
    expect(await requestLogs(stateDir, query)).toMatchObject({
      source: 'live',
      matched: 2,
      lines: [{ service: 'api', stream: 'stdout', text: 'GET /boom 500' }],
    });
    expect((await requestErrors(stateDir)).map((error) => [error.service, error.lines.map((line) => line.text)])).toEqual([
      ['api', ['Traceback (most recent call last):', '  File "app.py", line 9', 'RuntimeError: boom']],
    ]);
    await expect(requestLogs(stateDir, { ...query, service: 'db' })).rejects.toThrow(new UsageError('unknown service "db".', 'Known services: api, web.'));
    const seen: EventLine[] = [];
    const until = new AbortController();
    let subscribed = false;
    const following = followEvents(
      stateDir,
      (event) => seen.push(event),
      until.signal,
      () => (subscribed = true),
    );
    await vi.waitFor(() => expect(subscribed).toBe(true));
    server.publish(eventLine({ type: 'restart-requested', service: 'api' }, 0, (text) => text));
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatchObject({ version: 1, type: 'restart-requested', service: 'api', time: '1970-01-01T00:00:00.000Z' });
    until.abort();
    expect(await following).toBe('aborted');
    await server.close();
    await expect(requestLogs(stateDir, query)).rejects.toBeInstanceOf(NotRunningError);
  });
});
