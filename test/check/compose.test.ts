import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeEffects, runDoctor, withId, workspaceWith } from './support/doctor.js';

const template = '# @required\nPOSTGRES_USER=tovplay\n# @secret\n# POSTGRES_PASSWORD=commented-out-counts\nIMAGE_TAG=dev\n';

function composeWorkspace(compose: string | null): string {
  return workspaceWith({
    '.env.template': template,
    '.env': 'POSTGRES_USER=tovplay\nIMAGE_TAG=dev\n',
    'tovrun.yaml': 'version: 1\npreset: none\n',
    ...(compose === null ? {} : { 'docker-compose.yml': compose }),
  });
}

describe('compose', () => {
  it('passes when the file parses and every variable is in .env.template (commented-out keys count)', async () => {
    const run = await runDoctor(
      composeWorkspace(
        'services:\n  db:\n    image: postgres:${IMAGE_TAG}\n    environment:\n      POSTGRES_USER: ${POSTGRES_USER}\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}\n      HOME_DIR: $HOME\n',
      ),
      ['compose'],
    );
    expect(run.findings).toEqual([
      expect.objectContaining({
        id: 'compose/ok',
        status: 'ok',
        file: 'docker-compose.yml',
        message: 'docker-compose.yml parses, and the 3 variables it uses are defined in .env.template.',
      }),
    ]);
  });

  it('fails for a variable the template does not define, at its first line, naming the other lines', async () => {
    const run = await runDoctor(
      composeWorkspace('services:\n  db:\n    image: postgres:${IMAGE_TAG}\n    environment:\n      PASSWORD: ${DB_PASSWORD}\n      AGAIN: $DB_PASSWORD\n'),
      ['compose'],
    );
    expect(run.findings).toEqual([
      expect.objectContaining({
        id: 'compose/undefined-variable',
        status: 'error',
        file: 'docker-compose.yml',
        line: 5,
        message: 'docker-compose.yml uses ${DB_PASSWORD} (also line 6), which .env.template does not define — compose substitutes an empty string.',
        hint: 'Add DB_PASSWORD to .env.template with a placeholder value and a comment saying what it is for, or remove it from docker-compose.yml.',
      }),
    ]);
    expect(run.code).toBe(1);
  });

  it('only warns for an undocumented variable that always has a default', async () => {
    const run = await runDoctor(composeWorkspace('services:\n  web:\n    ports:\n      - "${WEB_PORT:-8080}:80"\n'), ['compose']);
    expect(run.findings).toEqual([expect.objectContaining({ id: 'compose/undocumented-variable', status: 'warn', line: 4 })]);
    expect(run.code).toBe(0);
  });

  it('fails on YAML errors with the line, and on values compose cannot interpolate', async () => {
    const syntax = await runDoctor(composeWorkspace('services:\n  db:\n    image: postgres\n   ports: [5432\n'), ['compose']);
    expect(syntax.findings).toEqual([expect.objectContaining({ id: 'compose/syntax', status: 'error', file: 'docker-compose.yml', line: 4 })]);
    const list = await runDoctor(composeWorkspace('- just\n- a list\n'), ['compose']);
    expect(withId(list, 'compose/syntax')[0]?.message).toContain('its top level is not a mapping');
    const bad = await runDoctor(composeWorkspace('services:\n  db:\n    image: "postgres:${}"\n'), ['compose']);
    expect(bad.findings).toEqual([
      expect.objectContaining({ id: 'compose/interpolation', status: 'error', line: 3, message: expect.stringContaining('invalid interpolation format') }),
    ]);
  });

  it('reports what the Compose specification does not allow, at its line', async () => {
    const run = await runDoctor(composeWorkspace('services:\n  db:\n    image: postgres:${IMAGE_TAG}\n    imagee: typo\n'), ['compose']);
    expect(withId(run, 'compose/schema')).toEqual([
      expect.objectContaining({ status: 'error', file: 'docker-compose.yml', line: 4, message: expect.stringContaining('unknown key "imagee"') }),
    ]);
    expect(run.code).toBe(1);
  });

  it('checks the provider and its engine only when profiles are requested, with the fix', async () => {
    const noTools = async () => ({ exitCode: 127, stdout: '', stderr: 'not found', output: 'not found', timedOut: false });
    const without = await runDoctor(composeWorkspace('services:\n  db:\n    image: postgres\n'), ['toolchains'], { effects: fakeEffects({ runner: noTools }) });
    expect(withId(without, 'toolchains/compose-provider')).toEqual([]);
    const requested = await runDoctor(composeWorkspace('services:\n  db:\n    image: postgres\n'), ['toolchains'], {
      effects: fakeEffects({ runner: noTools }),
      options: { profiles: ['local-db'] },
    });
    expect(withId(requested, 'toolchains/compose-provider')).toEqual([
      expect.objectContaining({ status: 'error', message: expect.stringContaining('none of docker compose, docker-compose') }),
    ]);
    expect(withId(requested, 'toolchains/compose-provider')[0]?.hint).toMatch(/docker/i);
  });

  it('notes a workspace without a compose file', async () => {
    expect((await runDoctor(composeWorkspace(null), ['compose'])).findings).toEqual([expect.objectContaining({ id: 'compose/no-file', status: 'ok' })]);
  });

  it('says a docker-compose.yml folder is a folder, not that the file is missing', async () => {
    const root = composeWorkspace(null);
    mkdirSync(path.join(root, 'docker-compose.yml'));
    const run = await runDoctor(root, ['compose']);
    expect(run.findings).toEqual([
      expect.objectContaining({
        id: 'compose/unreadable',
        status: 'error',
        file: 'docker-compose.yml',
        message: 'docker-compose.yml is a folder, not a text file; tovrun reads it as text and will not open it.',
      }),
    ]);
    expect(run.code).toBe(1);
  });

  it('refuses a compose file over 8 MiB with the cap in the message', async () => {
    const root = composeWorkspace(null);
    writeFileSync(path.join(root, 'docker-compose.yml'), `# ${'x'.repeat(8 * 1024 * 1024)}\nservices: {}\n`);
    const run = await runDoctor(root, ['compose']);
    expect(run.findings).toEqual([
      expect.objectContaining({ id: 'compose/unreadable', message: 'docker-compose.yml is larger than 8 MiB, the most tovrun reads from it.' }),
    ]);
  });

  it('reports a key written twice at its line', async () => {
    const run = await runDoctor(composeWorkspace('services:\n  db:\n    image: a\n  db:\n    image: b\n'), ['compose']);
    expect(run.findings).toEqual([
      expect.objectContaining({ id: 'compose/syntax', line: 4, message: 'docker-compose.yml is not valid YAML: the key "db" is written twice in one mapping' }),
    ]);
  });
});
