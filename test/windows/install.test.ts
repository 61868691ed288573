// The Windows lane: `tovrun install` under node.exe runs npm through the same spawn path as services (npm.cmd through
// cmd.exe, node.exe found on PATH with PATHEXT), with execa gone: a fake npm.cmd in a folder with a space records the
// arguments it got and writes node_modules as npm would.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeLane, lane, laneTempDir, runWindowsCli, windowsPath } from './support/lane.js';

/** npm's stand-in: its version, or an install that records its arguments and writes node_modules/.package-lock.json. */
const fakeNpm = `const fs = require('fs');
const args = process.argv.slice(2);
if (args[0] === '--version') { console.log('10.9.0'); process.exit(0); }
fs.writeFileSync('npm-args.json', JSON.stringify(args));
if (args[0] === 'install') { fs.mkdirSync('node_modules', { recursive: true }); fs.writeFileSync('node_modules/.package-lock.json', '{}'); }
`;

describeLane('tovrun install under node.exe', () => {
  it('runs npm.cmd through cmd.exe with its arguments intact, and node.exe found on PATH', async () => {
    const base = laneTempDir('tovrun-lane-install-');
    const root = path.join(base, 'my app');
    const tools = path.join(base, 'node tools');
    mkdirSync(path.join(root, 'web'), { recursive: true });
    mkdirSync(tools);
    const [nodeExe] = windowsPath(lane.nodeExe);
    writeFileSync(path.join(tools, 'npm.cmd'), `@ECHO OFF\r\n"${nodeExe}" "%~dp0npm-cli.js" %*\r\n`);
    writeFileSync(path.join(tools, 'npm-cli.js'), fakeNpm);
    writeFileSync(path.join(root, 'web', 'package.json'), '{"name":"web","version":"1.0.0","dependencies":{"left-pad":"1.3.0"}}\n');
    writeFileSync(path.join(root, 'tovrun.yaml'), 'version: 1\npreset: none\nservices:\n  web:\n    type: node\n    dir: web\n    command: npm run dev\n');
    const result = await runWindowsCli(root, ['install'], { path: [tools, path.dirname(lane.nodeExe)], timeoutMs: 90_000 });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('web: npm install --include=dev --no-audit --no-fund');
    expect(JSON.parse(readFileSync(path.join(root, 'web', 'npm-args.json'), 'utf8'))).toEqual(['install', '--include=dev', '--no-audit', '--no-fund']);
    expect(existsSync(path.join(root, 'web', 'node_modules', '.package-lock.json'))).toBe(true);
  }, 120_000);
});
