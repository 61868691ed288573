// The Windows lane (issue 17): the terminal UI (--panes tui) of the built CLI under node.exe, in Wine's console on a
// real terminal (a tmux pane: Wine maps the pane's tty to a Windows console, so node.exe sees a TTY of the pane's
// size). Two `type: command` services started by node.exe; the keys arrive as console input.
// Wine 8 counts the bytes of SGR sequences towards a line's width, so a full-width line that holds colours (the UI's
// inverse status line) wraps and scrolls the screen by a row; Windows' console with virtual terminal processing does
// not. The checks below read what a scrolled screen still shows (the list rows, the output, the status line's words).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { RunStatus } from '../../src/supervisor/service-status.js';
import { wineEnv } from '../setup/wine.js';
import { eventually } from '../supervisor/support.js';
import { cliPath } from '../support/processes.js';
import { exitMarked, startTerminal, type TmuxTerminal } from '../support/tmux-terminal.js';
import { describeLane, lane, laneTempDir, runWindowsCli, windowsPath, windowsProcessesUnder } from './support/lane.js';

const terminals: TmuxTerminal[] = [];
afterEach(async () => {
  for (const terminal of terminals.splice(0)) await terminal.close();
});

/** A service printing a marker line, then a tick every 300 ms. */
const serviceScript = `const name = process.argv[2];
console.log(name + ' says marker-' + name + '-42');
let n = 0;
setInterval(() => console.log(name + ' tick ' + n++), 300);
`;

/** A workspace with services api and web, each `node service.js <name>` (node.exe found on the Windows PATH). */
function workspace(): string {
  const root = laneTempDir('tovrun-lane-tui-');
  writeFileSync(path.join(root, 'service.js'), serviceScript);
  const service = (name: string) => [`  ${name}:`, '    type: command', `    command: node service.js ${name}`, `    probe: { log: "${name} says" }`];
  writeFileSync(path.join(root, 'tovrun.yaml'), ['version: 1', 'preset: none', 'services:', ...service('api'), ...service('web'), ''].join('\n'));
  return root;
}

/** `wine node.exe tovrun.js args` in a 120x32 tmux pane, in root, with the lane's prefix and node.exe's folder on PATH. */
async function startUnderWine(root: string, args: string[]): Promise<TmuxTerminal> {
  const env = wineEnv(lane.prefix, { WINEPATH: windowsPath(path.dirname(lane.nodeExe)).join(';') });
  const assignments = ['WINEPREFIX', 'WINEDEBUG', 'WINEDLLOVERRIDES', 'WINEPATH'].map((key) => `${key}='${env[key]}'`).join(' ');
  const [cli] = windowsPath(cliPath);
  const command = `cd '${root}' && env -u CI -u CONTINUOUS_INTEGRATION -u TMUX -u TMUX_PANE ${assignments} wine '${lane.nodeExe}' '${cli}' ${args.join(' ')}`;
  const ui = await startTerminal(`tovrun-lane-tui-${process.pid}-${terminals.length}`, exitMarked(command));
  terminals.push(ui);
  return ui;
}

async function status(root: string): Promise<RunStatus> {
  const nodeDir = path.dirname(lane.nodeExe);
  const result = await runWindowsCli(root, ['status', '--json'], { path: [nodeDir] });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return JSON.parse(result.stdout) as RunStatus;
}

describeLane('the terminal UI under node.exe in a Windows console', () => {
  it('lists both services ready; focus, search and r (restart) work; q stops everything and gives the terminal back', async () => {
    const root = workspace();
    const ui = await startUnderWine(root, ['--panes', 'tui', '--no-install']);
    await eventually(async () => {
      const text = await ui.screen();
      return /1 api +ready/.test(text) && /2 web +ready/.test(text);
    }, 90_000);
    expect(await ui.terminal()).toMatch(/^alternate=1 /);
    expect(await ui.mouse()).toBe('mouse=1 sgr=1');
    const before = await status(root);
    expect(before.panes).toBe('tui');

    // 1 focuses api: its lines only; / finds its marker and shows it highlighted among them.
    await ui.keys('1');
    await eventually(async () => /api tick \d+/.test(await ui.screen()) && !/web tick/.test(await ui.screen()), 15_000);
    await ui.keys('/', 'marker-api', 'Enter');
    await eventually(async () => (await ui.screen()).includes('api says marker-api-42'), 15_000);

    // r restarts api through the same supervisor: the status line says so, `tovrun status` over the pipe shows the new pid.
    await ui.keys('End', 'r');
    const apiBefore = before.services.find((service) => service.name === 'api');
    await eventually(async () => (await ui.screen()).includes(`restarted api: pid ${apiBefore?.pid} → `), 60_000);
    const after = await status(root);
    expect(after.services.find((service) => service.name === 'api')).toMatchObject({ state: 'running', restarts: 1 });
    expect(after.services.find((service) => service.name === 'api')?.pid).not.toBe(apiBefore?.pid);
    expect(after.services.find((service) => service.name === 'web')?.pid).toBe(before.services.find((service) => service.name === 'web')?.pid);

    await ui.keys('q');
    expect(await ui.exitCode(90_000)).toBe(0);
    expect(await ui.terminal()).toMatch(/^alternate=0 /);
    expect(await ui.mouse()).toBe('mouse=0 sgr=0');
    await eventually(() => windowsProcessesUnder(root).filter((each) => !each.command.includes('sleep 600')).length === 0, 30_000);
  }, 300_000);
});
