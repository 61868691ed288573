// Real tmux: services in titled panes on real terminals, driven with send-keys and read with capture-pane; `tovrun down`,
// Ctrl-C in tovrun's pane, and closing the window leave no process and no tmux session behind. Every tmux server here is
// a dedicated one (-L), killed after each test.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logFilePath } from '../../src/panes/log-files.js';
import { dedicatedServer } from '../../src/panes/tmux/tmux-session.js';
import type { RunStatus } from '../../src/supervisor/service-status.js';
import { harnessPath, logProbe, type PlannedService, planWorkspace, startHarness } from '../fixtures/panes/harness.js';
import { eventually } from '../supervisor/support.js';
import { pollUntil, processesUnder, runCli } from '../support/processes.js';
import { tmux } from '../support/tmux-terminal.js';

const usedServers: string[] = [];
const harnesses: ReturnType<typeof startHarness>[] = [];

afterEach(async () => {
  for (const harness of harnesses.splice(0)) harness.child.kill('SIGKILL');
  for (const server of usedServers.splice(0)) {
    await tmux(server, ['kill-server']);
    // tmux leaves its socket file behind when its server exits.
    rmSync(path.join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, server), { force: true });
  }
});

/** pane id → title, for every pane of the server. */
async function paneTitles(server: string): Promise<Map<string, string>> {
  const { stdout } = await tmux(server, ['list-panes', '-a', '-F', '#{pane_id} #{pane_title}']);
  return new Map(
    stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ', 2) as [string, string]),
  );
}

async function paneOf(server: string, title: string): Promise<string> {
  return eventually(async () => [...(await paneTitles(server))].find(([, each]) => each === title)?.[0]);
}

async function screen(server: string, pane: string): Promise<string> {
  return (await tmux(server, ['capture-pane', '-p', '-J', '-t', pane])).stdout;
}

const echoServices: PlannedService[] = [
  { name: 'alpha', script: 'panes/tty-echo.js', args: ['alpha'], probe: logProbe('alpha tty') },
  { name: 'beta', script: 'panes/tty-echo.js', args: ['beta'], probe: logProbe('beta tty') },
];

/** The environment of a process started outside any tmux. */
function outsideTmux(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.TMUX;
  delete env.TMUX_PANE;
  return env;
}

/** Nothing of the workspace runs and the server has no session left. */
async function allGone(root: string, server: string): Promise<boolean> {
  return pollUntil(async () => processesUnder(root).length === 0 && (await tmux(server, ['list-sessions'])).code !== 0, 15_000);
}

