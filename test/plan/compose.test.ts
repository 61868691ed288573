import { describe, expect, it } from 'vitest';
import { readComposeModel } from '../../src/compose/compose-model.js';
import { UsageError } from '../../src/errors.js';
import { composeProjectName, planCompose } from '../../src/plan/compose.js';

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

describe('composeProjectName', () => {
  it("normalises like compose, and falls back to the compose file's folder", () => {
    expect(composeProjectName({ COMPOSE_PROJECT_NAME: 'TovPlay' }, '/ws/docker-compose.yml')).toBe('tovplay');
    expect(composeProjectName({}, '/home/me/My Project/docker-compose.yml')).toBe('myproject');
    expect(composeProjectName({ COMPOSE_PROJECT_NAME: '__' }, '/x/docker-compose.yml')).toBe('tovrun');
  });
});
