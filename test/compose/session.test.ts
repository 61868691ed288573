import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createComposeSession } from '../../src/compose/create-session.js';
import type { FollowedLog, LogFollower } from '../../src/compose/log-follower.js';
import { type ComposeState, composeStatePath, readComposeState, writeComposeState } from '../../src/compose/state.js';
import { realHost } from '../../src/os/host.js';
import { processIdentity } from '../../src/os/process-table.js';
import type { ComposePlan } from '../../src/plan/compose.js';
import { MemorySink, tempDir } from '../supervisor/support.js';
import { fakeClock, fakeEngine, stateJson } from './fake-engine.js';
import { localEngine, providers } from './support.js';

const plan: ComposePlan = {
  project: { file: '/ws/docker-compose.yml', name: 'proj', envFile: '/ws/.env', profiles: ['local-db'] },
  services: [
    { name: 'db', url: 'postgresql://u:***@localhost:5432/d' },
    { name: 'web', url: null },
  ],
  variables: { PGBOUNCER_DB_HOST: 'db' },
};

/** A follower that records what it follows and can print lines for the service it follows. */
function fakeFollower() {
  const followed: { args: readonly string[]; emit: (line: string) => void; stopped: boolean }[] = [];
  const follow: LogFollower = (_command, args, _env, onLine) => {
    let end!: () => void;
    const entry = { args, emit: (line: string) => onLine('stdout', line), stopped: false };
    followed.push(entry);
    const ended = new Promise<void>((resolve) => (end = resolve));
    const handle: FollowedLog = {
      stop: () => {
        entry.stopped = true;
        end();
      },
      ended,
    };
    return handle;
  };
  return { follow, followed };
}

/** Services already running before the run start: their first inspect says running, later ones too. */
function engine(runningBefore: string[] = []) {
  return fakeEngine((service, poll) =>
    poll === 0
      ? stateJson(runningBefore.includes(service) ? 'running' : 'created')
      : service === 'db'
        ? stateJson('running', poll < 2 ? 'starting' : 'healthy')
        : stateJson('running'),
  );
}

function session(runner: ReturnType<typeof engine>, stateDir: string, sink: MemorySink, keep = false) {
  const follower = fakeFollower();
  const created = createComposeSession({
    provider: providers.v1,
    engine: localEngine,
    plan,
    runner,
    processEnv: { PATH: '/bin' },
    dotEnv: {},
    sink,
    stateDir,
    healthTimeoutMs: 30_000,
    shutdownTimeoutMs: 3_000,
    keep,
    mask: (text) => text,
    clock: fakeClock(),
    follow: follower.follow,
  });
  return { session: created, ...follower };
}

const composeCalls = (runner: ReturnType<typeof engine>) =>
  runner.calls
    .filter((call) => call.line.startsWith('docker-compose'))
    .map((call) => call.line.replace('docker-compose -f /ws/docker-compose.yml -p proj --env-file /ws/.env --profile local-db ', ''));
const sleepers: number[] = [];
afterEach(() => {
  for (const pid of sleepers.splice(0)) process.kill(pid, 'SIGKILL');
});

