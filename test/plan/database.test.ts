import { describe, expect, it } from 'vitest';
import { chooseDatabase, databaseOverrides, databaseUse, describeDatabase, pgbouncerUpstream, postgresUrl } from '../../src/plan/database.js';
import { planLaunch } from '../../src/plan/launch.js';
import { platformFor } from '../../src/platform/platform.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { tempDir, writeFiles } from '../install/support/temp-dir.js';

const values = {
  DATABASE_URL: 'postgresql://app:remote-pw@db.internal.example:5432/tovplay',
  POSTGRES_HOST: 'localhost',
  POSTGRES_PORT: '5433',
  POSTGRES_USER: 'tovplay',
  POSTGRES_PASSWORD: 'p@ss word',
  POSTGRES_DB: 'tovplay',
  PGBOUNCER_PORT: '6432',
};
const local = 'postgresql://tovplay:p%40ss%20word@localhost:5433/tovplay';
const pooled = 'postgresql://tovplay:p%40ss%20word@localhost:6432/tovplay';
const own = 'postgresql://me:mine@localhost:5999/mydb';

/** Every combination of the three profiles. */
const combinations: string[][] = [
  [],
  ['local-db'],
  ['monitoring'],
  ['pgbouncer'],
  ['local-db', 'monitoring'],
  ['local-db', 'pgbouncer'],
  ['monitoring', 'pgbouncer'],
  ['local-db', 'monitoring', 'pgbouncer'],
];

/** What the backend should get for a combination: [source, url, override]. */
function expected(profiles: string[], withLocalOverride: boolean): [string, string, string | null] {
  if (profiles.includes('pgbouncer')) return ['pgbouncer', pooled, pooled];
  if (profiles.includes('local-db')) return withLocalOverride ? ['DATABASE_URL_LOCAL', own, own] : ['local-db', local, local];
  return ['DATABASE_URL', values.DATABASE_URL, null];
}

describe('chooseDatabase, for every profile combination', () => {
  for (const profiles of combinations) {
    const name = profiles.join(' + ') || 'no profile';
    it(`${name}: POSTGRES_* wiring`, () => {
      const [source, url, override] = expected(profiles, false);
      expect(chooseDatabase({ profiles, values: { ...values, DATABASE_URL_LOCAL: '' }, configured: undefined })).toEqual({ source, url, override });
    });
    it(`${name}: with DATABASE_URL_LOCAL set`, () => {
      const [source, url, override] = expected(profiles, true);
      expect(chooseDatabase({ profiles, values: { ...values, DATABASE_URL_LOCAL: own }, configured: undefined })).toEqual({ source, url, override });
    });
    it(`${name}: tovrun.yaml's services.backend.env.DATABASE_URL always wins`, () => {
      expect(chooseDatabase({ profiles, values: { ...values, DATABASE_URL_LOCAL: own }, configured: own })).toEqual({
        source: 'tovrun.yaml',
        url: own,
        override: null,
      });
    });
  }

  it("falls back to docker-compose.yml's defaults for unset POSTGRES_* keys, and to nothing without DATABASE_URL", () => {
    expect(chooseDatabase({ profiles: ['local-db'], values: {}, configured: undefined }).url).toBe('postgresql://tovplay@localhost:5432/tovplay');
    expect(chooseDatabase({ profiles: [], values: {}, configured: undefined })).toEqual({ source: 'none', url: null, override: null });
  });

  it("points local-db's and PgBouncer's DATABASE_URL at a remote engine's host, where their ports are published", () => {
    const remote = { values: {}, configured: undefined, engineAddress: '10.0.0.5' };
    expect(chooseDatabase({ profiles: ['local-db'], ...remote }).override).toBe('postgresql://tovplay@10.0.0.5:5432/tovplay');
    expect(chooseDatabase({ profiles: ['pgbouncer', 'local-db'], ...remote }).override).toBe('postgresql://tovplay@10.0.0.5:6432/tovplay');
  });
});

describe('describing the choice', () => {
  it('masks the password and says where the URL comes from', () => {
    const choice = chooseDatabase({ profiles: ['local-db'], values, configured: undefined });
    expect(describeDatabase(choice)).toBe(
      'postgresql://tovplay:***@localhost:5433/tovplay (the local-db profile, built from the POSTGRES_* keys; set DATABASE_URL_LOCAL to use another)',
    );
    expect(describeDatabase(choice)).not.toContain('word');
    expect(describeDatabase(chooseDatabase({ profiles: ['pgbouncer'], values, configured: undefined }))).toBe(
      'postgresql://tovplay:***@localhost:6432/tovplay (PgBouncer of the pgbouncer profile)',
    );
    expect(describeDatabase({ source: 'none', url: null, override: null })).toBe('no DATABASE_URL is set');
  });

  it('gives services DATABASE_URL only when tovrun overrides it', () => {
    expect(databaseOverrides(chooseDatabase({ profiles: ['local-db'], values, configured: undefined }))).toEqual({ DATABASE_URL: local });
    expect(databaseOverrides(chooseDatabase({ profiles: [], values, configured: undefined }))).toEqual({});
  });

  it('builds and masks URLs', () => {
    expect(postgresUrl({ user: 'u', password: '', host: 'h', port: '1', database: 'd' })).toBe('postgresql://u@h:1/d');
    const described = (url: string) => describeDatabase({ url, source: 'DATABASE_URL', override: null }).split(' (')[0];
    expect(described('postgres://u:secret@h/d')).toBe('postgres://u:***@h/d');
    expect(described('postgresql://u:pa@ss@word@h:5432/d')).toBe('postgresql://u:***@h:5432/d');
    expect(described('sqlite:///x.db')).toBe('sqlite:///x.db');
  });
});

