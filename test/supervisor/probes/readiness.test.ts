import { afterEach, describe, expect, it } from 'vitest';
import { ReadinessError, Supervisor, type SupervisorEvent } from '../../../src/supervisor/index.js';
import type { CheckResult } from '../../../src/supervisor/probes/checks.js';
import { pollDelayMs, type ReadinessOptions, waitForReadiness } from '../../../src/supervisor/probes/readiness.js';
import type { Probe } from '../../../src/workspace/types.js';
import { freePort, MemorySink, nodeLaunch, tempDir } from '../support.js';

const running: Supervisor[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((each) => each.forceStop()));
});

function supervisor(events: SupervisorEvent[] = [], mask?: (line: string) => string): Supervisor {
  const created = new Supervisor({
    stateDir: tempDir(),
    shutdownTimeoutMs: 1_000,
    sink: new MemorySink(),
    onEvent: (event) => events.push(event),
    ...(mask ? { mask } : {}),
  });
  running.push(created);
  return created;
}

describe('readiness probes with real services', () => {
  it('switches from an HTTP probe answering 404 to its TCP fallback', async () => {
    const port = await freePort();
    const events: SupervisorEvent[] = [];
    const sup = supervisor(events);
    sup.start([
      nodeLaunch('backend', 'listen.js', [String(port), '404'], {
        port,
        probe: { kind: 'http', url: `http://127.0.0.1:${port}/health`, timeoutMs: 10_000 },
        probeFallback: { kind: 'tcp', port, timeoutMs: 10_000 },
      }),
    ]);
    const [ready] = (await sup.waitReady()) ?? [];
    expect(ready).toMatchObject({ name: 'backend', url: `http://127.0.0.1:${port}/`, probe: { kind: 'tcp', port } });
    expect(events.find((event) => event.type === 'probe-fallback')).toBeDefined();
  });

  it('is ready on an HTTP status below 500 and on a TCP connect', async () => {
    const [httpPort, tcpPort] = [await freePort(), await freePort()];
    const sup = supervisor();
    sup.start([
      nodeLaunch('web', 'listen.js', [String(httpPort), '302'], {
        port: httpPort,
        probe: { kind: 'http', url: `http://127.0.0.1:${httpPort}/`, timeoutMs: 10_000 },
      }),
      nodeLaunch('db', 'listen.js', [String(tcpPort), 'tcp'], { port: tcpPort, probe: { kind: 'tcp', port: tcpPort, timeoutMs: 10_000 } }),
    ]);
    const ready = await sup.waitReady();
    expect(ready?.map((service) => [service.name, service.url])).toEqual([
      ['web', `http://127.0.0.1:${httpPort}/`],
      ['db', `http://localhost:${tcpPort}/`],
    ]);
    expect(ready?.every((service) => service.readyMs >= 0)).toBe(true);
  });

  it('is ready when an output line matches the log pattern', async () => {
    const sup = supervisor();
    sup.start([nodeLaunch('worker', 'forever.js', [], { probe: { kind: 'log', pattern: 'forever \\d+', timeoutMs: 10_000 } })]);
    expect((await sup.waitReady())?.[0]?.probe.kind).toBe('log');
  });

  it("fails after its timeout with the last (masked) output lines, and says so as an event (in the service's log)", async () => {
    const port = await freePort();
    const events: SupervisorEvent[] = [];
    const sup = supervisor(events, (line) => line.replace(/\d+/g, '***'));
    sup.start([nodeLaunch('slow', 'forever.js', [], { probe: { kind: 'tcp', port, timeoutMs: 400 } })]);
    const error = await sup.waitReady().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ReadinessError);
    const readiness = error as ReadinessError;
    expect(readiness.message).toMatch(new RegExp(`^slow was not ready within 0\\.\\d s \\(waited for TCP port ${port}\\)`));
    expect(readiness.lastLines).toEqual(['forever ***']);
    expect(readiness.message).toContain('| forever ***');
    expect(readiness.exitCode).toBe(1);
    expect(events.filter((event) => event.type === 'not-ready')).toEqual([
      { type: 'not-ready', service: 'slow', reason: expect.stringMatching(/^was not ready within 0\.\d s/) },
    ]);
  });

  it('fails when the service exits before it is ready, and resolves null when the run is stopped first', async () => {
    const sup = supervisor();
    sup.start([nodeLaunch('crashy', 'crash.js', ['5'], { probe: { kind: 'tcp', port: await freePort(), timeoutMs: 10_000 } })]);
    await expect(sup.waitReady()).rejects.toThrow(/crashy exited with code 5 before it was ready/);
    const other = supervisor();
    other.start([nodeLaunch('idle', 'forever.js', [], { probe: { kind: 'tcp', port: await freePort(), timeoutMs: 30_000 } })]);
    const waiting = other.waitReady();
    await other.stop('interrupted');
    expect(await waiting).toBeNull();
  });
});

describe('waitForReadiness with fake checks', () => {
  const never = new Promise<never>(() => undefined);
  const http: Probe = { kind: 'http', url: 'http://127.0.0.1:1/health', timeoutMs: 5_000 };

  function options(answers: CheckResult[], overrides: Partial<ReadinessOptions> = {}): ReadinessOptions {
    return {
      probe: http,
      fallback: null,
      subscribeLines: () => () => undefined,
      stopped: never,
      signal: new AbortController().signal,
      now: () => Date.now(),
      pollMs: 1,
      checks: { http: async () => answers.shift() ?? 'ready', tcp: async () => 'ready' },
      ...overrides,
    };
  }

  it('counts a 404 as ready when there is no fallback, and keeps polling on 5xx-like failures', async () => {
    expect(await waitForReadiness(options(['not-ready', 'not-ready', 'not-found']))).toMatchObject({ kind: 'ready', probe: http });
  });

  it('reports an invalid log pattern', async () => {
    expect(await waitForReadiness(options([], { probe: { kind: 'log', pattern: '(', timeoutMs: 1_000 } }))).toMatchObject({ kind: 'invalid' });
  });
});

describe('pollDelayMs', () => {
  it('checks every 10 ms at first and slows to the maximum after about a second', () => {
    expect(pollDelayMs(0)).toBe(10);
    expect(pollDelayMs(250)).toBe(20);
    expect(pollDelayMs(1_000)).toBe(50);
    expect(pollDelayMs(60_000)).toBe(50);
    expect(pollDelayMs(60_000, 500)).toBe(500);
    expect(pollDelayMs(0, 1)).toBe(1);
  });
});