describe('tmux panes (real tmux)', () => {
  // Once flaky: the db log follower's agent died of EIO (SIGWINCH as tmux killed its pane) and left its child; the agent
  // now stops its child when its terminal goes, and tovrun waits for the agents before closing the panes.
  it('outside tmux: a detached session with one titled pane per service on a real terminal; restart reuses the pane; down leaves nothing', {
    timeout: 60_000,
  }, async () => {
    const { root, planFile } = planWorkspace('tmux', echoServices, ['db']);
    const server = (dedicatedServer(root) as { socketName: string }).socketName;
    usedServers.push(server);
    const harness = startHarness(planFile, outsideTmux());
    harnesses.push(harness);
    await eventually(() => harness.output().includes('Ready:'), 20_000);
    expect(harness.output()).toContain(
      `the services run in tmux session tovrun-${path.basename(root)}; attach with \`tmux -L ${server} attach -t tovrun-${path.basename(root)}\``,
    );

    expect([...(await paneTitles(server)).values()].sort()).toEqual(['alpha', 'beta', 'db']);
    await eventually(async () => (await screen(server, await paneOf(server, 'db'))).includes('db log line with ********'));
    expect((await tmux(server, ['show-options', '-w', '-t', `tovrun-${path.basename(root)}`, 'pane-border-status'])).stdout.trim()).toBe(
      'pane-border-status top',
    );
    const alpha = await paneOf(server, 'alpha');
    expect(await screen(server, alpha)).toMatch(/^alpha tty=true pid=\d+ secret=hunter2-secret$/m);
    expect(await screen(server, await paneOf(server, 'beta'))).toMatch(/^beta tty=true/m);

    await tmux(server, ['send-keys', '-t', alpha, 'typed into the pane', 'Enter']);
    await eventually(async () => (await screen(server, alpha)).includes('alpha got typed into the pane'));
    await eventually(() => readFileSync(logFilePath(path.join(root, '.tovrun'), 'alpha'), 'utf8').includes('alpha got typed into the pane'));
    const log = readFileSync(logFilePath(path.join(root, '.tovrun'), 'alpha'), 'utf8');
    expect(log).toContain('secret=********');
    expect(log).not.toContain('hunter2');

    const status = JSON.parse((await runCli(root, ['status', '--json'])).output) as RunStatus;
    expect(status).toMatchObject({
      panes: 'tmux',
      services: [
        { name: 'alpha', ready: true },
        { name: 'beta', ready: true },
      ],
    });
    const restart = await runCli(root, ['restart', 'beta']);
    expect(restart.output).toMatch(new RegExp(`^restarted beta: pid ${status.services[1]?.pid} → \\d+, ready in`));
    expect((await paneTitles(server)).size).toBe(3);
    expect(await screen(server, await paneOf(server, 'beta'))).toMatch(/\[tovrun\] beta was killed by SIGTERM; this pane stays open until tovrun stops\./);

    const down = await runCli(root, ['down']);
    expect(down.code).toBe(0);
    expect(down.output).toContain(`stopped the tovrun still running here (pid ${harness.child.pid})`);
    expect(await harness.exited).toBe(0);
    const gone = await allGone(root, server);
    // On failure, say what is left: processes of the workspace and tmux sessions.
    expect(gone ? [] : [...processesUnder(root).map((process) => process.command), (await tmux(server, ['list-sessions'])).stdout]).toEqual([]);
  });

  it('inside tmux: panes beside tovrun in its window; Ctrl-C in tovrun’s pane stops everything', async () => {
    const { root, planFile } = planWorkspace('auto', echoServices);
    const server = `tovrun-e2e-${process.pid}-inside`;
    usedServers.push(server);
    await tmux(server, ['new-session', '-d', '-s', 'main', '-x', '200', '-y', '50', '-c', root, process.execPath, harnessPath, planFile], outsideTmux());
    const tovrunPane = (await tmux(server, ['display-message', '-p', '-t', 'main', '#{pane_id}'])).stdout.trim();
    await eventually(async () => (await screen(server, tovrunPane)).includes('Ready:'), 20_000);
    const titles = await paneTitles(server);
    expect([...titles.values()].sort()).toEqual(['alpha', 'beta', 'tovrun']);
    expect(titles.get(tovrunPane)).toBe('tovrun');
    expect((await tmux(server, ['list-windows', '-a'])).stdout.trim().split('\n')).toHaveLength(1);
    expect(await screen(server, await paneOf(server, 'alpha'))).toMatch(/^alpha tty=true/m);

    await tmux(server, ['send-keys', '-t', tovrunPane, 'C-c']);
    expect(await allGone(root, server)).toBe(true);
  }, 30_000);

  it('inside tmux: closing the window stops every process', async () => {
    const { root, planFile } = planWorkspace('tmux', [{ name: 'svc', script: 'procs/spawn-grandchild.js', probe: logProbe('forever') }]);
    const server = `tovrun-e2e-${process.pid}-window`;
    usedServers.push(server);
    await tmux(server, ['new-session', '-d', '-s', 'main', '-x', '200', '-y', '50', '-c', root, process.execPath, harnessPath, planFile], outsideTmux());
    await eventually(async () => (await screen(server, 'main')).includes('Ready:'), 20_000);
    expect(processesUnder(root).length).toBeGreaterThanOrEqual(3);
    await tmux(server, ['kill-window', '-t', 'main']);
    expect(await allGone(root, server)).toBe(true);
  }, 30_000);

  it('outside tmux on a terminal: tovrun runs in the first pane of a new session and attaches; down ends it all', async () => {
    const { root, planFile } = planWorkspace('tmux', [echoServices[0] as PlannedService]);
    const outer = `tovrun-e2e-${process.pid}-terminal`;
    const inner = (dedicatedServer(root) as { socketName: string }).socketName;
    usedServers.push(outer, inner);
    // The outer pane is a terminal outside any tmux as far as tovrun can tell ($TMUX unset), as a user's terminal would be.
    const command = ['env', '-u', 'TMUX', '-u', 'TMUX_PANE', process.execPath, harnessPath, planFile];
    await tmux(outer, ['new-session', '-d', '-s', 'term', '-x', '200', '-y', '50', '-c', root, ...command], outsideTmux());
    const tovrunPane = await eventually(async () => [...(await paneTitles(inner))].find(([, title]) => title === 'tovrun')?.[0], 20_000);
    await eventually(async () => (await screen(inner, tovrunPane)).includes('Ready:'), 20_000);
    expect([...(await paneTitles(inner)).values()].sort()).toEqual(['alpha', 'tovrun']);
    expect(await screen(outer, 'term')).toContain('alpha tty=true');
    expect((await runCli(root, ['down'])).code).toBe(0);
    expect(await allGone(root, inner)).toBe(true);
    expect(await pollUntil(async () => (await tmux(outer, ['list-sessions'])).code !== 0, 5_000)).toBe(true);
  }, 40_000);
});
