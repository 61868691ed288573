import { describe, expect, it } from 'vitest';
import { ComposeClient } from '../../src/compose/client.js';
import { ComposeHealthError } from '../../src/compose/errors.js';
import { waitHealthy } from '../../src/compose/wait-healthy.js';
import { fakeClock, fakeEngine, stateJson } from './fake-engine.js';
import { providers } from './support.js';

const project = { file: '/ws/docker-compose.yml', name: 'proj', envFile: null, profiles: ['p'] };
const mask = (text: string) => text.replaceAll('s3cret', '***');

function client(runner: ReturnType<typeof fakeEngine>) {
  return new ComposeClient(providers.v1, project, runner, {}, mask);
}

describe('waitHealthy', () => {
  it('waits until each service is healthy, or running without a healthcheck, reporting each once', async () => {
    const runner = fakeEngine((service, poll) => (service === 'db' ? stateJson('running', poll < 3 ? 'starting' : 'healthy') : stateJson('running')));
    const ready: string[] = [];
    const clock = fakeClock();
    const done = await waitHealthy(client(runner), ['db', 'web'], {
      timeoutMs: 10_000,
      pollMs: 500,
      clock,
      signal: new AbortController().signal,
      onReady: (service, how, ids) => ready.push(`${service}:${how}:${ids.join()}`),
    });
    expect(done).toBe(true);
    expect(ready).toEqual(['web:running:web-id', 'db:healthy:db-id']);
    expect(clock.time).toBe(1_000_000 + 1_500);
    // Container ids are looked up once per service, then only inspected.
    expect(runner.calls.filter((call) => call.line.startsWith('docker ps')).length).toBe(2);
  });

  it('reports a service that is not healthy within the timeout, with its last log lines masked', async () => {
    const runner = fakeEngine(() => stateJson('running', 'starting'), { never: ['booting', 'password s3cret rejected'] });
    const wait = waitHealthy(client(runner), ['never'], {
      timeoutMs: 3_000,
      pollMs: 500,
      clock: fakeClock(),
      signal: new AbortController().signal,
      onReady: () => undefined,
    });
    await expect(wait).rejects.toThrow(ComposeHealthError);
    await expect(wait).rejects.toThrow(/compose service never was not healthy within 3\.0 s \(health: starting\)/);
    await expect(wait).rejects.toThrow(/\| password \*\*\* rejected/);
    await expect(wait).rejects.toMatchObject({ hint: expect.stringContaining('compose.healthTimeout') });
  });

  it('fails at once when a container exits or turns unhealthy', async () => {
    const exited = fakeEngine(() => stateJson('exited', undefined, 2));
    await expect(
      waitHealthy(client(exited), ['db'], {
        timeoutMs: 60_000,
        pollMs: 500,
        clock: fakeClock(),
        signal: new AbortController().signal,
        onReady: () => undefined,
      }),
    ).rejects.toThrow(/db exited with code 2 before it was ready/);
    const unhealthy = fakeEngine(() => stateJson('running', 'unhealthy'));
    await expect(
      waitHealthy(client(unhealthy), ['db'], {
        timeoutMs: 60_000,
        pollMs: 500,
        clock: fakeClock(),
        signal: new AbortController().signal,
        onReady: () => undefined,
      }),
    ).rejects.toThrow(/db is unhealthy/);
  });

  it('looks container ids up again when a container was recreated', async () => {
    const runner = fakeEngine((_service, poll) => (poll === 0 ? null : stateJson('running')));
    expect(
      await waitHealthy(client(runner), ['web'], {
        timeoutMs: 5_000,
        pollMs: 100,
        clock: fakeClock(),
        signal: new AbortController().signal,
        onReady: () => undefined,
      }),
    ).toBe(true);
    expect(runner.calls.filter((call) => call.line.startsWith('docker ps')).length).toBe(2);
  });

  it('resolves false when aborted (Ctrl-C)', async () => {
    const controller = new AbortController();
    const runner = fakeEngine(() => {
      controller.abort();
      return stateJson('running', 'starting');
    });
    expect(
      await waitHealthy(client(runner), ['db'], { timeoutMs: 5_000, pollMs: 100, clock: fakeClock(), signal: controller.signal, onReady: () => undefined }),
    ).toBe(false);
  });
});
