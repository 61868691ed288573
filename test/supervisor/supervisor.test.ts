import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { realHost } from '../../src/os/host.js';
import { readState, StartError, Supervisor, type SupervisorEvent, type SupervisorOptions, statePath } from '../../src/supervisor/index.js';
import { eventually, isProcessAlive, MemorySink, nodeLaunch, tempDir } from './support.js';

const host = realHost();
const running: Supervisor[] = [];

function supervisor(overrides: Partial<SupervisorOptions> = {}): { supervisor: Supervisor; sink: MemorySink; events: SupervisorEvent[]; stateDir: string } {
  const sink = new MemorySink();
  const events: SupervisorEvent[] = [];
  const stateDir = tempDir();
  const created = new Supervisor({ stateDir, shutdownTimeoutMs: 2_000, sink, onEvent: (event) => events.push(event), ...overrides });
  running.push(created);
  return { supervisor: created, sink, events, stateDir };
}

function pidFrom(sink: MemorySink, service: string, word: string): number {
  const line = sink.textsOf(service).find((text) => text.startsWith(`${word} `));
  if (!line) throw new Error(`no "${word}" line from ${service}`);
  return Number(line.split(' ')[1]);
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((each) => each.forceStop()));
});

describe('Supervisor: stopping process trees', () => {
  it('kills grandchildren with their process group', async () => {
    const { supervisor: sup, sink } = supervisor();
    sup.start([nodeLaunch('svc', 'spawn-grandchild.js', [], { probe: { kind: 'log', pattern: '^forever', timeoutMs: 10_000 } })]);
    await sup.waitReady();
    const child = pidFrom(sink, 'svc', 'grandchild');
    expect(await isProcessAlive(host, child)).toBe(true);
    const outcome = await sup.stop('interrupted');
    expect(outcome).toMatchObject({ exitCode: 0, stopReason: 'interrupted', services: [{ name: 'svc', failed: false }] });
    expect(await isProcessAlive(host, child)).toBe(false);
  });

  it('kills a child that ignores SIGTERM once the shutdown timeout has passed', async () => {
    const { supervisor: sup, sink, events } = supervisor({ shutdownTimeoutMs: 300 });
    sup.start([nodeLaunch('stubborn', 'ignore-sigterm.js', [], { probe: { kind: 'log', pattern: '^ignoring \\d+', timeoutMs: 10_000 } })]);
    await sup.waitReady();
    const pid = pidFrom(sink, 'stubborn', 'ignoring');
    const outcome = await sup.stop();
    expect(sink.textsOf('stubborn')).toContain('ignoring SIGTERM');
    expect(events.some((event) => event.type === 'forced')).toBe(true);
    expect(outcome.services[0]?.failed).toBe(false);
    expect(await isProcessAlive(host, pid)).toBe(false);
  });

  it('kills a grandchild that ignores SIGTERM after its parent has left', async () => {
    const { supervisor: sup, sink } = supervisor({ shutdownTimeoutMs: 300 });
    sup.start([nodeLaunch('svc', 'spawn-grandchild.js', ['./ignore-sigterm.js'], { probe: { kind: 'log', pattern: '^ignoring', timeoutMs: 10_000 } })]);
    await sup.waitReady();
    const grandchild = pidFrom(sink, 'svc', 'grandchild');
    await sup.stop();
    expect(await isProcessAlive(host, grandchild)).toBe(false);
  });

  it('forces at once on a second stop request', async () => {
    const { supervisor: sup, sink } = supervisor({ shutdownTimeoutMs: 120_000 });
    sup.start([nodeLaunch('stubborn', 'ignore-sigterm.js', [], { probe: { kind: 'log', pattern: '^ignoring', timeoutMs: 10_000 } })]);
    await sup.waitReady();
    const pid = pidFrom(sink, 'stubborn', 'ignoring');
    void sup.stop('interrupted');
    await eventually(() => sink.textsOf('stubborn').includes('ignoring SIGTERM'));
    await sup.stop('interrupted');
    expect(await isProcessAlive(host, pid)).toBe(false);
  });
});

