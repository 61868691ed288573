// The terminal UI (--panes tui) on a real terminal: the built CLI in a tmux pane of a dedicated server, driven with
// send-keys and read with capture-pane, on a workspace of two small `type: command` services on free ports.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { realHost } from '../../src/os/host.js';
import { isProcessAlive } from '../../src/os/process-table.js';
import type { RunStatus } from '../../src/supervisor/service-status.js';
import { eventually, freePort } from '../supervisor/support.js';
import { cliPath, pollUntil, portIsFree, processesUnder, runCli } from '../support/processes.js';
import { exitMarked, startTerminal, type TmuxTerminal, tmux } from '../support/tmux-terminal.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A service printing a marker line, 200 filler lines (so the marker scrolls away), then a tick every 200 ms; it serves HTTP on its port. */
const serviceScript = `const [name, port] = process.argv.slice(2);
require('node:http').createServer((_, res) => res.end('ok')).listen(Number(port), '127.0.0.1', () => {
  console.log(name + ' says marker-' + name + '-42');
  for (let i = 0; i < 200; i += 1) console.log(name + ' filler ' + i + ' \\u001b[32mgreen\\u001b[0m');
  let n = 0;
  setInterval(() => console.log(name + ' tick ' + n++), 200);
});
`;

/** A workspace with services api and web on free ports. */
async function workspace(): Promise<{ root: string; ports: { api: number; web: number } }> {
  const root = mkdtempSync(path.join(tmpdir(), 'tovrun-tui-'));
  const ports = { api: await freePort(), web: await freePort() };
  writeFileSync(path.join(root, 'service.js'), serviceScript);
  const service = (name: 'api' | 'web') => [
    `  ${name}:`,
    '    type: command',
    `    command: node service.js ${name} ${ports[name]}`,
    `    port: ${ports[name]}`,
  ];
  writeFileSync(path.join(root, 'tovrun.yaml'), ['preset: none', 'services:', ...service('api'), ...service('web'), ''].join('\n'));
  return { root, ports };
}

/** Starts tovrun (env: extra variables, e.g. TOVRUN_PANES) in a 120x32 pane; the pane shows TOVRUN-EXIT=<code> after it. */
async function startInTmux(root: string, args: string[], env = ''): Promise<TmuxTerminal> {
  const command = `cd '${root}' && env -u CI -u CONTINUOUS_INTEGRATION -u TMUX -u TMUX_PANE ${env} '${process.execPath}' '${cliPath}' ${args.join(' ')}`;
  const ui = await startTerminal(`tovrun-tui-${process.pid}-${cleanups.length}`, exitMarked(command));
  cleanups.push(async () => {
    await ui.close();
    await pollUntil(() => processesUnder(root).length === 0, 10_000);
    rmSync(root, { recursive: true, force: true });
  });
  return ui;
}

async function status(root: string): Promise<RunStatus> {
  const result = await runCli(root, ['status', '--json']);
  expect(result.code, result.output).toBe(0);
  return JSON.parse(result.output) as RunStatus;
}

