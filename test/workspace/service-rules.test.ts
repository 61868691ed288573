// tovrun.yaml rules the schema cannot say, checked when the workspace loads (so --check and --dry-run see them): each
// error names the file, the line and the key, and shows a bad name escaped and shortened, never raw.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode, formatError } from '../../src/errors.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { configError, servicesYaml, workspaceDir } from './support.js';

/** The ConfigError loading a `none` workspace with these service lines throws, and the file it names. */
function loadError(lines: string[]) {
  const root = workspaceDir({ 'tovrun.yaml': servicesYaml(lines) });
  return { error: configError(() => loadWorkspace(root)), file: path.join(root, 'tovrun.yaml') };
}

describe('service names', () => {
  it('refuses a name with escape sequences, showing it JSON-escaped and never raw', () => {
    const { error, file } = loadError(['  "\\e[31mred\\e]0;title\\a":', '    type: command', '    command: node x.js']);
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.location).toEqual({ file, line: 3 });
    const printed = formatError(error, false);
    expect(printed).not.toMatch(/[\u0000-\u001f\u007f-\u009f](?<!\n)/);
    expect(printed).toContain('services: the service name "\\u001b[31mred\\u001b]0;title\\u0007" may hold only letters');
  });

  it('escapes C1 controls and invisible characters that JSON leaves alone', () => {
    const { error } = loadError(['  "a\\x9b31mb\\u202ec":', '    type: command', '    command: node x.js']);
    expect(error.message).toContain('"a\\u009b31mb\\u202ec"');
  });

  it('refuses a slash (two services would share a log file) and shows a 300-character name shortened', () => {
    expect(loadError(['  a/b:', '    type: command', '    command: node x.js']).error.message).toBe(
      'services: the service name "a/b" may hold only letters, digits, ".", "_" and "-", and must start with a letter or digit.',
    );
    const long = 'x'.repeat(300);
    const { error } = loadError([`  ${long}:`, '    type: command', '    command: node x.js']);
    expect(error.message).toBe(`services: the service name "${'x'.repeat(40)}…" (300 characters) is 300 characters long; at most 63 are allowed.`);
    expect(error.location?.line).toBe(3);
  });

  it('refuses names equal but for case, Windows device names and names ending in .previous', () => {
    expect(loadError(['  api: { type: command, command: node a.js }', '  API: { type: command, command: node b.js }']).error).toMatchObject({
      message: expect.stringMatching(/"api" and "API" differ only in letter case/),
      location: { line: 4 },
    });
    expect(loadError(['  con: { type: command, command: node a.js }']).error.message).toMatch(/device name on Windows/);
    expect(loadError(['  api.previous: { type: command, command: node a.js }']).error.message).toMatch(/ends in "\.previous"/);
  });

  it('accepts the names compose accepts: letters, digits, dots, dashes and underscores', () => {
    const root = workspaceDir({
      'tovrun.yaml': servicesYaml(['  my-api_2.v1: { type: command, command: node a.js }', `  ${'a'.repeat(63)}: { type: command, command: node b.js }`]),
    });
    expect(loadWorkspace(root).services.map((service) => service.name)).toEqual(['my-api_2.v1', 'a'.repeat(63)]);
  });

  it('refuses a depends_on name no service can have, escaped', () => {
    const { error } = loadError(['  api:', '    type: command', '    command: node a.js', '    depends_on: { "db\\e[2J": healthy }']);
    expect(error.message).toBe('services.api.depends_on: "db\\u001b[2J" cannot name a service: names hold only letters, digits, ".", "_" and "-".');
    expect(error.location?.line).toBe(6);
  });
});

describe('commands', () => {
  it('refuses an empty program, in list or string form, with the line of the command', () => {
    for (const command of ['[""]', "['', server.js]", `'""'`, '"\'\' x"']) {
      const { error, file } = loadError(['  api:', '    type: command', `    command: ${command}`]);
      expect(error.message, command).toBe('services.api.command: the program to run (the first word of the command) is empty.');
      expect(error.location, command).toEqual({ file, line: 5 });
      expect(error.key).toBe('services.api.command');
    }
  });

  it('refuses an empty or blank command as no command', () => {
    for (const command of ['""', '"   "', '[]'])
      expect(loadError(['  api:', '    type: command', `    command: ${command}`]).error.message, command).toBe(
        'services.api.command: the service has no command.',
      );
  });
});

describe('log probes', () => {
  it('refuses a pattern that is not a regular expression, with the line, the key and the reason', () => {
    const { error, file } = loadError(['  api:', '    type: command', '    command: node a.js', '    probe:', '      log: "listening (on"']);
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.location).toEqual({ file, line: 7 });
    expect(error.key).toBe('services.api.probe.log');
    expect(error.message).toBe('services.api.probe.log: "listening (on" is not a valid regular expression: Unterminated group.');
  });

  it('refuses it in a disabled service too, and accepts a valid one', () => {
    expect(loadError(['  api: { type: command, command: node a.js, enabled: false, probe: { log: "[" } }']).error.message).toMatch(
      /Unterminated character class/,
    );
    const root = workspaceDir({ 'tovrun.yaml': servicesYaml(['  api: { type: command, command: node a.js, probe: { log: "^listening on \\\\d+$" } }']) });
    expect(loadWorkspace(root).services[0]?.probe).toMatchObject({ kind: 'log', pattern: '^listening on \\d+$' });
  });
});