describe('Supervisor: crashes and restarts', () => {
  it('restarts a crashing service with exponential backoff and gives up after the retry limit', async () => {
    const timeline: { event: SupervisorEvent; at: number }[] = [];
    const { supervisor: sup, sink } = supervisor({ onEvent: (event) => timeline.push({ event, at: Date.now() }) });
    sup.start([
      nodeLaunch('crashy', 'crash.js', ['3'], { restart: { policy: 'on-failure', maxRetries: 2, backoffMs: 100, crashLimit: 100, crashWindowMs: 60_000 } }),
    ]);
    const outcome = await sup.finished;
    expect(outcome).toMatchObject({ exitCode: 3, services: [{ name: 'crashy', failed: true, restarts: 2, code: 3 }] });
    const kinds = timeline.map(({ event }) => event.type);
    expect(kinds.filter((kind) => kind === 'started')).toHaveLength(3);
    const restarts = timeline.filter(({ event }) => event.type === 'restarting').map(({ event }) => event);
    expect(restarts).toMatchObject([
      { attempt: 1, maxRetries: 2, delayMs: 100 },
      { attempt: 2, maxRetries: 2, delayMs: 200 },
    ]);
    for (const [index, delay] of [100, 200].entries()) {
      const restarting = timeline.filter(({ event }) => event.type === 'restarting')[index];
      const started = timeline.filter(({ event }) => event.type === 'started')[index + 1];
      expect((started?.at ?? 0) - (restarting?.at ?? 0)).toBeGreaterThanOrEqual(delay - 5);
    }
    expect(kinds.at(-1)).toBe('gave-up');
    expect(sink.notices.map((notice) => notice.text)).toEqual(
      expect.arrayContaining(['exited with code 3', 'restarting in 0.1 s (attempt 1 of 2)', 'gave up after 2 restarts']),
    );
  });

  it('stops restarting a crash loop (crashLimit failures within crashWindow) and shows it failed with its last lines', async () => {
    const { supervisor: sup, sink, events } = supervisor();
    const restart = { policy: 'on-failure' as const, maxRetries: 10, backoffMs: 50, crashLimit: 3, crashWindowMs: 10_000 };
    sup.start([nodeLaunch('loopy', 'crash.js', ['4'], { restart })]);
    const outcome = await sup.finished;
    expect(outcome).toMatchObject({ exitCode: 4, services: [{ name: 'loopy', failed: true, restarts: 2, code: 4 }] });
    expect(events.filter((event) => event.type === 'started')).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ type: 'gave-up', restarts: 2, crashLoop: { failures: 3, windowMs: 10_000 } });
    const notices = sink.notices.map((notice) => notice.text);
    const gaveUp = notices.indexOf('gave up after 2 restarts: it failed 3 times within 10 s (a crash loop)');
    expect(gaveUp).toBeGreaterThan(-1);
    expect(notices[gaveUp + 1]).toBe('its last lines:');
    expect(notices.slice(gaveUp + 2)).toEqual(expect.arrayContaining([expect.stringMatching(/^ {2}crashing \d+$/)]));
    expect(sup.status()[0]).toMatchObject({ state: 'failed' });
  });

  it('keeps the others running when one exits, and reports the first failing code when all have stopped', async () => {
    const { supervisor: sup, sink, events } = supervisor();
    sup.start([nodeLaunch('steady', 'forever.js'), nodeLaunch('crashy', 'crash.js', ['4'])]);
    await eventually(() => events.some((event) => event.type === 'exited' && event.service === 'crashy'));
    await eventually(() => sink.textsOf('steady').length > 0);
    expect(await isProcessAlive(host, pidFrom(sink, 'steady', 'forever'))).toBe(true);
    const outcome = await sup.stop('terminated');
    expect(outcome.exitCode).toBe(4);
    expect(outcome.services.find((service) => service.name === 'steady')).toMatchObject({ failed: false, code: 0 });
  });

  it('reports a program that cannot be started as a failed service (exit 1), never as one that exited with 127', async () => {
    const { supervisor: sup, sink, events } = supervisor();
    sup.start([nodeLaunch('missing', 'forever.js', [], { file: '/nonexistent/tovrun-program', probe: { kind: 'tcp', port: 1, timeoutMs: 5_000 } })]);
    await expect(sup.waitReady()).rejects.toThrow(/^missing could not start: program \/nonexistent\/tovrun-program was not found\.$/);
    const outcome = await sup.finished;
    expect(outcome).toMatchObject({ exitCode: 1, services: [{ name: 'missing', exit: null, failed: true, code: 1 }] });
    expect(sink.notices[0]?.text).toBe('could not start: program /nonexistent/tovrun-program was not found');
    expect(events.some((event) => event.type === 'exited')).toBe(false);
  });

  it('never calls a service ready when its folder does not exist, even without a probe, and does not restart it', async () => {
    const { supervisor: sup, sink, events } = supervisor();
    const cwd = '/nonexistent/tovrun-folder';
    sup.start([
      nodeLaunch('nodir', 'forever.js', [], { cwd, restart: { policy: 'on-failure', maxRetries: 3, backoffMs: 10, crashLimit: 100, crashWindowMs: 60_000 } }),
    ]);
    const error = await sup.waitReady().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StartError);
    expect((error as StartError).exitCode).toBe(1);
    expect((error as StartError).message).toBe(`nodir could not start: folder ${cwd} does not exist.`);
    expect(events.map((event) => event.type)).toEqual(['spawn-failed']);
    expect(sink.notices.map((notice) => notice.text)).not.toContain(expect.stringMatching(/ready/));
    expect(sup.status()[0]).toMatchObject({ state: 'failed', pid: null, ready: false });
    expect((await sup.finished).exitCode).toBe(1);
  });
});

describe('Supervisor: state file', () => {
  it('records each service with pid, process group, port, command and start time, and removes the file at the end', async () => {
    const { supervisor: sup, stateDir } = supervisor();
    const launch = nodeLaunch('svc', 'forever.js', [], { port: 4567 });
    sup.start([launch]);
    const state = await eventually(() => {
      const current = readState(stateDir);
      return current?.services[0]?.startTime && current.owner.startTime ? current : undefined;
    });
    expect(state.owner.pid).toBe(process.pid);
    const [service] = state.services;
    expect(service).toMatchObject({ name: 'svc', port: 4567, command: [launch.file, ...launch.args], cwd: launch.cwd });
    expect(service?.pgid).toBe(service?.pid);
    expect(service?.commandLine).toContain('forever.js');
    expect(Math.abs((service?.startTime ?? 0) - Date.now())).toBeLessThan(60_000);
    await sup.stop();
    expect(existsSync(statePath(stateDir))).toBe(false);
  });

  it('finishes at once when stopped before anything started', async () => {
    const { supervisor: sup } = supervisor();
    expect(await sup.stop()).toEqual({ exitCode: 0, stopReason: 'requested', services: [] });
  });
});
