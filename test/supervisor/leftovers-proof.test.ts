import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leftoverLines } from '../../src/supervisor/leftover-lines.js';
import { stopLeftovers } from '../../src/supervisor/leftovers.js';
import { statePath } from '../../src/supervisor/state-file.js';
import { bootMs, type FakeProcess, processHost } from '../os/fake-processes.js';
import { tempDir } from './support.js';

// tovrun itself (pid 4242 in group 4240), a victim that tovrun never started, and a leftover it did start.
const self: FakeProcess = { pid: 4242, pgid: 4240, startTime: bootMs + 90_000, commandLine: 'node bin/tovrun.js down' };
const victim: FakeProcess = { pid: 3000, pgid: 3000, startTime: bootMs + 50_000, commandLine: 'sleep 4103.5' };
const leftover: FakeProcess = { pid: 2000, pgid: 2000, startTime: bootMs + 20_000, commandLine: 'python -m flask run' };
const deadOwner = { pid: 999_999, startTime: bootMs + 10_000, commandLine: 'node bin/tovrun.js' };

function service(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    name: 'backend',
    pid: leftover.pid,
    pgid: leftover.pgid,
    port: 5001,
    command: ['python', '-m', 'flask', 'run'],
    cwd: '/w',
    startTime: leftover.startTime,
    commandLine: leftover.commandLine,
    ...overrides,
  };
}

async function down(services: Record<string, unknown>[], owner: Record<string, unknown> = deadOwner, liveOwner: 'stop' | 'refuse' = 'stop') {
  const stateDir = tempDir();
  writeFileSync(statePath(stateDir), JSON.stringify({ version: 1, owner, services }));
  const host = processHost([self, victim, leftover]);
  const report = await stopLeftovers(stateDir, { host, shutdownTimeoutMs: 100, liveOwner });
  return { host, report, lines: leftoverLines(report, 100) };
}

describe('stopLeftovers signals only what it proves', () => {
  it('stops a leftover whose start time matches, through the group it leads', async () => {
    const { host, report } = await down([service({})]);
    expect(host.sent).toEqual([[-2000, 'SIGTERM']]);
    expect(report.stopped).toMatchObject([{ name: 'backend', pid: 2000, forced: false }]);
  });

  it('never signals every process for "pgid": 1, and says why it ignored the entry', async () => {
    const { host, lines } = await down([service({ pgid: 1 })]);
    expect(host.sent).toEqual([]);
    expect(lines).toEqual(['ignored backend in .tovrun/state.json: its process group 1 is not a process id above 1\n']);
  });

  it('never signals its own process group for "pgid": 0 or for the group it runs in', async () => {
    for (const pgid of [0, self.pgid, -3000]) {
      const { host, report } = await down([service({ pgid })]);
      expect(host.sent).toEqual([]);
      expect(report.unproven).toHaveLength(1);
    }
    const { host, lines } = await down([service({ pid: self.pgid, pgid: self.pgid, startTime: null })]);
    expect(host.sent).toEqual([]);
    expect(lines).toEqual([`ignored backend in .tovrun/state.json: process group ${self.pgid} is this tovrun's own\n`]);
  });

  it('never signals another live group through a dead pid recorded with that group', async () => {
    const { host, lines } = await down([service({ pid: 2999, pgid: victim.pgid })]);
    expect(host.sent).toEqual([]);
    expect(lines).toEqual([
      'ignored backend in .tovrun/state.json: its process group 3000 is not the one it leads (tovrun starts every service as the leader of group 2999)\n',
    ]);
  });

  it('leaves a group alone once its leader is gone: a group id alone proves nothing', async () => {
    const host = processHost([self, { ...victim, pid: 3001 }]);
    const stateDir = tempDir();
    writeFileSync(statePath(stateDir), JSON.stringify({ version: 1, owner: deadOwner, services: [service({ pid: 3000, pgid: 3000 })] }));
    const report = await stopLeftovers(stateDir, { host, shutdownTimeoutMs: 100, liveOwner: 'stop' });
    expect(host.sent).toEqual([]);
    expect(leftoverLines(report, 100)).toEqual([
      'left process group 3000 alone: could not prove it is the rest of backend (its main process (pid 3000) has exited, and a group id alone is no proof; see `pgrep -g 3000`)\n',
    ]);
  });

  it('never signals a service or an owner recorded without a start time, whatever its command line', async () => {
    const { host, report, lines } = await down([service({ pid: victim.pid, pgid: victim.pgid, startTime: null, commandLine: victim.commandLine })], {
      pid: victim.pid,
      startTime: null,
      commandLine: victim.commandLine,
    });
    expect(host.sent).toEqual([]);
    expect(report.ownerStopped).toBeNull();
    expect(lines).toEqual([
      'left pid 3000 alone: could not prove it is the tovrun that wrote .tovrun/state.json (no start time was recorded for it, and a matching command line is no proof)\n',
      'left pid 3000 alone: could not prove it is the backend tovrun started (no start time was recorded for it, and a matching command line is no proof)\n',
    ]);
  });

  it('does not refuse a new run over an owner it cannot prove', async () => {
    const { host, report } = await down([], { pid: victim.pid, startTime: null, commandLine: victim.commandLine }, 'refuse');
    expect(host.sent).toEqual([]);
    expect(report.unproven).toHaveLength(1);
  });

  it('asks a proven owner to stop with SIGTERM to its pid only', async () => {
    const { host, report } = await down([], { pid: victim.pid, startTime: victim.startTime, commandLine: 'anything' });
    expect(host.sent).toEqual([[3000, 'SIGTERM']]);
    expect(report.ownerStopped).toBe(3000);
  });

  it('spares a pid whose start time differs, as another program', async () => {
    const { host, report } = await down([
      service({ pid: victim.pid, pgid: victim.pgid, startTime: victim.startTime - 60_000, commandLine: victim.commandLine }),
    ]);
    expect(host.sent).toEqual([]);
    expect(report.spared).toEqual([{ name: 'backend', pid: 3000, commandLine: 'sleep 4103.5' }]);
  });
});