describe.runIf(process.platform !== 'win32')('terminal UI (real terminal in tmux)', () => {
  it('lists both services ready with their ports; focus, search, filter, help, restart, resize, s (stop/start) and the wheel work; q stops everything and restores the terminal', {
    timeout: 60_000,
  }, async () => {
    const { root, ports } = await workspace();
    const ui = await startInTmux(root, ['--panes', 'tui']);
    const ready = await eventually(async () => {
      const text = await ui.screen();
      return /1 api +ready/.test(text) && /2 web +ready/.test(text) && text.includes(`:${ports.api}`) && text.includes(`:${ports.web}`) && text;
    }, 20_000);
    expect(ready).toContain('0 all');
    expect(await ui.terminal()).toBe('alternate=1 cursor=0');
    expect(await ui.mouse()).toBe('mouse=1 sgr=1');

    await ui.keys('1');
    await eventually(async () => (await ui.screen()).includes('api — following'));
    expect(await ui.screen()).not.toMatch(/web (filler|tick)/);

    await ui.keys('/', 'marker-api', 'Enter');
    const found = await eventually(async () => {
      const text = await ui.screen();
      return text.includes('api says marker-api-42') && text.includes('api — scrolled up') && text;
    });
    expect(found).not.toContain('api tick');
    await ui.keys('f');
    const filtered = await eventually(async () => {
      const text = await ui.screen();
      return text.includes('only lines holding "marker-api"') && text;
    });
    expect(filtered).not.toContain('api filler');
    await ui.keys('f', '?');
    await eventually(async () => (await ui.screen()).includes('tovrun keys (any key closes this)'));
    await ui.keys('x');
    await eventually(async () => !(await ui.screen()).includes('tovrun keys'));

    await ui.keys('End');
    await eventually(async () => (await ui.screen()).includes('api — following'));
    const before = (await status(root)).services.find((service) => service.name === 'api');
    await ui.keys('r');
    await eventually(async () => (await ui.screen()).includes(`restarted api: pid ${before?.pid} → `), 20_000);
    const after = (await status(root)).services.find((service) => service.name === 'api');
    expect(after?.pid).not.toBe(before?.pid);
    expect(after?.restarts).toBe(1);
    expect((await status(root)).panes).toBe('tui');

    await tmux(ui.server, ['resize-window', '-t', 'tui', '-x', '90', '-y', '24']);
    // Redrawn for 24 rows: the status line (still saying what r did) on row 23, the list from the top.
    await eventually(async () => {
      const rows = (await ui.screen()).split('\n');
      return rows[22]?.startsWith('restarted api') && /^ 0 all +│ api — following/.test(rows[0] ?? '');
    });

    // s stops api alone: `tovrun status` shows it stopped, its process is gone, web runs on; s again starts it anew.
    const running = (await status(root)).services;
    await ui.keys('s');
    await eventually(async () => /1 api +stopped/.test(await ui.screen()), 15_000);
    const stopped = (await status(root)).services;
    expect(stopped.find((service) => service.name === 'api')).toMatchObject({ state: 'stopped', pid: null });
    expect(stopped.find((service) => service.name === 'web')).toMatchObject({ state: 'running', pid: running.find((service) => service.name === 'web')?.pid });
    expect(await isProcessAlive(realHost(), after?.pid ?? 0)).toBe(false);
    await ui.keys('s');
    await eventually(async () => (await ui.screen()).includes('started api again (pid '), 20_000);
    const again = (await status(root)).services.find((service) => service.name === 'api');
    expect(again).toMatchObject({ state: 'running', ready: true });
    expect(again?.pid).not.toBe(after?.pid);
    expect(await isProcessAlive(realHost(), again?.pid ?? 0)).toBe(true);

    // The mouse wheel (SGR reports, as the terminal sends them with mouse reporting on) scrolls up; down again follows.
    const wheel = (button: number) => tmux(ui.server, ['send-keys', '-t', 'tui', '-l', `\u001b[<${button};60;10M`]);
    await wheel(64);
    await wheel(64);
    await eventually(async () => (await ui.screen()).includes('api — scrolled up'));
    for (let step = 0; step < 20; step += 1) await wheel(65);
    await eventually(async () => (await ui.screen()).includes('api — following'));
    expect(await ui.screen()).not.toMatch(/\[<6[45];/);

    // From another terminal: `tovrun stop web` and `tovrun start web` reach the same supervisor; the UI shows it.
    const stopWeb = await runCli(root, ['stop', 'web']);
    expect(stopWeb.code, stopWeb.output).toBe(0);
    expect((await status(root)).services.find((service) => service.name === 'web')).toMatchObject({ state: 'stopped', pid: null });
    await eventually(async () => /2 web +stopped/.test(await ui.screen()));
    expect(await portIsFree(ports.web)).toBe(true);
    const startWeb = await runCli(root, ['start', 'web']);
    expect(startWeb.code, startWeb.output).toBe(0);
    expect(startWeb.output).toMatch(/^started web again \(pid \d+\), ready in /);
    await eventually(async () => /2 web +ready/.test(await ui.screen()));

    await ui.keys('q');
    await eventually(async () => (await ui.screen()).includes('TOVRUN-EXIT=0'), 15_000);
    expect(await ui.terminal()).toBe('alternate=0 cursor=1');
    expect(await ui.mouse()).toBe('mouse=0 sgr=0');
    expect(processesUnder(root).filter((each) => !each.command.includes('sleep 600'))).toEqual([]);
    expect(await portIsFree(ports.api)).toBe(true);
    expect(await portIsFree(ports.web)).toBe(true);
  });

  it('Ctrl-C exits 130 and SIGTERM exits 0 (TOVRUN_PANES=tui), each leaving no process and the terminal restored', { timeout: 60_000 }, async () => {
    for (const [stop, code] of [
      ['ctrl-c', 130],
      ['sigterm', 0],
    ] as const) {
      const { root } = await workspace();
      const ui = await startInTmux(root, [], 'TOVRUN_PANES=tui');
      await eventually(async () => /2 web +ready/.test(await ui.screen()), 20_000);
      if (stop === 'ctrl-c') await ui.keys('C-c');
      else process.kill((await status(root)).pid, 'SIGTERM');
      await eventually(async () => (await ui.screen()).includes(`TOVRUN-EXIT=${code}`), 15_000);
      expect(await ui.terminal(), stop).toBe('alternate=0 cursor=1');
      expect(await ui.mouse(), stop).toBe('mouse=0 sgr=0');
      expect(
        processesUnder(root).filter((each) => !each.command.includes('sleep 600')),
        stop,
      ).toEqual([]);
    }
  });
});
