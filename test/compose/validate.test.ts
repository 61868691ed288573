import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeSchemaFile, composeSchemaSha256 } from '../../src/compose/schema.js';
import { composeSchemaProblems, validateComposeFile } from '../../src/compose/validate.js';
import { resolveEnvValues } from '../../src/env/load.js';
import { parseEnvTemplate } from '../../src/env/template.js';
import { repoRoot } from '../support/processes.js';

const rootCompose = readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8');
const templateText = readFileSync(path.join(repoRoot, '.env.template'), 'utf8');
const templateKeys = [...parseEnvTemplate(templateText, '.env.template').keys.keys()];
/** The values of a .env copied from the template. */
const copiedEnv = Object.fromEntries(resolveEnvValues(templateText));

describe('the vendored Compose specification schema', () => {
  it('is the pinned file (sha256 in src/compose/schema.ts and templates/compose-spec.schema.md)', () => {
    const sha = createHash('sha256').update(readFileSync(composeSchemaFile)).digest('hex');
    expect(sha).toBe(composeSchemaSha256);
    expect(readFileSync(path.join(repoRoot, 'templates', 'compose-spec.schema.md'), 'utf8')).toContain(composeSchemaSha256);
  });
});

describe('validateComposeFile', () => {
  it('passes the root docker-compose.yml with a .env copied from .env.template', () => {
    expect(validateComposeFile(rootCompose, 'docker-compose.yml', copiedEnv, templateKeys)).toEqual([]);
  });

  it('reports a variable .env.template does not document, with its lines', () => {
    const text = 'services:\n  a:\n    image: ${IMAGE}\n    environment:\n      X: ${MYSTERY}\n      Y: ${MYSTERY}-2\n';
    expect(validateComposeFile(text, 'c.yml', { IMAGE: 'x' }, ['IMAGE'])).toEqual([
      expect.objectContaining({
        id: 'compose/undocumented-variable',
        status: 'error',
        file: 'c.yml',
        line: 5,
        message: 'MYSTERY is used by the compose file (also line 6) but .env.template does not document it.',
      }),
    ]);
  });

  it('reports a required variable that .env leaves unset, at its line', () => {
    const problems = validateComposeFile(rootCompose, 'docker-compose.yml', { ...copiedEnv, POSTGRES_PASSWORD: '' }, templateKeys);
    const lines = rootCompose.split('\n');
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem).toMatchObject({ id: 'compose/interpolation', status: 'error' });
      expect(lines[(problem.line ?? 0) - 1]).toContain('POSTGRES_PASSWORD');
    }
  });

  it('checks the interpolated file against the schema: unknown keys and wrong types, with lines', () => {
    const text = 'services:\n  db:\n    image: postgres\n    healthcheck:\n      test: ["CMD", "true"]\n      retrys: 3\n    ports: ${PORTS}\n';
    const problems = validateComposeFile(text, 'c.yml', { PORTS: '5432' }, ['PORTS']);
    expect(problems).toContainEqual(expect.objectContaining({ id: 'compose/schema', line: 6, message: 'services.db.healthcheck: unknown key "retrys".' }));
    expect(problems).toContainEqual(
      expect.objectContaining({ id: 'compose/schema', line: 7, message: expect.stringContaining('services.db.ports: expected array') }),
    );
  });

  it('never prints a key as it is when it holds escape sequences or is very long: quoted, escaped and shortened', () => {
    const text = `services:\n  "db\\e]0;owned\\a":\n    image: postgres\n  web:\n    image: nginx\n    ${'k'.repeat(300)}: 1\n`;
    const messages = validateComposeFile(text, 'c.yml', {}, []).map((problem) => problem.message);
    expect(messages).toContainEqual(expect.stringContaining('services: unknown key "db\\u001b]0;owned\\u0007".'));
    expect(messages).toContainEqual(expect.stringMatching(/^services\.web: unknown key "k{40}…" \(300 characters\)\.$/));
    expect(messages.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('warns about keys only Compose v2 understands (docker-compose 1.29 must work too)', () => {
    const text =
      'name: x\nservices:\n  a:\n    image: a\n    depends_on:\n      b:\n        condition: service_healthy\n        required: false\n  b:\n    image: b\n    healthcheck:\n      test: ["CMD", "true"]\n      start_interval: 1s\n';
    const problems = validateComposeFile(text, 'c.yml', {}, []);
    expect(problems.map((problem) => [problem.id, problem.status, problem.line])).toEqual([
      ['compose/v2-only-key', 'warn', 1],
      ['compose/v2-only-key', 'warn', 8],
      ['compose/v2-only-key', 'warn', 13],
    ]);
  });

  it('reports YAML syntax errors with their line and stops there', () => {
    expect(validateComposeFile('services:\n  a:\n    image: "x\n', 'c.yml', {}, [])).toEqual([
      expect.objectContaining({ id: 'compose/syntax', line: expect.any(Number) }),
    ]);
  });
});

describe("composeSchemaProblems (the schema part alone, for the doctor's compose rules)", () => {
  it('reports schema and v2-only problems, not variables or interpolation', () => {
    const text = 'name: x\nservices:\n  a:\n    image: ${MYSTERY:?unset}\n    restart: sometimes-maybe\n    bogus: 1\n';
    expect(composeSchemaProblems(text, 'c.yml', {}).map((problem) => [problem.id, problem.line])).toEqual([
      ['compose/schema', 6],
      ['compose/v2-only-key', 1],
    ]);
    expect(composeSchemaProblems('a: [', 'c.yml', {})).toEqual([]);
  });
});

describe('hostile YAML', () => {
  it('reports unresolved aliases and alias bombs as problems, never as an untyped error', () => {
    expect(validateComposeFile('*b', 'c.yml', {}, [])).toEqual([expect.objectContaining({ id: 'compose/syntax', line: 1 })]);
    const bomb = Array.from({ length: 8 }, (_, level) =>
      level === 0
        ? 'a0: &a0 ["x", "x", "x", "x"]'
        : `a${level}: &a${level} [${Array(4)
            .fill(`*a${level - 1}`)
            .join(', ')}]`,
    ).join('\n');
    expect(validateComposeFile(bomb, 'c.yml', {}, [])).toEqual([expect.objectContaining({ id: 'compose/syntax' })]);
    expect(composeSchemaProblems(bomb, 'c.yml', {})).toEqual([]);
  });
});
