// The Windows lane: the dev loop under node.exe in Wine (chokidar on fs.watch, which Node implements with
// ReadDirectoryChangesW on Windows: https://nodejs.org/api/fs.html#fswatchfilename-options-listener). A `watch:`
// glob written with '/' matches a file Windows reports with '\', and an editor-style .env save (a temporary file
// renamed over it) restarts the service with the new value.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { eventually } from '../supervisor/support.js';
import { describeLane, lane, laneTempDir, startWindowsCli, type WindowsCli } from './support/lane.js';

const running: WindowsCli[] = [];
afterEach(() => {
  for (const cli of running.splice(0)) cli.child.kill('SIGKILL');
});

describeLane('the dev loop under node.exe', () => {
  it('restarts a watch: service on a change in a subfolder, and on a .env edit saved by rename', async () => {
    const root = laneTempDir('tovrun-lane-devloop-');
    mkdirSync(path.join(root, 'src', 'jobs'), { recursive: true });
    writeFileSync(path.join(root, '.env'), 'GREETING=one\r\n');
    writeFileSync(path.join(root, 'src', 'jobs', 'job.js'), '// job\n');
    writeFileSync(path.join(root, 'svc.js'), "console.log('greeting ' + process.env.GREETING);\nsetInterval(() => undefined, 1000);\n");
    writeFileSync(
      path.join(root, 'tovrun.yaml'),
      'version: 1\npreset: none\nservices:\n  svc:\n    type: command\n    command: node svc.js\n    watch: ["src/**/*.js"]\n    probe: { log: "greeting" }\n',
    );
    const cli = startWindowsCli(root, ['--no-install', '--panes', 'prefix'], { path: [path.dirname(lane.nodeExe)] });
    running.push(cli);
    await cli.waitForOutput(/^Ready:/m, 60_000);
    expect(cli.stdout()).toContain('svc | greeting one\n');
    writeFileSync(path.join(root, 'src', 'jobs', 'job.js'), '// job, edited\n');
    await cli.waitForOutput(/^svc \| \[tovrun\] restarting \(watch: src\/jobs\/job\.js changed\)$/m, 30_000);
    await eventually(() => (cli.stdout().match(/^svc \| greeting one$/gm) ?? []).length === 2, 30_000);
    writeFileSync(path.join(root, '.env.tmp'), `${readFileSync(path.join(root, '.env'), 'utf8').replace('one', 'two')}`);
    renameSync(path.join(root, '.env.tmp'), path.join(root, '.env'));
    await cli.waitForOutput(/^svc \| \[tovrun\] restarting \(\.env changed: GREETING\)$/m, 30_000);
    await cli.waitForOutput(/^svc \| greeting two$/m, 30_000);
  }, 180_000);
});
