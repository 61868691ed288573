// ServiceRunner on real node processes: its state is read from its one state field at every event, a scheduled
// restart is 'restarting' (not 'failed'), and moves that make no sense are refused.
import { afterEach, describe, expect, it } from 'vitest';
import { realHost } from '../../src/os/host.js';
import type { LaunchSpec } from '../../src/plan/launch-spec.js';
import { directLauncher } from '../../src/supervisor/direct-launcher.js';
import type { SupervisorEvent } from '../../src/supervisor/events.js';
import { ServiceRunner } from '../../src/supervisor/service-runner.js';
import type { ServiceState } from '../../src/supervisor/service-state.js';
import { eventually, MemorySink, nodeLaunch } from './support.js';

const host = realHost();
const runners: ServiceRunner[] = [];
afterEach(async () => {
  await Promise.all(
    runners.splice(0).map((each) => {
      each.stop();
      return each.done;
    }),
  );
});

/** A runner on the real launcher, recording each event with the state the runner reports at that moment. */
function runner(spec: LaunchSpec): { runner: ServiceRunner; seen: [SupervisorEvent['type'], ServiceState][] } {
  const seen: [SupervisorEvent['type'], ServiceState][] = [];
  const created: ServiceRunner = new ServiceRunner(spec, {
    host,
    sink: new MemorySink(),
    launcher: directLauncher(host),
    graceMs: 1_000,
    force: new AbortController().signal,
    emit: (event) => seen.push([event.type, created.snapshot().state]),
    changed: () => undefined,
    spawned: () => undefined,
  });
  runners.push(created);
  return { runner: created, seen };
}

const crashing = (backoffMs: number) =>
  nodeLaunch('crashy', 'crash.js', ['3'], { restart: { policy: 'on-failure', maxRetries: 5, backoffMs, crashLimit: 100, crashWindowMs: 60_000 } });

describe('ServiceRunner state', () => {
  it('is restarting, not failed, from the moment a restart is scheduled; stopped in the backoff it ends failed with the crash code', async () => {
    const { runner: crashy, seen } = runner(crashing(60_000));
    expect(crashy.state).toBe('waiting');
    crashy.start();
    expect(crashy.state).toBe('starting');
    await eventually(() => seen.some(([type]) => type === 'restarting'));
    expect(seen).toEqual([
      ['started', 'running'],
      ['exited', 'running'],
      ['restarting', 'restarting'],
    ]);
    expect([crashy.state, crashy.hasFinished]).toEqual(['restarting', false]);
    crashy.stop();
    expect(crashy.state).toBe('failed');
    expect(await crashy.done).toMatchObject({ failed: true, code: 3, restarts: 1 });
  });

  it('goes restarting → starting → running when replaced, then stopping → exited when stopped', async () => {
    const { runner: api, seen } = runner(nodeLaunch('api', 'forever.js'));
    api.start();
    const first = await eventually(() => api.process ?? undefined);
    expect(api.state).toBe('running');
    const replaced = api.replace();
    expect(api.state).toBe('restarting');
    const second = await replaced;
    expect(second.pid).not.toBe(first.pid);
    expect(api.state).toBe('running');
    expect(seen).toEqual([
      ['started', 'running'],
      ['restart-requested', 'running'],
      ['exited', 'restarting'],
      ['started', 'running'],
    ]);
    api.stop();
    expect(api.state).toBe('stopping');
    await expect(api.replace()).rejects.toThrow('api is being stopped.');
    expect(await api.done).toMatchObject({ failed: false, code: 0 });
    expect(api.state).toBe('exited');
  });

  it('refuses to replace a service that was never launched, and ends it as exited when skipped', async () => {
    const { runner: api, seen } = runner(nodeLaunch('api', 'forever.js'));
    await expect(api.replace()).rejects.toThrow('api has not been launched yet.');
    expect(api.state).toBe('waiting');
    api.skip();
    expect([api.state, api.hasStarted, api.hasFinished]).toEqual(['exited', false, true]);
    api.start();
    expect(api.state).toBe('exited');
    expect(seen).toEqual([]);
  });

  it('parks as stopped when paused (even while launching), is not done, and resumes with a new process', async () => {
    const { runner: api, seen } = runner(nodeLaunch('api', 'forever.js'));
    api.start();
    const pausing = api.pause();
    expect(api.state).toBe('stopping');
    await pausing;
    expect([api.state, api.hasFinished, api.process]).toEqual(['stopped', false, null]);
    expect(seen).toEqual([
      ['stop-requested', 'starting'],
      ['started', 'stopping'],
      ['exited', 'stopping'],
    ]);
    let done = false;
    void api.done.then(() => (done = true));
    const resumed = await api.resume();
    expect([api.state, api.process?.pid]).toEqual(['running', resumed.pid]);
    expect(done).toBe(false);
    await expect(api.resume()).rejects.toThrow('api is running, not stopped.');
  });
});
