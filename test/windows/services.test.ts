// The Windows lane (issue 15, defect 1): a tovrun.yaml workspace whose services start through .cmd shims (an
// `npm run`-style one and an `npx`-style one, in folders with spaces) and through an .exe found on PATH with PATHEXT
// (node.exe itself), on the built CLI under node.exe. Before the fix, `command: npm …` gave "could not start: spawn
// EINVAL" (Node refuses batch files without a shell) or ENOENT (libuv's search tries only .com and .exe).
// Then `tovrun status` and `tovrun restart` over the named pipe, and a missing program reported as not found.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { RunStatus } from '../../src/supervisor/service-status.js';
import { describeLane, lane, laneTempDir, runWindowsCli, startWindowsCli, type WindowsCli, windowsPath } from './support/lane.js';

const running: WindowsCli[] = [];
afterEach(() => {
  for (const cli of running.splice(0)) cli.child.kill('SIGKILL');
});
/** Arguments that cmd.exe would otherwise split, redirect or run as a second command (percent signs: see the report). */
const hostileArgs = ['a b', 'x&y', 'q"z', 'then|pipe', '<in>', '(paren)', '^caret', 'back\\'];

/** A script that prints its name, its arguments and "<name> listening", then stays up. */
const serviceScript = (name: string) =>
  `console.log(${JSON.stringify(name)} + ' argv ' + JSON.stringify(process.argv.slice(2)));\nconsole.log(${JSON.stringify(name)} + ' listening');\nsetInterval(() => undefined, 1000);\n`;

/** A workspace in a folder with a space, and a "node tools" folder (on Windows' PATH) holding npm.cmd and npx.cmd shims. */
function workspace(): { base: string; root: string; tools: string; nodeDir: string } {
  const base = laneTempDir('tovrun-lane-svc-');
  const root = path.join(base, 'my app');
  const tools = path.join(base, 'node tools');
  mkdirSync(root);
  mkdirSync(tools);
  const [nodeExe] = windowsPath(lane.nodeExe);
  // As npm.cmd does: `"%NODE_EXE%" "%NPM_CLI_JS%" %*`; as npx.cmd does, after SETLOCAL and a variable of its own.
  writeFileSync(path.join(tools, 'npm.cmd'), `@ECHO OFF\r\n"${nodeExe}" "%~dp0npm-cli.js" %*\r\n`);
  writeFileSync(
    path.join(tools, 'npm-cli.js'),
    `if (process.argv[2] !== 'run' || process.argv[3] !== 'serve') { console.error('npm: unexpected', process.argv.slice(2)); process.exit(1); }\n${serviceScript('api')}`,
  );
  writeFileSync(path.join(tools, 'npx.cmd'), `@ECHO OFF\r\nSETLOCAL\r\nSET "NPX_CLI_JS=%~dp0npx-cli.js"\r\n"${nodeExe}" "%NPX_CLI_JS%" %*\r\n`);
  writeFileSync(path.join(tools, 'npx-cli.js'), serviceScript('web'));
  writeFileSync(path.join(root, 'svc.js'), serviceScript('exe'));
  writeFileSync(
    path.join(root, 'tovrun.yaml'),
    [
      'version: 1',
      'preset: none',
      'services:',
      '  api:',
      '    type: command',
      `    command: ${JSON.stringify(['npm', 'run', 'serve', '--', ...hostileArgs])}`,
      '    probe: { log: "api listening" }',
      '  web:',
      '    type: command',
      '    command: npx vite-like --host "my host"',
      '    probe: { log: "web listening" }',
      '  exe:',
      '    type: command',
      '    command: node svc.js --exe',
      '    probe: { log: "exe listening" }',
      '',
    ].join('\n'),
  );
  return { base, root, tools, nodeDir: path.dirname(lane.nodeExe) };
}

