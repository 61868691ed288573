// Fuzzing .tovrun/state.json: random and mutated state files never give parseState an entry tovrun could not signal
// safely, and never make stopLeftovers (over a fake process table) signal a pid or group whose identity it did not prove.

import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stopLeftovers } from '../../src/supervisor/leftovers.js';
import { isSignallablePid, parseState, statePath } from '../../src/supervisor/state-file.js';
import { bootMs, type FakeProcess, processHost } from '../os/fake-processes.js';
import { tempDir } from '../supervisor/support.js';
import { guarded, mutated, params, runs } from './support.js';

const self: FakeProcess = { pid: 4242, pgid: 4240, startTime: bootMs + 90_000, commandLine: 'node bin/tovrun.js down' };
const table: FakeProcess[] = [
  self,
  { pid: 4240, pgid: 4240, startTime: bootMs + 80_000, commandLine: 'bash' },
  { pid: 3000, pgid: 3000, startTime: bootMs + 50_000, commandLine: 'sleep 4103.5' },
  { pid: 3001, pgid: 3000, startTime: bootMs + 50_010, commandLine: 'sleep 4103.6' },
  { pid: 2000, pgid: 2000, startTime: bootMs + 20_000, commandLine: 'python -m flask run' },
  { pid: 2001, pgid: 2000, startTime: bootMs + 20_500, commandLine: 'python -m flask run' },
  { pid: 7, pgid: 1, startTime: bootMs + 1_000, commandLine: 'init-child' },
];

/** Numbers that matter to a kill: 0, 1, -1, tovrun's own pid and group, live pids, huge and fractional values. */
const pidLike = fc.oneof(
  fc.constantFrom<unknown>(0, 1, -1, 2, -3000, 3000, 3001, 2000, 2001, 4240, 4242, 7, 999_999, 2 ** 31, 2 ** 53, 1e308, 3000.5, '3000', null, true, [], {}),
  fc.integer({ min: -5, max: 5_000 }),
);
const startLike = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    0,
    -1,
    1,
    '1',
    1e308,
    ...table.map((process) => process.startTime),
    ...table.map((process) => process.startTime + 900),
    ...table.map((process) => process.startTime - 5_000),
  ),
  fc.double(),
);
const commandLike = fc.constantFrom<unknown>(null, 'sleep 4103.5', 'python -m flask run', 'bash', 'node bin/tovrun.js down', '', 5);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const serviceEntry = fc.record(
  {
    name: fc.constantFrom<unknown>('backend', 'frontend', '', 'a\u001b[31m', 5, null),
    pid: pidLike,
    pgid: pidLike,
    port: maybe(fc.constantFrom<unknown>(null, 5001, 0, 70_000, 'x')),
    command: maybe(fc.constantFrom<unknown>(['sleep', '1'], [], 'sleep', [1])),
    cwd: maybe(fc.constantFrom<unknown>('/w', 3, null)),
    startTime: startLike,
    commandLine: commandLike,
  },
  { requiredKeys: [] },
);
const stateValue = fc.record(
  {
    version: fc.constantFrom<unknown>(1, 1, 1, 2, '1', null),
    owner: fc.oneof(fc.record({ pid: pidLike, startTime: startLike, commandLine: commandLike }, { requiredKeys: [] }), fc.constantFrom<unknown>(null, 5, [])),
    services: fc.oneof(fc.array(fc.oneof(serviceEntry, fc.constantFrom<unknown>(null, 5, 'x', [])), { maxLength: 6 }), fc.constantFrom<unknown>(null, {}, 'x')),
  },
  { requiredKeys: [] },
);
const seed = JSON.stringify(
  {
    version: 1,
    owner: { pid: 2000, startTime: bootMs + 20_000, commandLine: 'python -m flask run' },
    services: [{ name: 'backend', pid: 2000, pgid: 2000, port: 5001, command: ['python'], cwd: '/w', startTime: bootMs + 20_000, commandLine: 'x' }],
  },
  null,
  2,
);
/** A well-formed service entry (the shape tovrun writes) whose pid, group, start time and command line are hostile. */
const plausibleService = fc.record({
  name: fc.constantFrom('backend', 'frontend'),
  pid: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(3000, 3001, 2000, 2001, 4240, 4242, 7, 999_999) }, { weight: 1, arbitrary: pidLike }),
  pgid: fc.oneof({ weight: 3, arbitrary: fc.constantFrom<unknown>(0, 1, 3000, 2000, 4240, 999_999, null) }, { weight: 1, arbitrary: pidLike }),
  port: fc.constant(null),
  command: fc.constant(['sleep', '4103.5']),
  cwd: fc.constant('/w'),
  startTime: startLike,
  commandLine: commandLike,
});
const plausibleState = fc.record({
  version: fc.constant(1),
  owner: fc.record({ pid: fc.oneof(fc.constantFrom(3000, 2000, 4240, 4242, 999_999), pidLike), startTime: startLike, commandLine: commandLike }),
  services: fc.array(plausibleService, { maxLength: 4 }),
});
const stateText = fc.oneof(
  plausibleState.map((value) => JSON.stringify(value)),
  plausibleState.map((value) => JSON.stringify(value)),
  stateValue.map((value) => JSON.stringify(value)),
  mutated([seed], fc.constantFrom('0', '1', '-', '.5', 'e9', 'null', '"', ',', '}', ']', '4240', '3000'), 4),
);

