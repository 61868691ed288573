// The pane agent in a fake pane (its terminal, signals and exit hook are fakes) with real services and a real socket
// answered by the test as tovrun: however the pane goes away, the agent stops its service's whole tree first.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { LineConnection } from '../../../src/control/line-connection.js';
import { type Host, realHost } from '../../../src/os/host.js';
import { type AgentEffects, connectLines } from '../../../src/panes/agent/agent-effects.js';
import { type AgentOrder, parseAgentReport } from '../../../src/panes/agent/messages.js';
import { runPaneAgent } from '../../../src/panes/agent/pane-agent.js';
import { fakeHost } from '../../os/fake-host.js';
import { eventually, fixture, isProcessAlive, tempDir } from '../../supervisor/support.js';

const host = realHost();

/** A pane's terminal that keeps what is written and, like a tty stream, reports its loss as an 'error' event. */
class FakeTerminal extends EventEmitter {
  written = '';

  write(data: string | Uint8Array): boolean {
    this.written += String(data);
    return true;
  }

  /** What Node's stdout emits on SIGWINCH once the pane's terminal has gone. */
  lose(): void {
    this.emit('error', Object.assign(new Error('getWindowSize EIO'), { code: 'EIO', errno: -5, syscall: 'getWindowSize' }));
  }
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts an agent in a fake pane and accepts its connection as tovrun would. */
async function agentInPane(agentHost: Host = host, overrides: Partial<AgentEffects> = {}) {
  const socket = path.join(tempDir('tovrun-agent-'), 'control.sock');
  const server = net.createServer();
  const accepted = new Promise<LineConnection>((resolve) => server.once('connection', (client) => resolve(new LineConnection(client))));
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  const pane = { stdout: new FakeTerminal(), stderr: new FakeTerminal(), signals: new EventEmitter(), exitHooks: new Set<() => void>() };
  const effects: AgentEffects = {
    host: agentHost,
    stdout: pane.stdout,
    stderr: pane.stderr,
    stdin: new PassThrough(),
    signals: pane.signals,
    spawn: (file, args, options) => spawn(file, args, options),
    connect: connectLines,
    onExit: (listener) => {
      pane.exitHooks.add(listener);
      return () => pane.exitHooks.delete(listener);
    },
    ...overrides,
  };
  let finished: number | null = null;
  const agent = runPaneAgent({ socket, ticket: 'ticket' }, effects).then((code) => (finished = code));
  const tovrun = await accepted;
  cleanups.push(
    () => agent,
    () => tovrun.destroy(),
  );
  const lines: string[] = [];
  tovrun.onLine((line) => lines.push(line));
  return { pane, tovrun, lines, finished: () => finished };
}

/** The pid of the service the agent reported started (waited for). */
function startedPid(lines: readonly string[]): Promise<number> {
  return eventually(() => {
    const report = lines.map(parseAgentReport).find((each) => each?.type === 'started');
    return report?.type === 'started' ? report.pid : undefined;
  });
}

/** Has the agent run spawn-grandchild.js (output relayed); resolves with the service's pid and its grandchild's. */
async function startTree(agent: Awaited<ReturnType<typeof agentInPane>>): Promise<number[]> {
  const order: AgentOrder = {
    type: 'spawn',
    service: 'svc',
    file: process.execPath,
    args: [fixture('spawn-grandchild.js')],
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '' },
    output: 'relay',
  };
  agent.tovrun.send(order);
  const pids = await eventually(() => {
    const reports = agent.lines.map(parseAgentReport);
    const started = reports.find((report) => report?.type === 'started');
    const printed = reports.flatMap((report) => (report?.type === 'output' ? report.lines : [])).join('\n');
    const grandchild = /^grandchild (\d+)$/m.exec(printed)?.[1];
    return started?.type === 'started' && grandchild ? [started.pid, Number(grandchild)] : undefined;
  });
  // Should an assertion fail, nothing is left running.
  cleanups.push(() => host.signal(-(pids[0] ?? 0), 'SIGKILL'));
  return pids;
}

async function allStopped(pids: number[]): Promise<boolean> {
  return (await Promise.all(pids.map((pid) => isProcessAlive(host, pid)))).every((alive) => !alive);
}