describeLane('services started through .cmd shims and an .exe under node.exe', () => {
  it('reach ready with labelled output and log files, and status answers over the named pipe', async () => {
    const { root, tools, nodeDir } = workspace();
    const options = { path: [tools, nodeDir] };
    const cli = startWindowsCli(root, ['--no-install'], options);
    running.push(cli);
    await cli.waitForOutput(/^Ready:/m, 60_000);
    const out = cli.stdout();
    expect(out).not.toMatch(/could not start|EINVAL|ENOENT/);
    expect(out).toContain(`api | api argv ${JSON.stringify(['run', 'serve', '--', ...hostileArgs])}\n`);
    expect(out).toContain(`web | web argv ${JSON.stringify(['vite-like', '--host', 'my host'])}\n`);
    expect(out).toContain(`exe | exe argv ["--exe"]\n`);
    for (const name of ['api', 'web', 'exe']) {
      expect(out).toMatch(new RegExp(`^${name} \\| \\[tovrun\\] ready in \\d+\\.\\d s$`, 'm'));
      const log = path.join(root, '.tovrun', 'logs', `${name}.log`);
      expect(existsSync(log), log).toBe(true);
      expect(readFileSync(log, 'utf8')).toContain(`${name} listening`);
    }

    const status = await runWindowsCli(root, ['status', '--json'], options);
    expect(status.code, status.stdout + status.stderr).toBe(0);
    const before = JSON.parse(status.stdout) as RunStatus;
    expect(before.services.map(({ name, state, ready }) => ({ name, state, ready }))).toEqual([
      { name: 'api', state: 'running', ready: true },
      { name: 'web', state: 'running', ready: true },
      { name: 'exe', state: 'running', ready: true },
    ]);
  }, 150_000);

  // Wine 8's taskkill has no /T: kill-tree asks for the root alone when /T fails, so the old process does stop here.
  it('restarts one service over the named pipe (new pid, the others untouched)', async () => {
    const { root, tools, nodeDir } = workspace();
    const options = { path: [tools, nodeDir] };
    const cli = startWindowsCli(root, ['--no-install'], options);
    running.push(cli);
    await cli.waitForOutput(/^Ready:/m, 60_000);
    const before = JSON.parse((await runWindowsCli(root, ['status', '--json'], options)).stdout) as RunStatus;
    const restarted = await runWindowsCli(root, ['restart', 'exe'], options);
    expect(restarted.code, restarted.stdout + restarted.stderr).toBe(0);
    const after = JSON.parse((await runWindowsCli(root, ['status', '--json'], options)).stdout) as RunStatus;
    const exeBefore = before.services.find((service) => service.name === 'exe');
    const exeAfter = after.services.find((service) => service.name === 'exe');
    expect(restarted.stdout).toMatch(new RegExp(`^restarted exe: pid ${exeBefore?.pid} → ${exeAfter?.pid}, ready in \\d+\\.\\d s\\n$`));
    expect(exeAfter).toMatchObject({ state: 'running', ready: true, restarts: 1 });
    expect(after.services.find((service) => service.name === 'api')?.pid).toBe(before.services[0]?.pid);
  }, 150_000);

  it("reports a program that is not on PATH as not found (never cmd.exe's exit 1 or 9009)", async () => {
    const { root } = workspace();
    writeFileSync(
      path.join(root, 'tovrun.yaml'),
      'version: 1\npreset: none\nservices:\n  api:\n    type: command\n    command: tovrun-no-such-program --serve\n',
    );
    const result = await runWindowsCli(root, ['--no-install'], { timeoutMs: 60_000 });
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('api | [tovrun] could not start: program tovrun-no-such-program was not found on PATH\n');
    expect(result.stdout + result.stderr).not.toMatch(/9009|not recognized|Can't recognize/);
  }, 90_000);

  it('check hygiene without git on PATH says git was not found, never ".env is not ignored" (defect 6)', async () => {
    // Wine's PATH has no git. execa used to start it through cmd.exe, whose exit 1 read as check-ignore's "not ignored".
    const { root } = workspace();
    writeFileSync(path.join(root, '.env.template'), 'APP=1\r\n');
    writeFileSync(path.join(root, '.env'), 'APP=1\r\n');
    const result = await runWindowsCli(root, ['check', 'hygiene'], { timeoutMs: 60_000 });
    expect(result.stdout).toContain(
      'ok [hygiene/git] git was not found on PATH; whether .env is ignored by git was not checked.\n    -> Install Git for Windows (`winget install Git.Git`',
    );
    expect(result.stdout).not.toContain('hygiene/env-not-ignored');
    expect(result.code, result.stdout + result.stderr).toBe(0);
  }, 90_000);
});
