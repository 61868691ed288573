// The database check against a real PostgreSQL 15 (test/support/postgres.ts): max_connections 10, 3 reserved for superusers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectionFailure } from '../../src/check/database/failure.js';
import { connectWithPg } from '../../src/check/database/session.js';
import { parseDatabaseUrl } from '../../src/check/database/target.js';
import { formatAge, usageFindings } from '../../src/check/database/usage.js';
import { appRole, closeSessions, freePort, openSessions, postgresSkipReason, type Sessions, startPostgres, type TestPostgres } from '../support/postgres.js';
import { type DoctorRun, fakeEffects, minimalFiles, runDoctor, withId, workspaceWith } from './support/doctor.js';

describe('parseDatabaseUrl', () => {
  it('reads SQLAlchemy and plain PostgreSQL URLs, and names other kinds', () => {
    expect(parseDatabaseUrl('postgresql+psycopg2://tovplay:p%40ss@db.local:6543/app')).toEqual({
      kind: 'postgres',
      connectionString: 'postgresql://tovplay:p%40ss@db.local:6543/app',
      display: 'tovplay@db.local:6543/app',
      password: 'p@ss',
    });
    expect(parseDatabaseUrl('postgres://u@h/d')).toMatchObject({ kind: 'postgres', display: 'u@h:5432/d', password: null });
    expect(parseDatabaseUrl('sqlite:///local.db')).toEqual({ kind: 'other', scheme: 'sqlite' });
    expect(parseDatabaseUrl('not a url')).toEqual({ kind: 'invalid' });
  });
});

describe('usage and failures (pure)', () => {
  const stats = { maxConnections: 100, superuserReserved: 3, reserved: 0, inUse: 80, hidden: 2 };

  it('suggests the pgbouncer profile from 80 % of the usable connections', () => {
    const [high] = usageFindings('u@h:5432/d', stats, [], 300_000, {});
    expect(high).toMatchObject({ id: 'database/connections-high', status: 'warn', hint: expect.stringContaining('`tovrun -p pgbouncer`') });
    expect(high?.message).toContain(
      '80 of 97 usable connections in use (82 %; max_connections 100, 3 reserved for superusers); the state of 2 sessions of other roles is hidden',
    );
    expect(usageFindings('u@h:5432/d', { ...stats, inUse: 77 }, [], 300_000, {})[0]).toMatchObject({ id: 'database/connections', status: 'ok' });
  });

  it('formats ages in seconds or minutes', () => {
    expect([formatAge(0.25), formatAge(42.4), formatAge(301)]).toEqual(['0.3 s', '42 s', '5 min']);
  });

  it('gives "too many clients" its own explanation; unreachable warns unless --require-db', () => {
    const full = Object.assign(new Error('sorry, too many clients already'), { code: '53300', severity: 'FATAL' });
    expect(connectionFailure(full, 'u@h:5432/d', false, {})).toMatchObject({
      id: 'database/too-many-clients',
      status: 'warn',
      message: expect.stringContaining('FATAL: sorry, too many clients already (SQLSTATE 53300)'),
    });
    expect(connectionFailure(full, 'u@h:5432/d', true, {}).status).toBe('error');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(connectionFailure(refused, 'u@h:1/d', false, {})).toMatchObject({ id: 'database/unreachable', status: 'warn' });
    expect(connectionFailure(refused, 'u@h:1/d', true, {}).status).toBe('error');
  });
});

describe('database skipped', () => {
  it('passes with a note without DATABASE_URL, or with one that is not PostgreSQL', async () => {
    expect((await runDoctor(workspaceWith(minimalFiles), ['database'])).findings).toEqual([
      expect.objectContaining({ id: 'database/skipped', status: 'ok', message: expect.stringContaining('no DATABASE_URL') }),
    ]);
    const sqlite = await runDoctor(
      workspaceWith({
        ...minimalFiles,
        '.env.template': 'APP_NAME=demo\nDATABASE_URL=sqlite:///x.db\n',
        '.env': 'APP_NAME=demo\nDATABASE_URL=sqlite:///x.db\n',
      }),
      ['database'],
    );
    expect(sqlite.findings).toEqual([
      expect.objectContaining({
        id: 'database/skipped',
        file: '.env',
        line: 2,
        message: 'DATABASE_URL is a sqlite URL, not PostgreSQL; the database was not checked.',
      }),
    ]);
  });

  it('times out as a warning (an error with --require-db) when connecting hangs', async () => {
    const hang = fakeEffects({ connectDatabase: () => new Promise(() => undefined), timeoutsMs: { database: 50 } });
    const env = { DATABASE_URL: 'postgresql://u:pw@10.255.255.1/d' };
    expect(withId(await runDoctor(workspaceWith(minimalFiles), ['database'], { effects: hang, env }), 'database/timeout')[0]?.status).toBe('warn');
    const required = await runDoctor(workspaceWith(minimalFiles), ['database'], { effects: hang, env, options: { requireDb: true } });
    expect(withId(required, 'database/timeout')[0]?.status).toBe('error');
    expect(required.code).toBe(1);
  });
});

