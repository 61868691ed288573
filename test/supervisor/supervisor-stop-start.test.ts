// Stopping one service alone and starting it again (`s` in the terminal UI, `tovrun stop|start <service>`): it shows
// as 'stopped' (not failed, not ended), its dependents keep running, the state file drops it, and the run goes on.
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { realHost } from '../../src/os/host.js';
import { readState, Supervisor, type SupervisorEvent } from '../../src/supervisor/index.js';
import { eventually, isProcessAlive, MemorySink, nodeLaunch, runningSupervisors, stopTrackedSupervisors, tempDir } from './support.js';

const host = realHost();
afterEach(stopTrackedSupervisors);

function supervisor(): { supervisor: Supervisor; events: SupervisorEvent[]; stateDir: string } {
  const events: SupervisorEvent[] = [];
  const stateDir = tempDir();
  const created = new Supervisor({ stateDir, shutdownTimeoutMs: 1_000, sink: new MemorySink(), onEvent: (event) => events.push(event) });
  runningSupervisors.push(created);
  return { supervisor: created, events, stateDir };
}

const forever = (name: string, dependsOn?: Record<string, 'healthy'>) =>
  nodeLaunch(name, 'forever.js', [], { probe: { kind: 'log', pattern: '^forever', timeoutMs: 10_000 }, ...(dependsOn ? { dependsOn } : {}) });

describe('Supervisor.stopService / startService', () => {
  it('stops a dependency alone as "stopped", keeps its dependent and the run, and starts it again with a new pid', async () => {
    const { supervisor: sup, events, stateDir } = supervisor();
    let finished = false;
    void sup.finished.then(() => (finished = true));
    sup.start([forever('db'), forever('api', { db: 'healthy' })]);
    await sup.waitReady();
    const [db, api] = sup.status();

    const stopped = await sup.stopService('db');
    expect(stopped).toMatchObject({ name: 'db', state: 'stopped', pid: null, ready: false, uptimeMs: null });
    expect(await isProcessAlive(host, db?.pid ?? 0)).toBe(false);
    expect(sup.status()[1]).toMatchObject({ state: 'running', pid: api?.pid });
    expect(await isProcessAlive(host, api?.pid ?? 0)).toBe(true);
    expect(readState(stateDir)?.services.map((service) => service.name)).toEqual(['api']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(finished).toBe(false);
    expect(events.filter((event) => event.service === 'db').map((event) => event.type)).toEqual(['started', 'ready', 'stop-requested', 'exited']);

    const report = await sup.startService('db');
    expect(report).toMatchObject({ previousPid: null, notReady: null, service: { name: 'db', state: 'running', ready: true, restarts: 1 } });
    expect(report.service.pid).not.toBe(db?.pid);
    expect(await isProcessAlive(host, report.service.pid ?? 0)).toBe(true);
    expect(sup.status()[1]).toMatchObject({ pid: api?.pid, restarts: 0 });
    await eventually(() => readState(stateDir)?.services.length === 2);
    expect((await sup.stop()).exitCode).toBe(0);
  });

  it('ends a stopped service as exited (exit 0) when the whole run stops', async () => {
    const { supervisor: sup } = supervisor();
    sup.start([forever('db'), forever('api')]);
    await sup.waitReady();
    await sup.stopService('db');
    const outcome = await sup.stop();
    expect(outcome.exitCode).toBe(0);
    expect(outcome.services.find((service) => service.name === 'db')).toMatchObject({ failed: false, code: 0 });
    expect(sup.status().map((service) => service.state)).toEqual(['exited', 'exited']);
  });

  it('stops a service in its restart backoff as stopped (not failed), and restart starts a stopped one', async () => {
    const { supervisor: sup } = supervisor();
    sup.start([
      nodeLaunch('crashy', 'crash.js', ['3'], { restart: { policy: 'on-failure', maxRetries: 5, backoffMs: 60_000, crashLimit: 100, crashWindowMs: 60_000 } }),
    ]);
    await sup.waitReady();
    await eventually(() => sup.status()[0]?.state === 'restarting');
    expect(await sup.stopService('crashy')).toMatchObject({ state: 'stopped' });
    const report = await sup.restart('crashy');
    expect(report.service.restarts).toBe(2);
  });

  it('refuses to stop a stopped service, to start a running one, and unknown names', async () => {
    const { supervisor: sup } = supervisor();
    sup.start([forever('api')]);
    await sup.waitReady();
    const running = await sup.startService('api').catch((caught: unknown) => caught);
    expect(running).toBeInstanceOf(UsageError);
    expect(running).toMatchObject({ message: 'api is already running.' });
    await sup.stopService('api');
    expect(await sup.stopService('api').catch((caught: unknown) => caught)).toMatchObject({ message: 'api is not running (it is stopped).' });
    expect(await sup.stopService('nope').catch((caught: unknown) => caught)).toMatchObject({ message: 'unknown service "nope".' });
  });

  it('a whole-run stop during a stop of one service ends it for good', async () => {
    const { supervisor: sup } = supervisor();
    sup.start([nodeLaunch('stubborn', 'ignore-sigterm.js', [], { probe: { kind: 'none' } })]);
    await sup.waitReady();
    const pausing = sup.stopService('stubborn');
    expect(sup.status()[0]?.state).toBe('stopping');
    const outcome = await sup.stop();
    await pausing;
    expect(outcome.services).toHaveLength(1);
    expect(sup.status()[0]?.state).toBe('exited');
  });
});
