// Windows has no process groups: while services run, tovrun records their descendants (pid and start time) in the state
// file, so that `tovrun down` can prove and stop them after a crash (see leftovers-windows.test.ts).
import { describe, expect, it } from 'vitest';
import type { LaunchedProcess, ProcessLauncher } from '../../src/os/launcher.js';
import { DescendantRecord } from '../../src/supervisor/descendant-record.js';
import { readState } from '../../src/supervisor/state-file.js';
import { Supervisor } from '../../src/supervisor/supervisor.js';
import { fakeHost } from '../os/fake-host.js';
import { windowsHost } from '../os/fake-windows.js';
import { eventually, MemorySink, nodeLaunch, tempDir } from './support.js';

const t0 = Date.parse('2026-12-03T20:00:00Z');

describe('DescendantRecord', () => {
  it('keeps the live descendants of each running service, and says when they changed', async () => {
    const host = windowsHost([
      { pid: 2000, ppid: 900, startTime: t0 },
      { pid: 2100, ppid: 2000, startTime: t0 + 1_000 },
    ]);
    let changes = 0;
    const record = new DescendantRecord(
      host,
      () => [{ pid: 2000, startTime: t0 }],
      () => (changes += 1),
    );
    await record.refresh();
    expect(record.of(2000)).toEqual([{ pid: 2100, startTime: t0 + 1_000 }]);
    await record.refresh();
    expect(changes).toBe(1);
    host.table.set(2200, { pid: 2200, ppid: 2100, startTime: t0 + 3_000 });
    await record.refresh();
    expect(record.of(2000)).toEqual([
      { pid: 2100, startTime: t0 + 1_000 },
      { pid: 2200, startTime: t0 + 3_000 },
    ]);
    expect(changes).toBe(2);
    // The service's own process has exited: its last record stays, since its descendants may still run.
    host.table.delete(2000);
    await record.refresh();
    expect(record.of(2000)).toHaveLength(2);
  });

  it('reads nothing off Windows', async () => {
    const host = fakeHost();
    const record = new DescendantRecord(
      host,
      () => [{ pid: 2000, startTime: t0 }],
      () => undefined,
    );
    record.start(10, 10);
    await new Promise((resolve) => setTimeout(resolve, 60));
    record.stop();
    expect(host.execCalls).toEqual([]);
  });
});

describe('Supervisor on Windows', () => {
  it('writes each service’s descendants into the state file while it runs', async () => {
    const host = windowsHost([
      { pid: 2000, ppid: 4242, startTime: t0 },
      { pid: 2100, ppid: 2000, startTime: t0 + 1_000 },
    ]);
    const launched: LaunchedProcess = { pid: 2000, pgid: null, exit: new Promise(() => undefined), drain: async () => undefined };
    const launcher: ProcessLauncher = { launch: async () => launched };
    const stateDir = tempDir();
    const supervisor = new Supervisor({ stateDir, shutdownTimeoutMs: 100, sink: new MemorySink(), host, launcher });
    supervisor.start([nodeLaunch('backend', 'forever.js')]);
    const service = await eventually(() => readState(stateDir)?.services.find((each) => each.descendants !== undefined));
    expect(service).toMatchObject({ name: 'backend', pid: 2000, startTime: t0, descendants: [{ pid: 2100, startTime: t0 + 1_000 }] });
    host.table.clear();
    supervisor.forceStop();
  });
});
