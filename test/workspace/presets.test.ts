// The built-in presets: one list of names, the schema's enum in step with it; node-postgres-redis written by init loads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvTemplate } from '../../src/env/template.js';
import { applyInit } from '../../src/init/apply.js';
import { planInit } from '../../src/init/plan.js';
import { loadWorkspace, parseTovrunYaml } from '../../src/workspace/load.js';
import { initPresetNames, presetNames } from '../../src/workspace/presets.js';
import { copyFixture, hashTree, realReader } from '../init/support.js';

describe('the preset list', () => {
  it('names every preset once; init offers those with files to ship; the schema accepts exactly these names', () => {
    expect(presetNames).toEqual(['tovplay', 'node-postgres-redis', 'none']);
    expect(initPresetNames).toEqual(['tovplay', 'node-postgres-redis']);
    const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../templates/tovrun.schema.json'), 'utf8')) as {
      properties: { preset: { enum: string[] } };
    };
    expect(schema.properties.preset.enum).toEqual(presetNames);
  });
});

describe('node-postgres-redis preset', () => {
  it('writes tovrun.yaml, the compose file, .env.template, the server and SETUP.md; the workspace loads', () => {
    const root = copyFixture('plain-node');
    const plan = planInit(root, { preset: 'node-postgres-redis' }, realReader);
    applyInit(plan);
    const yaml = readFileSync(path.join(root, 'tovrun.yaml'), 'utf8');
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/tovrun/templates/tovrun.schema.json');
    expect(() => parseTovrunYaml(yaml, 'tovrun.yaml')).not.toThrow();
    const workspace = loadWorkspace(root);
    expect(workspace.services.map((service) => [service.name, service.type, service.port])).toEqual([['signaling', 'node', 4001]]);
    const compose = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    expect(compose).toMatch(/image: postgres:15/);
    expect(compose).toMatch(/image: redis:7/);
    expect(compose.match(/healthcheck:/g)).toHaveLength(2);
    expect(readFileSync(path.join(root, '.env'), 'utf8')).toBe(readFileSync(path.join(root, '.env.template'), 'utf8'));
    const after = hashTree(root);
    expect(planInit(root, { preset: 'node-postgres-redis' }, realReader).actions).toEqual([]);
    expect(hashTree(root)).toBe(after);
  });

  it('its .env.template has the keys compose and the server read, and parses cleanly', () => {
    const text = readFileSync(path.resolve(import.meta.dirname, '../../templates/presets/node-postgres-redis/.env.template'), 'utf8');
    const template = parseEnvTemplate(text, '.env.template');
    expect([...template.keys.keys()]).toEqual([
      'COMPOSE_PROJECT_NAME',
      'PORT',
      'POSTGRES_USER',
      'POSTGRES_PASSWORD',
      'POSTGRES_DB',
      'POSTGRES_PORT',
      'DATABASE_URL',
      'REDIS_PORT',
      'REDIS_URL',
    ]);
    expect(template.keys.get('POSTGRES_PASSWORD')?.secret).toBe(true);
  });
});
