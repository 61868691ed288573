// The built CLI on tovrun.yaml `type: command` services that cannot run: a service that could not start is failed (exit
// 1, never "ready", its dependents never start); a missing folder, an empty program, a bad log probe or a bad name is a
// configuration error (exit 2, file and line) for tovrun, --dry-run and --check; --json without --check starts nothing.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, freePort } from '../supervisor/support.js';
import { processesUnder, startCli } from '../support/processes.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A workspace with this tovrun.yaml, given as lines or made from the root (and nothing else: no .env.template, no compose file). */
function workspace(yaml: string[] | ((root: string) => string[])): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tovrun-states-'));
  created.push(root);
  writeFileSync(path.join(root, 'tovrun.yaml'), [...(typeof yaml === 'function' ? yaml(root) : yaml), ''].join('\n'));
  return root;
}

/** A command list running touch.js, which creates root/<marker> once it runs. */
const touching = (root: string, marker: string) => JSON.stringify([process.execPath, fixture('touch.js'), path.join(root, marker)]);
const env = { PATH: process.env.PATH ?? '', HOME: tmpdir() };

/** Runs the CLI to its end; a run that would go on (a service started when it should not) is stopped with Ctrl-C after 15 s. */
async function run(root: string, args: string[]): Promise<{ code: number; output: string }> {
  const cli = startCli(root, args, env);
  const timer = setTimeout(() => cli.child.kill('SIGINT'), 15_000);
  const code = await cli.exited;
  clearTimeout(timer);
  return { code, output: cli.output() };
}
/** A control or escape character printed raw (newlines excepted). */
const rawControl = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('a service that could not start', () => {
  it('is failed, not ready: its healthy dependent never starts and tovrun exits 1 naming the missing folder', async () => {
    // The TovPlay preset's backend folder (tovplay-backend/) is a default: missing, it is found when the backend starts.
    const port = await freePort();
    const root = workspace((at) => [
      'services:',
      '  backend:',
      '    type: command',
      `    port: ${port}`,
      `    command: ${touching(at, 'backend-ran')}`,
      '  frontend: { enabled: false }',
      '  web:',
      '    type: command',
      `    command: ${touching(at, 'web-ran')}`,
      '    depends_on: { backend: healthy }',
    ]);
    const result = await run(root, ['--no-install']);
    expect(result.code, result.output).toBe(1);
    const folder = path.join(root, 'tovplay-backend');
    expect(result.output).toContain(`backend | [tovrun] could not start: folder ${folder} does not exist\n`);
    expect(result.output).toContain(`tovrun: backend could not start: folder ${folder} does not exist; web depends on it and was not started.\n`);
    expect(result.output).not.toMatch(/ready|Ready:/);
    expect(existsSync(path.join(root, 'web-ran'))).toBe(false);
    expect(processesUnder(root)).toEqual([]);
  });

  it('without a probe either: a program not on PATH is never "ready", its healthy dependent never starts, exit 1 (not 127)', async () => {
    const root = workspace((at) => [
      'preset: none',
      'services:',
      '  api:',
      '    type: command',
      '    command: tovrun-no-such-program --serve',
      '  web:',
      '    type: command',
      `    command: ${touching(at, 'web-ran')}`,
      '    depends_on: { api: healthy }',
    ]);
    const result = await run(root, []);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain('api | [tovrun] could not start: program tovrun-no-such-program was not found on PATH\n');
    expect(result.output).toContain(
      'tovrun: api could not start: program tovrun-no-such-program was not found on PATH; web depends on it and was not started.\n',
    );
    expect(result.output).not.toMatch(/ready|Ready:/);
    expect(existsSync(path.join(root, 'web-ran'))).toBe(false);
  });
});

describe('configurations that cannot run are refused before anything starts (exit 2, file, line, key)', () => {
  const service = (lines: string[]) => ['preset: none', 'services:', '  api:', '    type: command', ...lines];

  it.each([
    ['a missing folder', ['    command: node a.js', '    dir: no-such-dir'], 6, /services\.api\.dir: folder \/.*\/no-such-dir does not exist\./],
    ['a folder that is a file', ['    command: node a.js', '    dir: tovrun.yaml'], 6, /services\.api\.dir: \/.*\/tovrun\.yaml is not a folder\./],
    ['an empty program', ['    command: [""]'], 5, /services\.api\.command: the program to run \(the first word of the command\) is empty\./],
    [
      'an invalid log probe',
      ['    command: node a.js', '    probe: { log: "ready (" }'],
      6,
      /services\.api\.probe\.log: "ready \(" is not a valid regular expression: Unterminated group\./,
    ],
  ])('%s', async (_what, lines, line, message) => {
    const root = workspace(service(lines));
    for (const args of [['--dry-run'], ['--check'], []]) {
      const result = await run(root, args);
      expect(result.code, `${args.join(' ')}: ${result.output}`).toBe(2);
      expect(result.output, args.join(' ')).toMatch(new RegExp(`^tovrun: ${path.join(root, 'tovrun.yaml').replaceAll('/', '\\/')}:${line}: `));
      expect(result.output, args.join(' ')).toMatch(message);
      expect(result.output).not.toContain('Plan (nothing was started)');
    }
  });

  it('refuses service names with escape sequences, slashes or 300 characters, showing them escaped and short', async () => {
    for (const [name, shown] of [
      ['"evil\\e]0;owned\\a\\e[2J"', '"evil\\u001b]0;owned\\u0007\\u001b[2J"'],
      ['a/b', '"a/b"'],
      ['x'.repeat(300), `"${'x'.repeat(40)}…" (300 characters)`],
    ]) {
      const root = workspace((at) => ['preset: none', 'services:', `  ${name}:`, '    type: command', `    command: ${touching(at, 'ran')}`]);
      const result = await run(root, ['--dry-run']);
      expect(result.code, result.output).toBe(2);
      expect(existsSync(path.join(root, 'ran'))).toBe(false);
      expect(result.output).toContain(`tovrun.yaml:3: services: the service name ${shown} `);
      expect(result.output).not.toMatch(rawControl);
      expect(result.output.length).toBeLessThan(600);
    }
  });
});

describe('report flags without --check', () => {
  it('--json, --strict and --require-db start nothing and exit 2 saying to add --check', async () => {
    for (const flag of ['--json', '--strict', '--require-db']) {
      const root = workspace((at) => ['preset: none', 'services:', '  api:', '    type: command', `    command: ${touching(at, 'ran')}`]);
      const result = await run(root, [flag]);
      expect(result).toEqual({
        code: 2,
        output: `tovrun: ${flag} goes with --check: run \`tovrun --check ${flag}\`.\n  Without --check, tovrun starts the services; --json, --strict and --require-db only shape the report of the read-only doctor.\n`,
      });
      expect(existsSync(path.join(root, 'ran'))).toBe(false);
      expect(existsSync(path.join(root, '.tovrun'))).toBe(false);
    }
  });
});
