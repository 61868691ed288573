// The Windows lane: `tovrun env --shell cmd` under node.exe, its lines applied in Wine's cmd.exe. The printed `set`
// lines must leave PATH with the venv's Scripts folder first and the old PATH after it, never a literal %Path%.
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { applyHint } from '../../src/install/shell-activation.js';
import { wineEnv } from '../setup/wine.js';
import { cliPath } from '../support/processes.js';
import { describeLane, lane, runWindowsCli, windowsPath } from './support/lane.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A workspace (in a folder with a space) whose python service has a venv with Scripts\python.exe. */
function workspace(): string {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'tovrun-lane-env-')), 'my app');
  created.push(path.dirname(root));
  mkdirSync(path.join(root, 'venv', 'Scripts'), { recursive: true });
  writeFileSync(path.join(root, 'venv', 'Scripts', 'python.exe'), '');
  writeFileSync(path.join(root, 'tovrun.yaml'), 'version: 1\npreset: none\nservices:\n  api:\n    type: python\n    command: python app.py\n    venv: venv\n');
  return root;
}

/** Runs a batch file in Wine's cmd.exe (output to a file, as for node.exe); resolves with what it printed. */
async function runBatch(root: string, lines: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
  const batch = path.join(root, 'apply.cmd');
  writeFileSync(batch, `@echo off\r\n${lines.join('\r\n')}\r\n`);
  const printed = path.join(root, 'apply.txt');
  const out = openSync(printed, 'w');
  const child = spawn('wine', ['cmd', '/d', '/c', ...windowsPath(batch)], { cwd: root, env: wineEnv(lane.prefix, extraEnv), stdio: ['ignore', out, out] });
  closeSync(out);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await new Promise((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return readFileSync(printed, 'utf8').replaceAll('\r\n', '\n');
}

describeLane('tovrun env --shell cmd applied in Wine\'s cmd.exe', () => {
  it('the printed lines, run in cmd.exe, put the venv first on PATH and set VIRTUAL_ENV', async () => {
    const root = workspace();
    const printed = await runWindowsCli(root, ['env', '--shell', 'cmd']);
    expect(printed.code, printed.stderr).toBe(0);
    const [venv, scripts] = windowsPath(path.join(root, 'venv'), path.join(root, 'venv', 'Scripts'));
    const applied = await runBatch(root, [...printed.stdout.trim().split(/\r?\n/), 'echo VIRTUAL_ENV=[%VIRTUAL_ENV%]', 'echo PATH=[%PATH%]']);
    expect(applied).toContain(`VIRTUAL_ENV=[${venv}]\n`);
    expect(applied).toMatch(new RegExp(`^PATH=\\[${(scripts as string).replaceAll('\\', '\\\\')};C:\\\\windows\\\\system32;.*\\]$`, 'mi'));
    expect(applied).not.toMatch(/%Path%/i);
  }, 90_000);

  // Defect 8 of issue 15 (install/shell-activation.ts, helper i15-hints): the hint `for /f "delims=" %l in ('tovrun
  // env --shell cmd') do %l` runs `set "Path=…;%Path%"` from a for variable, where %Path% is no longer expanded, so
  // PATH would end in a literal %Path%. Wine 8's cmd.exe cannot show it: it does not run a built-in (`set`) named by a
  // for variable at all ("Can't recognize 'set "PATH=…;%PATH%"'"). Enable if the new hint's form runs in Wine's cmd.
  it.skip('the applyHint form for cmd, pasted into cmd.exe, leaves no literal %Path% in PATH', async () => {
    const root = workspace();
    // `tovrun` on PATH as npm installs it: a tovrun.cmd shim starting node.exe with the built CLI.
    const tools = path.join(path.dirname(root), 'bin');
    mkdirSync(tools);
    const [node, cli] = windowsPath(lane.nodeExe, cliPath);
    writeFileSync(path.join(tools, 'tovrun.cmd'), `@"${node}" "${cli}" %*\r\n`);
    const hint = applyHint('cmd');
    const pasted = hint.slice(hint.indexOf('for /f'));
    // Typed at the prompt the variable is %l; in a batch file it is written %%l.
    const applied = await runBatch(root, [pasted.replaceAll('%l', '%%l'), 'echo PATH=[%PATH%]'], { WINEPATH: windowsPath(tools).join(';') });
    expect(applied).toMatch(/^PATH=\[.*\\venv\\Scripts;C:\\windows\\system32;/im);
    expect(applied).not.toMatch(/%Path%/i);
  }, 90_000);
});
