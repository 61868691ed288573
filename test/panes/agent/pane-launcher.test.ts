// The pane launcher with real agents (bin/tovrun.js __pane-agent) in fake "panes": plain child processes, their output piped
// into the pipe agent as tmux pipe-pane would, or relayed by the agent as on Windows.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { realHost } from '../../../src/os/host.js';
import { AgentHub } from '../../../src/panes/agent/hub.js';
import { PaneLauncher, type PaneOpener, type PaneRequest } from '../../../src/panes/agent/pane-launcher.js';
import { type ControlServer, startControlServer } from '../../../src/supervisor/control/server.js';
import { Supervisor } from '../../../src/supervisor/index.js';
import { eventually, isProcessAlive, MemorySink, nodeLaunch, tempDir } from '../../supervisor/support.js';
import { cliPath } from '../../support/processes.js';

const host = realHost();

/** Opens a "pane" as a child process; with pipesOutput, its stdout feeds the pipe agent like tmux pipe-pane. */
class ProcessOpener implements PaneOpener {
  readonly panes: { request: PaneRequest; agent: ChildProcess; screen: () => string }[] = [];
  /** Called when asked to close the panes. */
  closing: () => Promise<void> = async () => undefined;

  constructor(readonly pipesOutput: boolean) {}

  async open(request: PaneRequest): Promise<void> {
    const [file = '', ...args] = request.command;
    const agent = spawn(file, args, { cwd: request.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let screen = '';
    agent.stderr?.on('data', (chunk: Buffer) => (screen += chunk.toString()));
    if (request.pipeCommand) {
      const [pipeFile = '', ...pipeArgs] = request.pipeCommand;
      const pipe = spawn(pipeFile, pipeArgs, { stdio: ['pipe', 'ignore', 'inherit'] });
      // Closing the pane's pipe first (as tovrun does) may leave the agent's last output nowhere to go.
      pipe.stdin?.on('error', () => undefined);
      agent.stdout?.on('data', (chunk: Buffer) => {
        screen += chunk.toString();
        pipe.stdin?.write(chunk);
      });
      agent.once('exit', () => pipe.stdin?.end());
    } else {
      agent.stdout?.on('data', (chunk: Buffer) => (screen += chunk.toString()));
    }
    this.panes.push({ request, agent, screen: () => screen });
  }

  close(): Promise<void> {
    return this.closing();
  }
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function run(
  pipesOutput: boolean,
): Promise<{ supervisor: Supervisor; sink: MemorySink; opener: ProcessOpener; launcher: PaneLauncher; control: ControlServer }> {
  const root = tempDir('tovrun-panes-');
  const control = await startControlServer({ root, stateDir: path.join(root, '.tovrun') });
  const opener = new ProcessOpener(pipesOutput);
  const launcher = new PaneLauncher({ hub: AgentHub.on(control), opener, program: { nodePath: process.execPath, cliPath }, platform: process.platform });
  const sink = new MemorySink();
  const supervisor = new Supervisor({ stateDir: path.join(root, '.tovrun'), shutdownTimeoutMs: 1_000, sink, launcher });
  control.serve(supervisor, pipesOutput ? 'tmux' : 'windows');
  cleanups.push(
    () => control.close(),
    () => launcher.close(),
    () => supervisor.forceStop(),
  );
  return { supervisor, sink, opener, launcher, control };
}

const logProbe = (pattern: string) => ({ probe: { kind: 'log' as const, pattern, timeoutMs: 10_000 } });

describe('PaneLauncher with real agents', () => {
  it('inherit + pipe (tmux): pids are the services themselves, output reaches probes and logs, the exit line stays in the pane only', async () => {
    const { supervisor, sink, opener } = await run(true);
    supervisor.start([nodeLaunch('steady', 'forever.js', [], logProbe('^forever')), nodeLaunch('crashy', 'crash.js', ['3'])]);
    expect(await supervisor.waitReady()).toHaveLength(2);
    const steady = supervisor.status().find((service) => service.name === 'steady');
    expect(sink.textsOf('steady')).toEqual([`forever ${steady?.pid}`]);
    await eventually(() => sink.textsOf('crashy').length > 0 && supervisor.status().find((service) => service.name === 'crashy')?.state === 'failed');
    expect(sink.textsOf('crashy')).toEqual([expect.stringMatching(/^crashing \d+$/)]);
    await eventually(() => opener.panes[1]?.screen().includes('[tovrun] crashy exited with code 3; this pane stays open until tovrun stops.'));
    const outcome = await supervisor.stop();
    expect(outcome.services.find((service) => service.name === 'crashy')).toMatchObject({ failed: true, code: 3 });
    expect(await isProcessAlive(host, steady?.pid ?? 0)).toBe(false);
  });

  it('relay (Windows): the agent relays lines; restart reuses the pane and replaces only that pid', async () => {
    const { supervisor, sink, opener, launcher } = await run(false);
    supervisor.start([nodeLaunch('a', 'forever.js', [], logProbe('^forever')), nodeLaunch('b', 'forever.js', [], logProbe('^forever'))]);
    await supervisor.waitReady();
    const before = supervisor.status();
    const report = await supervisor.restart('a');
    expect(report.previousPid).toBe(before[0]?.pid);
    expect(report.service.pid).not.toBe(before[0]?.pid);
    expect(report.readyMs).not.toBeNull();
    expect(supervisor.status()[1]?.pid).toBe(before[1]?.pid);
    expect(opener.panes).toHaveLength(2);
    expect(await isProcessAlive(host, before[0]?.pid ?? 0)).toBe(false);
    expect(sink.textsOf('a')).toEqual([`forever ${before[0]?.pid}`, `forever ${report.service.pid}`]);
    expect(opener.panes[0]?.screen()).toContain(`forever ${report.service.pid}`);
    await supervisor.stop();
    await launcher.close();
    await eventually(() => opener.panes.every((pane) => pane.agent.exitCode === 0));
  });

  it('close waits until every agent has stopped its process before it closes the panes', async () => {
    const { opener, launcher } = await run(true);
    const receiver = { lines: () => undefined, whenWritable: () => undefined };
    const launched = await Promise.all([
      launcher.launch(nodeLaunch('a', 'forever.js'), receiver),
      launcher.launch(nodeLaunch('b', 'ignore-sigterm.js'), receiver),
    ]);
    await eventually(() => opener.panes.every((pane) => /forever|ignoring/.test(pane.screen())));
    let aliveAtClose: boolean[] = [];
    opener.closing = async () => void (aliveAtClose = await Promise.all(launched.map((each) => isProcessAlive(host, each.pid))));
    await launcher.close();
    expect(aliveAtClose).toEqual([false, false]);
    await eventually(() => opener.panes.every((pane) => pane.agent.exitCode === 0));
  });

  it('when tovrun goes away, each agent stops its service and leaves', async () => {
    const { supervisor, opener, control } = await run(false);
    supervisor.start([nodeLaunch('a', 'forever.js', [], logProbe('^forever'))]);
    await supervisor.waitReady();
    const pid = supervisor.status()[0]?.pid ?? 0;
    await control.close();
    await eventually(async () => !(await isProcessAlive(host, pid)) && opener.panes[0]?.agent.exitCode === 0);
  });

  it('a pane whose agent never connects fails the launch after the timeout', async () => {
    const root = tempDir('tovrun-panes-');
    const control = await startControlServer({ root, stateDir: path.join(root, '.tovrun') });
    const silent: PaneOpener = { pipesOutput: true, open: async () => undefined, close: async () => undefined };
    const launcher = new PaneLauncher({
      hub: AgentHub.on(control),
      opener: silent,
      program: { nodePath: process.execPath, cliPath },
      platform: 'linux',
      connectTimeoutMs: 200,
    });
    cleanups.push(() => control.close());
    const sink = new MemorySink();
    const supervisor = new Supervisor({ stateDir: path.join(root, '.tovrun'), shutdownTimeoutMs: 1_000, sink, launcher });
    supervisor.start([nodeLaunch('lost', 'forever.js')]);
    expect((await supervisor.finished).exitCode).toBe(1);
    expect(sink.notices[0]?.text).toBe('could not start: the pane of lost did not start its tovrun agent within 0.2 s');
  });

  it('a program that cannot start is reported by the agent, with its reason', async () => {
    const { supervisor, sink } = await run(true);
    supervisor.start([nodeLaunch('missing', 'forever.js', [], { file: '/nonexistent/tovrun-program', probe: { kind: 'tcp', port: 1, timeoutMs: 5_000 } })]);
    await expect(supervisor.waitReady()).rejects.toThrow(/^missing could not start: spawn \/nonexistent\/tovrun-program ENOENT/);
    expect(sink.notices[0]?.text).toMatch(/^could not start: spawn \/nonexistent\/tovrun-program ENOENT/);
  });
});
