import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { realHost } from '../../src/os/host.js';
import { eventually, isProcessAlive, nodeLaunch, stopTrackedSupervisors, trackedSupervisor } from './support.js';

const host = realHost();
afterEach(stopTrackedSupervisors);
const supervisor = trackedSupervisor;

const forever = (name: string) => nodeLaunch(name, 'forever.js', [], { probe: { kind: 'log', pattern: '^forever', timeoutMs: 10_000 }, port: 4100 });

describe('Supervisor.status', () => {
  it('reports each service: state, pid, port, url, uptime, restarts and readiness', async () => {
    const { supervisor: sup } = supervisor();
    sup.start([forever('api'), nodeLaunch('once', 'crash.js', ['0'])]);
    await sup.waitReady();
    await eventually(() => sup.status()[1]?.state === 'exited');
    const [api, once] = sup.status();
    expect(api).toMatchObject({
      name: 'api',
      kind: 'native',
      state: 'running',
      port: 4100,
      url: 'http://localhost:4100/',
      restarts: 0,
      ready: true,
      lastExit: null,
    });
    expect(api?.readyMs).toBeGreaterThanOrEqual(0);
    expect(await isProcessAlive(host, api?.pid ?? 0)).toBe(true);
    expect(api?.uptimeMs).toBeGreaterThanOrEqual(0);
    expect(once).toMatchObject({ name: 'once', state: 'exited', pid: null, uptimeMs: null, ready: false, readyMs: null, lastExit: { code: 0, signal: null } });
    await sup.stop();
    expect(sup.status().map((service) => service.state)).toEqual(['exited', 'exited']);
  });
});

describe('Supervisor.restart', () => {
  it('starts the new process with the environment given (a .env edit) and says why it restarts', async () => {
    const { supervisor: sup, sink } = supervisor();
    const script = "console.log('greeting ' + process.env.GREETING); setInterval(() => {}, 1 << 30)";
    const launch = { ...nodeLaunch('api', 'forever.js'), args: ['-e', script], env: { PATH: process.env.PATH ?? '', GREETING: 'a' } };
    sup.start([{ ...launch, probe: { kind: 'log', pattern: '^greeting', timeoutMs: 10_000 } }]);
    await sup.waitReady();
    const report = await sup.restart('api', { env: { PATH: process.env.PATH ?? '', GREETING: 'b' }, reason: '.env changed: GREETING' });
    expect(report.notReady).toBeNull();
    expect(sink.printed.map((line) => line.text)).toEqual(['greeting a', 'greeting b']);
    expect(sink.notices.map((notice) => notice.text)).toContain('restarting (.env changed: GREETING)');
    // Later restarts keep the new environment.
    await sup.restart('api');
    expect(sink.printed.at(-1)?.text).toBe('greeting b');
  });

  it('replaces one service process, re-probes it, and leaves the others alone', async () => {
    const { supervisor: sup, events, sink } = supervisor();
    sup.start([forever('api'), forever('web')]);
    await sup.waitReady();
    const [api, web] = sup.status();
    const report = await sup.restart('api');
    expect(report).toMatchObject({ previousPid: api?.pid, notReady: null, service: { name: 'api', state: 'running', restarts: 1, ready: true } });
    expect(report.service.pid).not.toBe(api?.pid);
    expect(report.readyMs).toBeGreaterThanOrEqual(0);
    expect(await isProcessAlive(host, api?.pid ?? 0)).toBe(false);
    expect(sup.status()[1]).toMatchObject({ pid: web?.pid, restarts: 0 });
    expect(events.filter((event) => event.service === 'api').map((event) => event.type)).toEqual([
      'started',
      'ready',
      'restart-requested',
      'exited',
      'started',
      'ready',
    ]);
    expect(sink.notices.find((notice) => notice.text.startsWith('restarting'))?.text).toBe('restarting (requested with `tovrun restart`)');
    expect((await sup.stop()).exitCode).toBe(0);
  });

  it('names the known services for an unknown one', async () => {
    const { supervisor: sup } = supervisor();
    sup.start([forever('api')]);
    const error = await sup.restart('nope').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ message: 'unknown service "nope".', hint: 'Known services: api.' });
    expect(await sup.restart('x\u001b]0;t\u0007').catch((caught: unknown) => caught)).toMatchObject({ message: 'unknown service "x\\u001b]0;t\\u0007".' });
  });

  it('starts a service that had exited again, and the run still ends only when all have stopped', async () => {
    const { supervisor: sup } = supervisor();
    sup.start([forever('api'), nodeLaunch('job', 'crash.js', ['0'])]);
    await sup.waitReady();
    await eventually(() => sup.status()[1]?.state === 'exited');
    const report = await sup.restart('job');
    expect(report).toMatchObject({ previousPid: null, notReady: null, service: { restarts: 1 } });
    await eventually(() => sup.status()[1]?.state === 'exited');
    const outcome = await sup.stop();
    expect(outcome.services.map((service) => service.name).sort()).toEqual(['api', 'job']);
  });

  it('skips the backoff of a crashed service waiting to restart', async () => {
    const { supervisor: sup } = supervisor();
    sup.start([
      nodeLaunch('crashy', 'crash.js', ['3'], { restart: { policy: 'on-failure', maxRetries: 5, backoffMs: 60_000, crashLimit: 100, crashWindowMs: 60_000 } }),
    ]);
    await eventually(() => sup.status()[0]?.state === 'restarting');
    const started = Date.now();
    const report = await sup.restart('crashy');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(report.service.restarts).toBe(2);
  });

  it('refuses once the run is stopping', async () => {
    const { supervisor: sup } = supervisor();
    sup.start([forever('api')]);
    await sup.waitReady();
    void sup.stop();
    await expect(sup.restart('api')).rejects.toThrow('tovrun is stopping; api was not restarted.');
  });
});
