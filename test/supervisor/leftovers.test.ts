import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FailedError } from '../../src/errors.js';
import { realHost } from '../../src/os/host.js';
import { processIdentity } from '../../src/os/process-table.js';
import { readPanesFile, writePanesFile } from '../../src/panes/panes-file.js';
import { closeLeftoverPanes } from '../../src/panes/tmux/close-recorded.js';
import { statePath, stopLeftovers } from '../../src/supervisor/index.js';
import { leftoverLines } from '../../src/supervisor/leftover-lines.js';
import { type RecordedService, writeState } from '../../src/supervisor/state-file.js';
import { eventually, fakeHost, fixture, isProcessAlive, tempDir } from './support.js';

const host = realHost();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.pid) host.signal(child.pid, 'SIGKILL');
});

function start(file: string, args: string[], detached = false): ChildProcess {
  const child = spawn(file, args, { detached, stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  return child;
}

async function record(name: string, child: ChildProcess, overrides: Partial<RecordedService> = {}): Promise<RecordedService> {
  const pid = child.pid ?? 0;
  const identity = await eventually(() => processIdentity(host, pid).then((found) => (found?.commandLine ? found : undefined)));
  const recorded: RecordedService = { name, pid, pgid: pid, port: null, command: child.spawnargs, cwd: process.cwd(), ...identity };
  return Object.assign(recorded, overrides);
}

const deadOwner = { pid: 999_999, startTime: 1, commandLine: 'node bin/tovrun.js' };

describe('stopLeftovers', () => {
  it('stops a true leftover but leaves alone a pid that now belongs to another program', async () => {
    const stateDir = tempDir();
    const leftover = start(process.execPath, [fixture('forever.js')], true);
    const sleeper = start('sleep', ['30']);
    const recycled = await record('backend', sleeper, { startTime: Date.now() - 3_600_000, commandLine: 'python -m flask run' });
    writeState(stateDir, { version: 1, owner: deadOwner, services: [await record('frontend', leftover), recycled] });
    const report = await stopLeftovers(stateDir, { host, shutdownTimeoutMs: 2_000, liveOwner: 'refuse' });
    expect(report.stopped).toMatchObject([{ name: 'frontend', pid: leftover.pid, forced: false }]);
    expect(report.spared).toEqual([{ name: 'backend', pid: sleeper.pid, commandLine: 'sleep 30' }]);
    expect(await isProcessAlive(host, leftover.pid ?? 0)).toBe(false);
    expect(await isProcessAlive(host, sleeper.pid ?? 0)).toBe(true);
    expect(existsSync(statePath(stateDir))).toBe(false);
  });

  it('leaves alone the rest of a process group whose leader is already gone: nothing proves the group is the one recorded', async () => {
    const stateDir = tempDir();
    const leader = start(process.execPath, [fixture('spawn-grandchild.js')], true);
    let output = '';
    leader.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const grandchild = Number(await eventually(() => /grandchild (\d+)/.exec(output)?.[1]));
    writeState(stateDir, { version: 1, owner: deadOwner, services: [await record('svc', leader)] });
    host.signal(leader.pid ?? 0, 'SIGKILL');
    await eventually(async () => !(await isProcessAlive(host, leader.pid ?? 0)));
    try {
      const report = await stopLeftovers(stateDir, { host, shutdownTimeoutMs: 2_000, liveOwner: 'refuse' });
      expect(report.stopped).toEqual([]);
      expect(report.unproven).toMatchObject([{ target: `process group ${leader.pid}`, claim: 'the rest of svc' }]);
      expect(await isProcessAlive(host, grandchild)).toBe(true);
    } finally {
      host.signal(-(leader.pid ?? 0), 'SIGKILL');
    }
  });

  it('refuses to start over a tovrun that still runs, and stops it for down', async () => {
    const stateDir = tempDir();
    const owner = start('sleep', ['30']);
    const ownerRecord = await record('owner', owner);
    writeState(stateDir, { version: 1, owner: { pid: ownerRecord.pid, startTime: ownerRecord.startTime, commandLine: ownerRecord.commandLine }, services: [] });
    await expect(stopLeftovers(stateDir, { host, shutdownTimeoutMs: 1_000, liveOwner: 'refuse' })).rejects.toThrow(FailedError);
    expect(existsSync(statePath(stateDir))).toBe(true);
    const report = await stopLeftovers(stateDir, { host, shutdownTimeoutMs: 1_000, liveOwner: 'stop' });
    expect(report.ownerStopped).toBe(owner.pid);
    expect(await isProcessAlive(host, owner.pid ?? 0)).toBe(false);
  });

  it('reports nothing when no state was recorded', async () => {
    expect(await stopLeftovers(tempDir(), { host, shutdownTimeoutMs: 1_000, liveOwner: 'refuse' })).toEqual({
      stopped: [],
      spared: [],
      unproven: [],
      ownerStopped: null,
      closedPanes: null,
    });
  });

  it('closes the tmux session a dead tovrun recorded in panes.json, through tmux on its server', async () => {
    const stateDir = tempDir();
    writePanesFile(stateDir, { version: 1, ownerPid: 999_999, server: { socketName: 'tovrun-test' }, session: 'tovrun-w', panes: ['%0'] });
    const fake = fakeHost({ pid: 5, signal: () => false });
    const report = await stopLeftovers(stateDir, { host: fake, shutdownTimeoutMs: 1_000, liveOwner: 'refuse', closePanes: closeLeftoverPanes });
    expect(fake.execCalls.filter(([file]) => file === 'tmux')).toEqual([['tmux', ['-L', 'tovrun-test', 'kill-session', '-t', '=tovrun-w']]]);
    expect(report.closedPanes).toBe('closed tmux session tovrun-w');
    expect(leftoverLines(report, 1_000)).toEqual(['closed tmux session tovrun-w\n']);
    expect(readPanesFile(stateDir)).toBeNull();
  });

  it('leaves panes.json alone when the caller gives no closePanes (supervisor does not know about tmux)', async () => {
    const stateDir = tempDir();
    writePanesFile(stateDir, { version: 1, ownerPid: 999_999, server: { socketName: 'tovrun-test' }, session: 'tovrun-w', panes: ['%0'] });
    const fake = fakeHost({ pid: 5, signal: () => false });
    const report = await stopLeftovers(stateDir, { host: fake, shutdownTimeoutMs: 1_000, liveOwner: 'stop' });
    expect(report.closedPanes).toBeNull();
    expect(fake.execCalls.filter(([file]) => file === 'tmux')).toEqual([]);
    expect(readPanesFile(stateDir)).not.toBeNull();
  });
});
