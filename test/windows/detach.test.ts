// The Windows lane: `tovrun up --detach` under node.exe (Wine). The background tovrun is spawned detached, which on
// Windows makes libuv start it outside the kill-on-close job that ends a parent's children with it
// (https://nodejs.org/api/child_process.html#optionsdetached), and with windowsHide (no console window; Wine shows none
// either way, see test/commands/up-detach.test.ts). So it outlives the launching node.exe, answers over its named pipe,
// and `tovrun down` stops it, leaving no process.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { RunStatus } from '../../src/supervisor/service-status.js';
import { describeLane, lane, laneTempDir, runWindowsCli, windowsPath, windowsProcessesUnder } from './support/lane.js';

describeLane('up --detach under node.exe', () => {
  it('returns once ready, leaves tovrun running behind the named pipe, and down stops everything', { timeout: 240_000 }, async () => {
    const root = laneTempDir('tovrun-lane-detach-');
    writeFileSync(path.join(root, 'serve.js'), "console.log('serving');\nsetInterval(() => {}, 1000);\n");
    const [serve] = windowsPath(path.join(root, 'serve.js'));
    writeFileSync(
      path.join(root, 'tovrun.yaml'),
      ['preset: none', 'services:', '  api:', '    type: command', `    command: ${JSON.stringify(['node', serve])}`, '    probe: { log: "serving" }', ''].join(
        '\n',
      ),
    );
    const options = { path: [path.dirname(lane.nodeExe)], timeoutMs: 120_000 };
    const up = await runWindowsCli(root, ['up', '--detach', '--no-install'], options);
    expect(up.code, up.stdout + up.stderr).toBe(0);
    expect(up.stdout).toMatch(/^Ready:\n {2}api /m);
    // The launcher has exited; the background tovrun and its service go on.
    const status = await runWindowsCli(root, ['status', '--json'], options);
    expect(status.code, status.stdout + status.stderr).toBe(0);
    const run = JSON.parse(status.stdout) as RunStatus;
    expect(run).toMatchObject({ version: 1, ready: true, panes: 'prefix', services: [{ name: 'api', kind: 'native', state: 'running', ready: true }] });
    const logs = await runWindowsCli(root, ['logs', 'api', '--json', '--grep', 'serving'], options);
    expect(JSON.parse(logs.stdout)).toMatchObject({ source: 'live', matched: 1 });
    const down = await runWindowsCli(root, ['down'], options);
    expect(down.code, down.stdout + down.stderr).toBe(0);
    expect(down.stdout).toBe(`stopped the tovrun still running here (pid ${run.pid})\n`);
    const deadline = Date.now() + 20_000;
    while (windowsProcessesUnder(root).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(windowsProcessesUnder(root), JSON.stringify(windowsProcessesUnder(root))).toEqual([]);
    expect(existsSync(path.join(root, '.tovrun', 'control.json'))).toBe(false);
  });
});