describe.skipIf(postgresSkipReason)('database against a real PostgreSQL', () => {
  let server: TestPostgres;
  const sessions: Sessions = [];
  const workspace = workspaceWith(minimalFiles);
  const real = { connectDatabase: connectWithPg };

  /** The database check with DATABASE_URL in the environment, real pg, and the given idle threshold. */
  const check = (options: { url?: string; requireDb?: boolean; idleThresholdMs?: number } = {}): Promise<DoctorRun> =>
    runDoctor(workspace, ['database'], {
      effects: fakeEffects({ ...real, ...(options.idleThresholdMs === undefined ? {} : { idleThresholdMs: options.idleThresholdMs }) }),
      env: { DATABASE_URL: options.url ?? server.url },
      options: { requireDb: options.requireDb ?? false },
    });

  beforeAll(async () => {
    server = await startPostgres({ maxConnections: 10, superuserReserved: 3 });
  });
  afterEach(async () => {
    await closeSessions(sessions);
    await server.waitUntilEmpty();
  });
  afterAll(() => server?.stop());

  it('reports the connections in use against the usable ones, and never the password', async () => {
    sessions.push(...(await openSessions(server.url, 2, 'flask')));
    const run = await check();
    expect(run.findings).toEqual([
      expect.objectContaining({
        id: 'database/connections',
        status: 'ok',
        message: `PostgreSQL tovplay@127.0.0.1:${server.port}/tovplay: 2 of 7 usable connections in use (29 %; max_connections 10, 3 reserved for superusers).`,
      }),
    ]);
    expect(JSON.stringify(run.findings)).not.toContain(appRole.password);
  });

  it('on a nearly full server, warns and suggests the pgbouncer profile (exit 0; 1 with --strict)', async () => {
    sessions.push(...(await openSessions(server.url, 6, 'flask-pool')));
    const run = await check();
    expect(withId(run, 'database/connections-high')).toEqual([
      expect.objectContaining({
        status: 'warn',
        message: expect.stringContaining('6 of 7 usable connections in use (86 %'),
        hint: expect.stringContaining('tovrun -p pgbouncer'),
      }),
    ]);
    expect(run.code).toBe(0);
    const strict = await runDoctor(workspace, ['database'], { effects: fakeEffects(real), env: { DATABASE_URL: server.url }, options: { strict: true } });
    expect(strict.code).toBe(1);
  });

  it('groups idle and idle-in-transaction sessions older than the threshold by application_name', async () => {
    sessions.push(...(await openSessions(server.url, 2, 'worker', { idleInTransaction: true })), ...(await openSessions(server.url, 1, 'flask')));
    expect(withId(await check(), 'database/idle-in-transaction')).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const run = await check({ idleThresholdMs: 250 });
    expect(withId(run, 'database/idle-in-transaction')).toEqual([
      expect.objectContaining({
        status: 'warn',
        message: expect.stringMatching(/^2 sessions idle in transaction for 0\.3 s or more, by application: worker \(2, longest 0\.\d s\)/),
      }),
    ]);
    expect(withId(run, 'database/idle-sessions')[0]?.message).toMatch(/^1 session idle for 0\.3 s or more, by application: flask \(1, longest/);
  });

  it('explains "too many clients" (SQLSTATE 53300): a warning, an error with --require-db', async () => {
    sessions.push(...(await openSessions(server.url, 7, 'flask-pool')), ...(await openSessions(server.superUrl, 3, 'admin')));
    const run = await check();
    expect(run.findings).toEqual([
      expect.objectContaining({
        id: 'database/too-many-clients',
        status: 'warn',
        message: expect.stringContaining('FATAL: sorry, too many clients already (SQLSTATE 53300)'),
        hint: expect.stringContaining('tovrun -p pgbouncer'),
      }),
    ]);
    expect(run.code).toBe(0);
    const required = await check({ requireDb: true });
    expect(required.findings[0]).toMatchObject({ id: 'database/too-many-clients', status: 'error' });
    expect(required.code).toBe(1);
  });

  it('reports the slots reserved for superusers the same way when only they are left', async () => {
    sessions.push(...(await openSessions(server.url, 7, 'flask-pool')));
    expect((await check()).findings[0]).toMatchObject({
      id: 'database/too-many-clients',
      message: expect.stringContaining('remaining connection slots are reserved'),
    });
  });

  it('fails for a wrong password without printing either password', async () => {
    const run = await check({ url: server.url.replace(appRole.password, 'wrong-Passw0rd-123') });
    expect(run.findings).toEqual([
      expect.objectContaining({
        id: 'database/login-failed',
        status: 'error',
        message: expect.stringContaining('password authentication failed for user "tovplay"'),
      }),
    ]);
    expect(JSON.stringify(run.findings)).not.toContain('wrong-Passw0rd-123');
  });

  it('warns when nothing listens (an error with --require-db)', async () => {
    const url = `postgresql://tovplay:${appRole.password}@127.0.0.1:${await freePort()}/tovplay`;
    expect((await check({ url })).findings[0]).toMatchObject({ id: 'database/unreachable', status: 'warn', message: expect.stringContaining('ECONNREFUSED') });
    expect((await check({ url, requireDb: true })).code).toBe(1);
  });
});