describe('pgbouncerUpstream', () => {
  it('points PgBouncer at the local-db service when both profiles run', () => {
    expect(pgbouncerUpstream(['pgbouncer', 'local-db'], values)).toEqual({ PGBOUNCER_DB_HOST: 'db', PGBOUNCER_DB_PORT: '5432' });
  });

  it("else at POSTGRES_HOST:POSTGRES_PORT, the host's loopback reached as host.docker.internal", () => {
    expect(pgbouncerUpstream(['pgbouncer'], values)).toEqual({ PGBOUNCER_DB_HOST: 'host.docker.internal', PGBOUNCER_DB_PORT: '5433' });
    expect(pgbouncerUpstream(['pgbouncer'], { ...values, POSTGRES_HOST: 'db.internal.example' })).toEqual({
      PGBOUNCER_DB_HOST: 'db.internal.example',
      PGBOUNCER_DB_PORT: '5433',
    });
  });

  it('leaves what .env sets, and adds nothing without the pgbouncer profile', () => {
    expect(pgbouncerUpstream(['pgbouncer'], { ...values, PGBOUNCER_DB_HOST: 'mine', PGBOUNCER_DB_PORT: '7000' })).toEqual({});
    expect(pgbouncerUpstream(['local-db', 'monitoring'], values)).toEqual({});
  });
});

describe('databaseUse: the Python service, whatever its name', () => {
  const yaml = (env: string) =>
    `version: 1\npreset: none\nservices:\n  web:\n    type: node\n    dir: web\n    command: node server.js\n  api:\n    type: python\n    dir: api\n    command: python app.py\n${env}`;
  const load = (env = '') =>
    loadWorkspace(writeFiles(tempDir(), { 'tovrun.yaml': yaml(env), 'api/requirements.txt': 'flask\n', 'web/server.js': '' })).services;
  const inputs = { envValues: {}, processEnv: {}, platform: platformFor('linux'), color: false, nodePath: '/usr/bin/node' };

  it('-p local-db wires DATABASE_URL to a Python service called api, and tells api', () => {
    const services = load();
    const { choice, users } = databaseUse(services, services, ['local-db'], values);
    expect(choice).toEqual({ source: 'local-db', url: local, override: local });
    expect(users).toEqual(['api']);
    const api = services.find((service) => service.name === 'api');
    expect(api && planLaunch(api, { ...inputs, overrides: databaseOverrides(choice) }).env.DATABASE_URL).toBe(local);
  });

  it("api's own env.DATABASE_URL in tovrun.yaml wins over the profile, and the description does not say backend", () => {
    const services = load(`    env:\n      DATABASE_URL: ${own}\n`);
    const { choice, users } = databaseUse(services, services, ['local-db'], values);
    expect(choice).toEqual({ source: 'tovrun.yaml', url: own, override: null });
    expect(users).toEqual(['api']);
    expect(describeDatabase(choice)).toBe('postgresql://me:***@localhost:5999/mydb (env.DATABASE_URL of its service in tovrun.yaml)');
  });

  it('tells no one when no database is set, nor when the run leaves the Python service out', () => {
    const services = load(`    env:\n      DATABASE_URL: ${own}\n`);
    expect(databaseUse(services, services, [], {})).toEqual({ choice: { source: 'tovrun.yaml', url: own, override: null }, users: ['api'] });
    expect(databaseUse(load(), load(), [], {})).toEqual({ choice: { source: 'none', url: null, override: null }, users: [] });
    const webOnly = services.filter((service) => service.name === 'web');
    expect(databaseUse(services, webOnly, ['local-db'], values)).toEqual({ choice: { source: 'local-db', url: local, override: local }, users: [] });
  });

  it('without a Python service, the first service is the one the database is for', () => {
    const yaml = `version: 1\npreset: none\nservices:\n  worker:\n    type: command\n    command: node worker.js\n    env:\n      DATABASE_URL: ${own}\n  web:\n    type: node\n    dir: web\n    command: node server.js\n`;
    const services = loadWorkspace(writeFiles(tempDir(), { 'tovrun.yaml': yaml, 'web/server.js': '' })).services;
    expect(databaseUse(services, services, ['local-db'], values)).toEqual({ choice: { source: 'tovrun.yaml', url: own, override: null }, users: ['worker'] });
  });
});
