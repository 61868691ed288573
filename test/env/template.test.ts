import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvTemplate } from '../../src/env/template.js';
import { ConfigError } from '../../src/errors.js';
import { repositoryRoot } from './support/workspace.js';

function configError(text: string): ConfigError {
  try {
    parseEnvTemplate(text, '/ws/.env.template');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseEnvTemplate: annotations', () => {
  it('reads @required, @optional, @secret and @type from the comment lines right above a key', () => {
    const { keys } = parseEnvTemplate('# The port.\n# @required @type=port\nPORT=5001\n# @optional @secret\nTOKENLESS=\n# @type=enum(a|b)\nMODE=a\n', '/t');
    expect(keys.get('PORT')).toMatchObject({ required: true, type: { kind: 'port' }, secret: false, example: '5001', line: 3 });
    expect(keys.get('TOKENLESS')).toMatchObject({ required: false, secret: true });
    expect(keys.get('MODE')?.type).toEqual({ kind: 'enum', values: ['a', 'b'] });
  });

  it('infers what is not annotated: required from an example, type from the value, secret from the name', () => {
    const { keys } = parseEnvTemplate('DEBUG=true\nAPI_PORT=8080\nWORKERS=4\nSITE=https://example.com\nMAIL=a@example.com\nNAME=x\nEMPTY=\nAPI_KEY=\n', '/t');
    expect(keys.get('DEBUG')).toMatchObject({ required: true, type: { kind: 'bool' } });
    expect(keys.get('API_PORT')?.type).toEqual({ kind: 'port' });
    expect(keys.get('WORKERS')?.type).toEqual({ kind: 'int' });
    expect(keys.get('SITE')?.type).toEqual({ kind: 'url' });
    expect(keys.get('MAIL')?.type).toEqual({ kind: 'email' });
    expect(keys.get('NAME')?.type).toEqual({ kind: 'string' });
    expect(keys.get('EMPTY')).toMatchObject({ required: false });
    expect(keys.get('API_KEY')).toMatchObject({ secret: true });
  });

  it('knows commented-out keys as optional, and lets an active definition win', () => {
    const { keys } = parseEnvTemplate('# FLASK_ENV=production\n# @secret\n# PROD_ONLY=<x>\nFLASK_ENV=development\n', '/t');
    expect(keys.get('PROD_ONLY')).toMatchObject({ commented: true, required: false, secret: true, example: '<x>' });
    expect(keys.get('FLASK_ENV')).toMatchObject({ commented: false, required: true, example: 'development', line: 4 });
  });

  it('ignores @ inside words and in back-quoted documentation', () => {
    expect(parseEnvTemplate('# mail me at dev@example.com, tags look like `@required`\nA=1\n', '/t').keys.get('A')?.required).toBe(true);
  });
});

describe('parseEnvTemplate: a broken template is a ConfigError with its line', () => {
  it.each([
    ['# @requried\nA=1\n', 1, /unknown annotation @requried/],
    ['# @type=float\nA=1\n', 1, /@type=float is not a type/],
    ['# @type=enum()\nA=1\n', 1, /@type=enum\(\) is not a type/],
    ['# @required @optional\nA=1\n', 1, /both @required and @optional/],
    ['# @type=int\n# @type=port\nA=1\n', 2, /two @type/],
    ['# @secret=yes\nA=1\n', 1, /takes no value/],
    ['# @required\n\nA=1\n', 1, /not directly above a key/],
    ['A=1\n# @required\n', 2, /not followed by a key/],
    ['A=1\nA=2\n', 2, /defined twice \(first on line 1\)/],
    ['A=1\nB\n', 2, /has no "="/],
    ['A="x"y\n', 1, /cannot be parsed/],
    ['# @type=port\nPORT=http\n', 2, /PORT is annotated as a port \(1-65535\), but its example value "http" is not/],
  ])('%j → line %i', (text, line, message) => {
    const error = configError(text);
    expect(error.message).toMatch(message);
    expect(error.location).toEqual({ file: '/ws/.env.template', line });
  });

  it('does not echo the example value of a secret key', () => {
    expect(configError('# @type=port\nDB_PASSWORD=hunter2\n').message).not.toContain('hunter2');
  });
});

describe("TovPlay's .env.template", () => {
  const text = readFileSync(path.join(repositoryRoot, '.env.template'), 'utf8');
  const { keys } = parseEnvTemplate(text, '.env.template');

  it('has every section of the consolidation, and commented-out staging and production sections', () => {
    for (const section of [
      'Docker & build',
      'Backend application',
      'Database',
      'Email',
      'Website URLs',
      'Security & rate limiting',
      'Discord OAuth',
      'API keys',
      'Docker compose ports',
      'Frontend (Vite)',
      'Error reporting',
      'OAuth providers',
      'STAGING',
      'PRODUCTION',
    ]) {
      expect(text).toContain(`# ${section}`);
    }
    expect(text).toMatch(/^# FLASK_ENV=staging$/m);
    expect(text).toMatch(/^# FLASK_ENV=production$/m);
  });

  it('defines the keys later stages rely on, with the right types', () => {
    for (const key of ['FLASK_APP', 'FLASK_ENV', 'DATABASE_URL', 'JWT_SECRET_KEY', 'POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_DB', 'POSTGRES_PORT'])
      expect(keys.get(key)?.required, key).toBe(true);
    for (const key of ['POSTGRES_PORT', 'BACKEND_PORT', 'FRONTEND_PORT', 'GRAFANA_PORT', 'PROMETHEUS_PORT', 'PGBOUNCER_PORT'])
      expect(keys.get(key)?.type, key).toEqual({ kind: 'port' });
    expect(keys.get('BACKEND_PORT')?.example).toBe('5001');
    expect(keys.get('FRONTEND_PORT')?.example).toBe('3000');
    expect(keys.get('DATABASE_URL')).toMatchObject({ secret: true, type: { kind: 'url' } });
  });

  it('holds placeholders only: no IP address, secrets marked dev-only or empty', () => {
    expect(text).not.toMatch(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/);
    for (const spec of keys.values()) {
      if (spec.secret && !spec.commented && spec.example !== '') expect(spec.example, spec.key).toMatch(/dev-only/);
    }
  });
});
