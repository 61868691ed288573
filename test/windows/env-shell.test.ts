// The Windows lane: `tovrun env --shell cmd` under node.exe, applied in Wine's cmd.exe the way its hint says (a FOR /F
// loop running each printed line with CALL) and the way a user pastes the lines; PATH gets the venv's Scripts first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { applyHint } from '../../src/install/shell-activation.js';
import { wineEnv } from '../setup/wine.js';
import { cliPath } from '../support/processes.js';
import { describeLane, lane, laneTempDir, runWindowsCli, windowsPath } from './support/lane.js';

/** A workspace whose backend venv exists (tovrun env only checks for Scripts\python.exe), in a folder with a space and an &. */
function workspace(): string {
  const root = laneTempDir('tovrun lane env & co-');
  writeFileSync(path.join(root, 'tovrun.yaml'), 'version: 1\n');
  mkdirSync(path.join(root, 'backend', 'venv', 'Scripts'), { recursive: true });
  writeFileSync(path.join(root, 'backend', 'requirements.txt'), 'flask\n');
  writeFileSync(path.join(root, 'backend', 'venv', 'pyvenv.cfg'), '');
  writeFileSync(path.join(root, 'backend', 'venv', 'Scripts', 'python.exe'), '');
  return root;
}

/** Runs a batch file in Wine's cmd.exe (its output in a file, as for node.exe) and returns what it echoed. */
function runBatch(dir: string, lines: string[]): string {
  const output = path.join(dir, 'apply-output.txt');
  writeFileSync(path.join(dir, 'apply.bat'), `${lines.join('\r\n')}\r\n`);
  // Run from its folder by name: a quoted path holding `&` would be split by cmd /c's quote rules.
  const result = spawnSync('sh', ['-c', 'wine cmd /d /c apply.bat > "$0" 2>&1', output], {
    cwd: dir,
    env: wineEnv(lane.prefix),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const echoed = readFileSync(output, 'utf8').replaceAll('\r', '');
  if (result.status !== 0) throw new Error(`cmd.exe exited ${result.status}: ${echoed}${result.stderr}`);
  return echoed;
}

/** Prints VIRTUAL_ENV and Path after the activation ran (`set NAME` prints values holding `&` safely, echo would not). */
const report = ['set VIRTUAL_ENV', 'set Path', 'if defined PYTHONHOME (echo PYTHONHOME is set) else echo PYTHONHOME is unset'];

/** The value of name in what `set NAME` printed. */
function variable(printed: string, name: string): string | undefined {
  return printed
    .split('\n')
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}=`))
    ?.slice(name.length + 1);
}

describeLane('tovrun env --shell cmd in cmd.exe', () => {
  it("prints lines that activate the venv both through the hint's for /f … call loop and pasted as they are", async () => {
    const root = workspace();
    const printed = await runWindowsCli(root, ['env', '--shell', 'cmd']);
    expect(printed.code, printed.stderr).toBe(0);
    const [venv] = windowsPath(path.join(root, 'backend', 'venv'));
    const scripts = `${venv}\\Scripts`;
    const lines = printed.stdout.trimEnd().split('\n');
    expect(lines).toEqual([`set "VIRTUAL_ENV=${venv}"`, expect.stringMatching(/^set "Path=.*\\Scripts;%Path%"$/i), 'set PYTHONHOME=']);

    // The hint's loop, as a batch file writes it (%%l), over a tovrun.cmd shim running this CLI under node.exe.
    const [nodeExe, cli] = windowsPath(lane.nodeExe, cliPath);
    writeFileSync(path.join(root, 'tovrun.cmd'), `@"${nodeExe}" "${cli}" %*\r\n`);
    const loop = /for \/f .* do [^(]*%l/.exec(applyHint('cmd'))?.[0];
    expect(loop).toBeDefined();
    const viaHint = runBatch(root, ['@echo off', 'set PYTHONHOME=C:\\Python312', (loop as string).replace('%l in', '%%l in').replace(/%l$/, '%%l'), ...report]);
    expect(variable(viaHint, 'VIRTUAL_ENV')).toBe(venv);
    expect(variable(viaHint, 'Path')?.split(';').slice(0, 2)).toEqual([scripts, 'C:\\windows\\system32']);
    expect(viaHint).toContain('PYTHONHOME is unset');

    // Pasted: the printed lines as they are.
    const pasted = runBatch(root, ['@echo off', 'set PYTHONHOME=C:\\Python312', ...lines, ...report]);
    expect(variable(pasted, 'VIRTUAL_ENV')).toBe(venv);
    expect(variable(pasted, 'Path')?.split(';').slice(0, 2)).toEqual([scripts, 'C:\\windows\\system32']);
    expect(pasted).toContain('PYTHONHOME is unset');
  });
});
