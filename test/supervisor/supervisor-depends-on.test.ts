// depends_on in the supervisor: a dependent spawns only once its dependencies are started or healthy, as it requires.
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { LaunchSpec } from '../../src/plan/launch-spec.js';
import { blockedDependents } from '../../src/supervisor/dependencies.js';
import { describeEvent, ReadinessError, StartError, type SupervisorEvent } from '../../src/supervisor/index.js';
import { eventually, freePort, nodeLaunch, stopTrackedSupervisors, trackedSupervisor } from './support.js';

afterEach(stopTrackedSupervisors);
const supervisor = trackedSupervisor;

/** The position of the first event of that type for that service (-1 when there is none). */
const indexOf = (events: SupervisorEvent[], type: SupervisorEvent['type'], service: string) =>
  events.findIndex((event) => event.type === type && event.service === service);
const forever = (name: string, overrides: Partial<LaunchSpec> = {}) =>
  nodeLaunch(name, 'forever.js', [], { probe: { kind: 'log', pattern: '^forever', timeoutMs: 10_000 }, ...overrides });
const neverReady = { kind: 'log', pattern: '^never printed', timeoutMs: 10_000 } as const;

describe('Supervisor: depends_on', () => {
  it('spawns a service that needs another healthy only after that one passed its probe', async () => {
    const { supervisor: sup, events, sink } = supervisor();
    const port = await freePort();
    const db = nodeLaunch('db', 'listen.js', [String(port), 'tcp'], { port, probe: { kind: 'tcp', port, timeoutMs: 10_000 } });
    sup.start([forever('api', { dependsOn: { db: 'healthy' } }), db]);
    expect(sup.status().map((service) => [service.name, service.state])).toEqual([
      ['api', 'waiting'],
      ['db', 'starting'],
    ]);
    const ready = await sup.waitReady();
    expect(ready?.map((service) => service.name)).toEqual(['api', 'db']);
    expect(indexOf(events, 'waiting', 'api')).toBe(0);
    expect(indexOf(events, 'ready', 'db')).toBeGreaterThan(indexOf(events, 'started', 'db'));
    expect(indexOf(events, 'started', 'api')).toBeGreaterThan(indexOf(events, 'ready', 'db'));
    expect(sink.notices.find((notice) => notice.service === 'api')?.text).toBe('waiting for db (healthy)');
    expect((await sup.stop()).exitCode).toBe(0);
  });

  it('spawns a service that needs another started once it was spawned, without waiting for its probe', async () => {
    const { supervisor: sup, events } = supervisor();
    sup.start([nodeLaunch('slow', 'forever.js', [], { probe: neverReady }), forever('api', { dependsOn: { slow: 'started' } })]);
    await eventually(() => indexOf(events, 'ready', 'api') >= 0);
    expect(indexOf(events, 'started', 'api')).toBeGreaterThan(indexOf(events, 'started', 'slow'));
    expect(indexOf(events, 'ready', 'slow')).toBe(-1);
    await sup.stop();
  });

  it('never starts the dependents of a service that crashed before it was ready; the error names both', async () => {
    const { supervisor: sup, events, sink } = supervisor();
    sup.start([
      nodeLaunch('db', 'crash.js', ['3'], { probe: neverReady }),
      forever('api', { dependsOn: { db: 'healthy' } }),
      forever('web', { dependsOn: { api: 'started' } }),
      forever('docs'),
    ]);
    const error = await sup.waitReady().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReadinessError);
    expect((error as ReadinessError).message.split('\n')[0]).toBe('db exited with code 3 before it was ready; api, web depend on it and were not started.');
    await eventually(() => indexOf(events, 'not-started', 'web') >= 0);
    const notStarted = events.find((event) => event.type === 'not-started' && event.service === 'api') as SupervisorEvent;
    expect(describeEvent(notStarted)).toBe('not started: it needs db healthy, and db exited with code 3 before it was ready');
    expect(
      sink.notices.some((notice) => notice.service === 'web' && notice.text.startsWith('not started: it needs api started, and api was not started (db ')),
    ).toBe(true);
    expect(indexOf(events, 'started', 'api')).toBe(-1);
    expect(indexOf(events, 'started', 'web')).toBe(-1);
    expect(sup.status().find((service) => service.name === 'api')).toMatchObject({ state: 'exited', pid: null });
    const outcome = await sup.stop('failed');
    expect(outcome.exitCode).toBe(3);
    expect(outcome.services.find((service) => service.name === 'api')).toMatchObject({ exit: null, failed: false });
  });

  it('never starts the dependents of a service that could not start, healthy or started, and fails the run with 1', async () => {
    const { supervisor: sup, events } = supervisor();
    const cwd = '/nonexistent/tovrun-folder';
    sup.start([
      nodeLaunch('db', 'forever.js', [], { cwd }),
      forever('api', { dependsOn: { db: 'healthy' } }),
      forever('worker', { dependsOn: { db: 'started' } }),
    ]);
    const error = await sup.waitReady().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StartError);
    expect((error as StartError).message).toBe(`db could not start: folder ${cwd} does not exist; api, worker depend on it and were not started.`);
    await eventually(() => indexOf(events, 'not-started', 'api') >= 0 && indexOf(events, 'not-started', 'worker') >= 0);
    expect(describeEvent(events[indexOf(events, 'not-started', 'api')] as SupervisorEvent)).toBe(
      `not started: it needs db healthy, and db could not start: folder ${cwd} does not exist`,
    );
    expect(describeEvent(events[indexOf(events, 'not-started', 'worker')] as SupervisorEvent)).toBe(
      `not started: it needs db started, and db could not start: folder ${cwd} does not exist`,
    );
    expect(events.filter((event) => event.type === 'started' || event.type === 'ready')).toEqual([]);
    expect((await sup.stop('failed')).exitCode).toBe(1);
  });

  it('does not start a waiting service once the run stops', async () => {
    const { supervisor: sup, events } = supervisor();
    sup.start([nodeLaunch('slow', 'forever.js', [], { probe: neverReady }), forever('api', { dependsOn: { slow: 'healthy' } })]);
    await eventually(() => indexOf(events, 'started', 'slow') >= 0);
    const outcome = await sup.stop('interrupted');
    expect(outcome).toMatchObject({ exitCode: 0, stopReason: 'interrupted' });
    expect(outcome.services.find((service) => service.name === 'api')).toMatchObject({ exit: null, failed: false });
    expect(indexOf(events, 'started', 'api')).toBe(-1);
    expect(indexOf(events, 'not-started', 'api')).toBe(-1);
  });

  it('restarts a dependency without restarting its dependents, and refuses to restart a service still waiting', async () => {
    const { supervisor: sup } = supervisor();
    sup.start([forever('db'), forever('api', { dependsOn: { db: 'healthy' } })]);
    await sup.waitReady();
    const api = sup.status()[1];
    const report = await sup.restart('db');
    expect(report).toMatchObject({ notReady: null, service: { name: 'db', restarts: 1 } });
    expect(sup.status()[1]).toMatchObject({ pid: api?.pid, restarts: 0, state: 'running' });

    const { supervisor: waiting } = supervisor();
    waiting.start([nodeLaunch('slow', 'forever.js', [], { probe: neverReady }), forever('api', { dependsOn: { slow: 'healthy' } })]);
    const error = await waiting.restart('api').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ message: 'api has not started yet: it waits for slow (healthy).' });
  });

  it('refuses a dependency on a service it does not run', () => {
    const { supervisor: sup } = supervisor();
    expect(() => sup.start([forever('api', { dependsOn: { postgres: 'healthy' } })])).toThrow(
      'Supervisor.start: dependencies on services it does not run: api → postgres.',
    );
  });
});

describe('blockedDependents', () => {
  const specs = [
    forever('db'),
    forever('api', { dependsOn: { db: 'started' } }),
    forever('web', { dependsOn: { api: 'healthy' } }),
    forever('jobs', { dependsOn: { db: 'healthy' } }),
  ];
  it('lists the waiting services needing the failed one, transitively; a "started" need is met once it was spawned', () => {
    expect(blockedDependents('db', false, specs, () => true)).toEqual(['api', 'jobs', 'web']);
    expect(blockedDependents('db', true, specs, () => true)).toEqual(['jobs']);
    expect(blockedDependents('db', false, specs, (name) => name !== 'api')).toEqual(['jobs']);
  });
});