describe('ComposeSession', () => {
  it('records, starts, follows logs, waits healthy, then stops only what it started (volumes kept)', async () => {
    const stateDir = tempDir('tovrun-compose-');
    const runner = engine();
    const sink = new MemorySink();
    const { session: run, followed } = session(runner, stateDir, sink);
    const ready = await run.start(new AbortController().signal);
    expect(ready?.map((service) => [service.name, service.url])).toEqual([
      ['db', 'postgresql://u:***@localhost:5432/d'],
      ['web', null],
    ]);
    expect(composeCalls(runner)).toEqual(['up -d db web']);
    // The environment of compose commands carries tovrun's variables.
    expect(runner.calls.find((call) => call.line.includes(' up -d '))?.options?.env).toMatchObject({ PATH: '/bin', PGBOUNCER_DB_HOST: 'db' });
    expect(followed.map((entry) => `${entry.args.slice(0, 3).join(' ')} ${entry.args[4]}`)).toEqual([
      'logs --follow --since db-id',
      'logs --follow --since web-id',
    ]);
    followed[0]?.emit('database system is ready');
    expect(sink.textsOf('db')).toEqual(['database system is ready']);
    expect(sink.notices).toContainEqual({ service: 'db', text: expect.stringMatching(/^healthy after/) });
    expect(sink.notices).toContainEqual({ service: 'web', text: expect.stringMatching(/^running after .* \(it has no healthcheck\)/) });
    expect(readComposeState(stateDir)).toMatchObject({ project: plan.project, services: ['db', 'web'], owner: { pid: process.pid, keep: false } });

    await run.stop();
    expect(composeCalls(runner)).toEqual(['up -d db web', 'stop -t 3 db web']);
    expect(composeCalls(runner).join(' ')).not.toMatch(/down|-v/);
    expect(followed.every((entry) => entry.stopped)).toBe(true);
    expect(readComposeState(stateDir)).toMatchObject({ services: ['db', 'web'], owner: null });
  });

  it('with --keep, leaves the containers running and says how to remove them', async () => {
    const stateDir = tempDir('tovrun-compose-');
    const runner = engine();
    const sink = new MemorySink();
    const { session: run } = session(runner, stateDir, sink, true);
    await run.start(new AbortController().signal);
    await run.stop();
    expect(composeCalls(runner)).toEqual(['up -d db web']);
    expect(sink.notices).toContainEqual({ service: 'db', text: 'left running (--keep); `tovrun down` removes it' });
  });

  it('leaves a service running that ran before it started, unless a crashed tovrun left it', async () => {
    const stateDir = tempDir('tovrun-compose-');
    const crashed: ComposeState = {
      version: 1,
      project: plan.project,
      services: ['db'],
      owner: { pid: 999_999_999, startTime: 1, commandLine: 'node tovrun', keep: false },
    };
    writeComposeState(stateDir, crashed);
    const runner = engine(['db', 'web']);
    const sink = new MemorySink();
    const { session: run } = session(runner, stateDir, sink);
    await run.start(new AbortController().signal);
    expect(sink.notices).toContainEqual({ service: 'db', text: 'still running from an earlier tovrun; using it' });
    expect(sink.notices).toContainEqual({ service: 'web', text: 'already running; using it (it stays running at exit)' });
    await run.stop();
    expect(composeCalls(runner)).toEqual(['up -d db web', 'stop -t 3 db']);
    expect(readComposeState(stateDir)?.services).toEqual(['db']);
  });

  it('refuses to start while another live tovrun uses the services', async () => {
    const stateDir = tempDir('tovrun-compose-');
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    sleepers.push(sleeper.pid ?? 0);
    const identity = await processIdentity(realHost(), sleeper.pid ?? 0);
    writeComposeState(stateDir, {
      version: 1,
      project: plan.project,
      services: ['db'],
      owner: { pid: sleeper.pid ?? 0, startTime: identity?.startTime ?? null, commandLine: identity?.commandLine ?? null, keep: false },
    });
    const runner = engine();
    const { session: run } = session(runner, stateDir, new MemorySink());
    await expect(run.start(new AbortController().signal)).rejects.toThrow(
      `tovrun is already running in this workspace with compose services (pid ${sleeper.pid})`,
    );
    expect(composeCalls(runner)).toEqual([]);
    await run.stop();
    expect(composeCalls(runner)).toEqual([]);
  });

  it('writes no state and stops nothing when it never started', async () => {
    const stateDir = tempDir('tovrun-compose-');
    const runner = engine();
    const { session: run } = session(runner, stateDir, new MemorySink());
    await run.stop();
    expect(existsSync(composeStatePath(stateDir))).toBe(false);
    expect(runner.calls).toEqual([]);
  });
});
