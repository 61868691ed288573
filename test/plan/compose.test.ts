import { describe, expect, it } from 'vitest';
import { readComposeModel } from '../../src/compose/compose-model.js';
import { ConfigError, UsageError } from '../../src/errors.js';
import { composeProjectName, planCompose } from '../../src/plan/compose.js';
import { instanceValues } from '../../src/plan/instance-values.js';
import { defaultInstance } from '../../src/workspace/instance.js';
import type { ServiceSpec } from '../../src/workspace/types.js';

const text = `services:
  backend:
    image: backend
  db:
    image: postgres:15-alpine
    profiles: [local-db]
    ports: ["\${POSTGRES_PORT:-5432}:5432"]
  pgbouncer:
    image: edoburu/pgbouncer
    profiles: [pgbouncer]
    ports: ["\${PGBOUNCER_PORT:-6432}:5432"]
  grafana:
    image: grafana/grafana
    profiles: [monitoring]
    ports: ["\${GRAFANA_PORT:-3001}:3000"]
  promtail:
    image: grafana/promtail
    profiles: [monitoring]
`;
const values = { COMPOSE_PROJECT_NAME: 'TovPlay Dev', POSTGRES_PORT: '5433', POSTGRES_USER: 'tov', POSTGRES_PASSWORD: 'pw', POSTGRES_DB: 'game' };
const model = readComposeModel(text, '/ws/docker-compose.yml', (name) => values[name as keyof typeof values]);

describe('planCompose', () => {
  it('plans the services of the requested profiles (not the default ones), with URLs and masked database URLs', () => {
    const plan = planCompose({ profiles: ['monitoring', 'local-db'], model, envFile: '/ws/.env', values });
    expect(plan.project).toEqual({ file: '/ws/docker-compose.yml', name: 'tovplaydev', envFile: '/ws/.env', profiles: ['monitoring', 'local-db'] });
    expect(plan.services.map(({ name, url }) => ({ name, url }))).toEqual([
      { name: 'db', url: 'postgresql://tov:***@localhost:5433/game' },
      { name: 'grafana', url: 'http://localhost:3001/' },
      { name: 'promtail', url: null },
    ]);
    expect(plan.services[0]).toMatchObject({ image: 'postgres:15-alpine', binds: [] });
    expect(plan.variables).toEqual({});
  });

  it("sets PgBouncer's upstream for compose", () => {
    const plan = planCompose({ profiles: ['pgbouncer', 'local-db'], model, envFile: null, values });
    expect(plan.services.map((service) => service.url)).toEqual(['postgresql://tov:***@localhost:5433/game', 'postgresql://tov:***@localhost:6432/game']);
    expect(plan.variables).toEqual({ PGBOUNCER_DB_HOST: 'db', PGBOUNCER_DB_PORT: '5432' });
  });

  it("points the URLs at a remote engine's host, where its published ports are", () => {
    const plan = planCompose({ profiles: ['monitoring', 'local-db'], model, envFile: null, values, engineAddress: '10.0.0.5' });
    expect(plan.services.map((service) => service.url)).toEqual(['postgresql://tov:***@10.0.0.5:5433/game', 'http://10.0.0.5:3001/', null]);
    const v6 = planCompose({ profiles: ['monitoring'], model, envFile: null, values, engineAddress: 'fd00::5' });
    expect(v6.services[0]?.url).toBe('http://[fd00::5]:3001/');
  });

  it("refuses an unknown profile, naming the file's profiles", () => {
    expect(() => planCompose({ profiles: ['local-db', 'nope'], model, envFile: null, values })).toThrow(UsageError);
    expect(() => planCompose({ profiles: ['nope'], model, envFile: null, values })).toThrow('"nope" is not a profile of docker-compose.yml.');
  });
});

describe('planCompose for an instance', () => {
  it('suffixes the project, moves each published port through its variable, and builds URLs on the moved ports', () => {
    const plan = planCompose({ profiles: ['pgbouncer', 'local-db', 'monitoring'], model, envFile: null, values, instance: 2 });
    expect(plan.project.name).toBe('tovplaydev-i2');
    expect(plan.portVariables).toEqual({ POSTGRES_PORT: '5453', PGBOUNCER_PORT: '6452', GRAFANA_PORT: '3021' });
    expect(plan.variables).toEqual({ PGBOUNCER_DB_HOST: 'db', PGBOUNCER_DB_PORT: '5432', POSTGRES_PORT: '5453', PGBOUNCER_PORT: '6452', GRAFANA_PORT: '3021' });
    expect(plan.publishedPorts).toEqual([5433, 6432, 3001]);
    expect(plan.services.map((service) => service.url)).toEqual([
      'postgresql://tov:***@localhost:5453/game',
      'postgresql://tov:***@localhost:6452/game',
      'http://localhost:3021/',
      null,
    ]);
    const zero = planCompose({ profiles: ['local-db'], model, envFile: null, values, instance: 0 });
    expect(zero.project.name).toBe('tovplaydev');
    expect(zero.portVariables).toEqual({});
  });

  it('refuses a published port written out (no variable to move it), saying how to write it', () => {
    const literal = readComposeModel('services:\n  web:\n    image: w\n    profiles: [web]\n    ports: ["8080:80"]\n', '/ws/c.yml', () => undefined);
    expect(planCompose({ profiles: ['web'], model: literal, envFile: null, values: {} }).project.name).toBe('ws');
    const plan = () => planCompose({ profiles: ['web'], model: literal, envFile: null, values: {}, instance: 1 });
    expect(plan).toThrow(ConfigError);
    expect(plan).toThrow('the compose service web publishes port 8080 written out, so instance 1 cannot move it.');
    try {
      plan();
    } catch (error) {
      expect((error as ConfigError).hint).toBe('Write it with a variable, e.g. "${WEB_PORT:-8080}:80": tovrun sets the variable to 8090 for instance 1.');
    }
  });

  it("gives services the instance's values: port keys and localhost URLs on moved ports, then compose's port variables", () => {
    const services = [{ basePort: 5001 }, { basePort: 3000 }, { basePort: null }] as ServiceSpec[];
    const plan = planCompose({ profiles: ['local-db'], model, envFile: null, values, instance: 1 });
    const env = {
      BACKEND_PORT: '5001',
      DATABASE_URL_LOCAL: 'postgresql://tov:pw@localhost:5433/game',
      VITE_API_URL: 'http://localhost:5001',
      GRAFANA_PORT: '3001',
    };
    expect(instanceValues({ services, instance: { number: 1, source: '--instance', auto: false } }, plan, env)).toEqual({
      BACKEND_PORT: '5011',
      DATABASE_URL_LOCAL: 'postgresql://tov:pw@localhost:5443/game',
      VITE_API_URL: 'http://localhost:5011',
      POSTGRES_PORT: '5443',
      COMPOSE_PROJECT_NAME: 'tovplaydev-i1',
    });
    expect(instanceValues({ services, instance: defaultInstance }, plan, env)).toEqual({});
  });
});

describe('composeProjectName', () => {
  it("normalises like compose, and falls back to the compose file's folder", () => {
    expect(composeProjectName({ COMPOSE_PROJECT_NAME: 'TovPlay' }, '/ws/docker-compose.yml')).toBe('tovplay');
    expect(composeProjectName({}, '/home/me/My Project/docker-compose.yml')).toBe('myproject');
    expect(composeProjectName({ COMPOSE_PROJECT_NAME: '__' }, '/x/docker-compose.yml')).toBe('tovrun');
  });
});
