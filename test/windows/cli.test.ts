// The Windows lane: the built CLI under node.exe (Wine) prints its version and help, and `check env` reads a .env
// written on Windows (CRLF line ends, a UTF-8 BOM) with line numbers right.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/processes.js';
import { describeLane, laneTempDir, runWindowsCli } from './support/lane.js';

describeLane('the built CLI under node.exe', () => {
  it('runs as win32 and prints its version and help', async () => {
    const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const printed = await runWindowsCli(repoRoot, ['--version']);
    expect(printed).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const help = await runWindowsCli(repoRoot, ['--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tovrun \[options\] \[command\]/);
    expect(help.stdout).toMatch(/^ {2}restart \[options\] <service> /m);
  });

  it('check env: a .env with CRLF line ends, a BOM and a bad line is reported with the right line numbers', async () => {
    const root = laneTempDir('tovrun-lane-env-');
    writeFileSync(path.join(root, '.env.template'), 'FLASK_PORT=5001\r\nSECRET_KEY=\r\nAPI_URL=http://localhost\r\n');
    writeFileSync(
      path.join(root, '.env'),
      '\uFEFFFLASK_PORT=5001\r\nAPI_URL=http://localhost\r\nthis line is not an assignment\r\nSECRET_KEY=s3cr3t-value-x\r\n',
    );
    const windows = await runWindowsCli(root, ['check', 'env']);
    expect(windows.code, windows.stdout + windows.stderr).toBe(1);
    expect(windows.stdout).toMatch(/^FAIL \.env:1 \[env\/encoding\] \.env starts with a byte-order mark/m);
    expect(windows.stdout).toMatch(/^FAIL \.env:3 \[env\/unparseable-line\] /m);
    expect(windows.stdout).not.toMatch(/\.env:2\b/);
    expect(windows.stdout).not.toContain('s3cr3t-value-x');
    // The same report as the Linux build of the same CLI gives, line for line.
    expect(windows.stdout).toBe((await runCli(root, ['check', 'env'])).output);
  });
});