/** Whether a recorded start time proves a live process of the table: both known and within a second. */
const proves = (recorded: unknown, process: FakeProcess | undefined) =>
  process !== undefined && typeof recorded === 'number' && Math.abs(recorded - process.startTime) <= 1_000;

/** The signals a state file may cause: -P for a service entry proving the leader P of group P, and P for a proven owner. */
function allowedTargets(text: string): Set<number> {
  const allowed = new Set<number>();
  let value: { owner?: { pid?: unknown; startTime?: unknown }; services?: unknown };
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    return allowed;
  }
  const byPid = (pid: unknown) => table.find((process) => process.pid === pid && pid !== self.pid);
  if (value?.owner && proves(value.owner.startTime, byPid(value.owner.pid))) allowed.add(value.owner.pid as number);
  for (const entry of Array.isArray(value?.services) ? (value.services as { pid?: unknown; pgid?: unknown; startTime?: unknown }[]) : []) {
    const process = byPid(entry?.pid);
    if (process && entry.pgid === process.pid && process.pgid === process.pid && process.pgid !== self.pgid && proves(entry.startTime, process))
      allowed.add(-process.pid);
  }
  return allowed;
}

describe('state.json fuzz', () => {
  it('parseState returns null or only entries with pids above 1, groups they lead and real start times', () => {
    fc.assert(
      fc.property(stateText, (text) => {
        const outcome = guarded('parseState', text, () => parseState(text));
        if (!outcome.ok || outcome.value === null) return;
        const { owner, services } = outcome.value;
        expect(isSignallablePid(owner.pid)).toBe(true);
        for (const service of services) {
          expect(isSignallablePid(service.pid)).toBe(true);
          expect(service.pgid === null || service.pgid === service.pid).toBe(true);
          expect(service.startTime === null || (Number.isFinite(service.startTime) && service.startTime > 0)).toBe(true);
          expect(typeof service.name === 'string' && !/[\u0000-\u001f\u007f-\u009f]/.test(service.name)).toBe(true);
        }
      }),
      params(runs.many),
    );
  });

  it('stopLeftovers never signals what it cannot prove', async () => {
    const stateDir = tempDir('tovrun-state-fuzz-');
    let proven = 0;
    await fc.assert(
      fc.asyncProperty(stateText, fc.constantFrom<'stop' | 'refuse'>('stop', 'refuse'), async (text, liveOwner) => {
        writeFileSync(statePath(stateDir), text);
        const host = processHost(table.map((process) => ({ ...process })));
        await stopLeftovers(stateDir, { host, shutdownTimeoutMs: 10, liveOwner }).catch((error: unknown) => {
          if (liveOwner !== 'refuse') throw error;
        });
        const allowed = allowedTargets(text);
        for (const [target] of host.sent) expect(allowed.has(target), `signalled ${target} for ${text}`).toBe(true);
        proven += host.sent.length;
      }),
      // The seed, a state file tovrun wrote for live processes, is always tried: a random sample of 150 does not always
      // reach a proven case (a CI run once had none).
      { ...params(runs.quick), examples: [[seed, 'stop']] } as fc.Parameters<[string, 'stop' | 'refuse']>,
    );
    // The seed and the generators reach the proven cases, so the property is not passing by never signalling at all.
    expect(proven).toBeGreaterThan(0);
  });
});