describe.skipIf(process.platform === 'win32')('pane agent losing its pane', () => {
  it.each(['stdout', 'stderr'] as const)('its terminal gone (getWindowSize EIO on %s): stops the service’s tree, then leaves', async (stream) => {
    const agent = await agentInPane();
    const pids = await startTree(agent);
    agent.pane[stream].lose();
    await eventually(() => agent.finished() === 0);
    expect(await allStopped(pids)).toBe(true);
    // The agent destroys its end before it finishes; tovrun's end learns it on a later turn of the event loop.
    expect(await eventually(() => agent.tovrun.isClosed)).toBe(true);
    expect(agent.pane.exitHooks.size).toBe(0);
    // A terminal failing again after the agent left changes nothing (and throws nothing).
    agent.pane.stdout.lose();
    agent.pane.stderr.lose();
  });

  it('SIGHUP (its pane was killed): stops the service’s tree, then leaves', async () => {
    const agent = await agentInPane();
    const pids = await startTree(agent);
    agent.pane.signals.emit('SIGHUP');
    await eventually(() => agent.finished() === 0);
    expect(await allStopped(pids)).toBe(true);
  });

  it('its process exiting while the service runs (an uncaught error): the service’s tree is killed at once', async () => {
    const agent = await agentInPane();
    const pids = await startTree(agent);
    for (const hook of agent.pane.exitHooks) hook();
    await eventually(() => allStopped(pids));
  });

  it('closed by tovrun: its connection closes only once the service’s tree has stopped', async () => {
    const agent = await agentInPane();
    const pids = await startTree(agent);
    const stoppedAtClose = new Promise<boolean>((resolve) => agent.tovrun.onClose(() => void allStopped(pids).then(resolve)));
    agent.tovrun.send({ type: 'close' } satisfies AgentOrder);
    expect(await stoppedAtClose).toBe(true);
    await eventually(() => agent.finished() === 0);
  });
});

// On Windows libuv puts every child spawned without `detached` into a job object created with
// JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE (libuv src/win/process.c, uv__init_global_job_handle; Microsoft:
// "JOBOBJECT_BASIC_LIMIT_INFORMATION", https://learn.microsoft.com/windows/win32/api/winnt/ns-winnt-jobobject_basic_limit_information),
// so a taskkill started as a plain child by an exiting agent dies with it. Node: "On Windows, setting options.detached to
// true makes it possible for the child process to continue running after the parent exits"
// (https://nodejs.org/api/child_process.html#optionsdetached).
describe('pane agent exiting on Windows', () => {
  it('starts its taskkill /T /F detached and unreferenced, so the kill outlives the agent', async () => {
    const started: { file: string; args: string[]; options: SpawnOptions; unref: boolean }[] = [];
    const windows = fakeHost({
      platform: 'win32',
      signal: (pid, signal) => host.signal(pid, signal),
      spawn: (file, args, options) => {
        const entry = { file, args, options, unref: false };
        started.push(entry);
        return Object.assign(new EventEmitter(), { unref: () => (entry.unref = true) }) as unknown as ChildProcess;
      },
    });
    // As on Windows: C:\node\node.exe is the program, found by its path; the real node runs it here.
    const agent = await agentInPane(windows, {
      isFile: (file) => file === 'C:\\node\\node.exe',
      spawn: (_file, args, options) => spawn(process.execPath, args, options),
    });
    agent.tovrun.send({
      type: 'spawn',
      service: 'svc',
      file: 'C:\\node\\node.exe',
      args: [fixture('forever.js')],
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '' },
      output: 'relay',
    } satisfies AgentOrder);
    const pid = await startedPid(agent.lines);
    cleanups.push(() => host.signal(pid, 'SIGKILL'));
    for (const hook of agent.pane.exitHooks) hook();
    expect(started).toEqual([
      { file: 'taskkill', args: ['/T', '/F', '/PID', String(pid)], options: expect.objectContaining({ detached: true, stdio: 'ignore' }), unref: true },
    ]);
  });
});

// Node: .bat and .cmd files cannot be spawned without a shell on Windows (EINVAL since CVE-2024-27980; "Spawning .bat
// and .cmd files on Windows", https://nodejs.org/api/child_process.html#spawning-bat-and-cmd-files-on-windows), and
// libuv's path search tries only .com and .exe: the agent starts services through the one spawn path (os/spawn-command.ts).
describe('pane agent on Windows', () => {
  it('starts an npm-style .cmd service through cmd.exe, found with PATHEXT on PATH', async () => {
    const started: { file: string; args: string[]; verbatim: boolean | undefined }[] = [];
    const windows = fakeHost({ platform: 'win32', signal: (pid, signal) => host.signal(pid, signal) });
    const agent = await agentInPane(windows, {
      isFile: (file) => file.toLowerCase() === 'c:\\node\\npm.cmd',
      spawn: (file, args, options) => {
        started.push({ file, args, verbatim: options.windowsVerbatimArguments });
        return spawn(process.execPath, [fixture('forever.js')], { ...options, cwd: process.cwd(), windowsVerbatimArguments: false });
      },
    });
    agent.tovrun.send({
      type: 'spawn',
      service: 'web',
      file: 'npm',
      args: ['run', 'dev'],
      cwd: 'C:\\work',
      env: { PATH: 'C:\\node', PATHEXT: '.COM;.EXE;.BAT;.CMD', ComSpec: 'C:\\Windows\\system32\\cmd.exe' },
      output: 'relay',
    } satisfies AgentOrder);
    const pid = await startedPid(agent.lines);
    cleanups.push(() => host.signal(pid, 'SIGKILL'));
    expect(started).toHaveLength(1);
    expect(started[0]?.file.toLowerCase()).toMatch(/cmd(\.exe)?$/);
    expect(started[0]?.args.join(' ')).toMatch(/^\/d \/s \/c ".*npm\.cmd.* .*run.* .*dev.*"$/);
    expect(started[0]?.verbatim).toBe(true);
  });
});
