// A real PostgreSQL for the database checks: initdb into a temporary folder (as the `postgres` user when the tests run
// as root, since initdb refuses root), pg_ctl on a free port with low connection limits, a password-authenticated role.
import { execFile } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findExecutable } from '../../src/platform/executable.js';
import { platformFor } from '../../src/platform/platform.js';

const run = promisify(execFile);
const binaries = ['initdb', 'pg_ctl', 'postgres', 'psql'];
const missing = binaries.filter((name) => findExecutable(name, process.env, platformFor(process.platform)) === undefined);

/** Why the database tests cannot run here, or undefined when they can. Under CI=true it is always undefined: they must run. */
export const postgresSkipReason: string | undefined =
  missing.length > 0 && process.env.CI !== 'true'
    ? `PostgreSQL binaries not on PATH (${missing.join(', ')}); install PostgreSQL 15 to run the database checks`
    : undefined;

/** The role and database the tests connect as (not a superuser), and its password. */
export const appRole = { user: 'tovplay', password: 'pg-test-Secr3t-9f1c', database: 'tovplay' };
const superPassword = 'pg-super-Secr3t-7a2b';

/** A running test server. */
export interface TestPostgres {
  port: number;
  maxConnections: number;
  superuserReserved: number;
  /** postgresql://tovplay:<password>@127.0.0.1:<port>/tovplay */
  url: string;
  /** The superuser, over TCP with a password. */
  superUrl: string;
  /** Resolves once no client session but the one asking is left (closed sessions leave the server a moment later). */
  waitUntilEmpty(): Promise<void>;
  stop(): Promise<void>;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * A TCP port nothing uses right now, below the ephemeral range (32768+): a port the OS hands out for outgoing
 * connections would make the ports check see it busy whenever some process happens to connect from it.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
}

/** Runs a PostgreSQL tool as the postgres user when this process is root, else as itself. */
function asServerUser(command: string, args: string[]): Promise<{ stdout: string }> {
  const root = userInfo().uid === 0;
  return root ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);
}

/** Starts a server with the given connection limits; call stop() in afterAll. */
export async function startPostgres(limits: { maxConnections: number; superuserReserved: number }): Promise<TestPostgres> {
  const base = mkdtempSync(path.join(tmpdir(), 'tovrun-pg-'));
  const data = path.join(base, 'data');
  const sockets = path.join(base, 'sock');
  const pwfile = path.join(base, 'pwfile');
  mkdirSync(sockets);
  writeFileSync(pwfile, `${superPassword}\n`);
  if (userInfo().uid === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    for (const entry of [base, sockets, pwfile]) chownSync(entry, Number(stdout.trim()), Number(group.trim()));
  }
  await asServerUser('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    `--pwfile=${pwfile}`,
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${sockets}`,
    `-c max_connections=${limits.maxConnections}`,
    `-c superuser_reserved_connections=${limits.superuserReserved}`,
    '-c max_wal_senders=0',
    '-c fsync=off',
  ].join(' ');
  await asServerUser('pg_ctl', ['-D', data, '-l', path.join(base, 'server.log'), '-w', '-t', '60', '-o', settings, 'start']);
  const psql = (sql: string) =>
    asServerUser('psql', ['-h', sockets, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql]);
  const stop = async () => {
    await asServerUser('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(base, { recursive: true, force: true });
  };
  try {
    await psql(`CREATE ROLE ${appRole.user} LOGIN PASSWORD '${appRole.password}'`);
    await psql(`CREATE DATABASE ${appRole.database} OWNER ${appRole.user}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    ...limits,
    url: `postgresql://${appRole.user}:${appRole.password}@127.0.0.1:${port}/${appRole.database}`,
    superUrl: `postgresql://postgres:${superPassword}@127.0.0.1:${port}/postgres`,
    async waitUntilEmpty() {
      const [client] = await openSessions(`postgresql://postgres:${superPassword}@127.0.0.1:${port}/postgres`, 1, 'test-harness');
      if (!client) throw new Error('could not connect as the superuser');
      try {
        for (let tries = 0; tries < 200; tries++) {
          const { rows } = await client.query<{ others: number }>(
            "SELECT count(*)::int AS others FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
          );
          if (rows[0]?.others === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        throw new Error('PostgreSQL still has client sessions 5 s after they were closed');
      } finally {
        await client.end();
      }
    },
    stop,
  };
}

/** Open client sessions that stay connected until closeSessions. */
export type Sessions = pg.Client[];

/** Opens count sessions to url with an application_name; with idleInTransaction each is left inside an open transaction. */
export async function openSessions(url: string, count: number, applicationName: string, options: { idleInTransaction?: boolean } = {}): Promise<Sessions> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const client = new pg.Client({ connectionString: url, application_name: applicationName });
      client.on('error', () => undefined);
      await client.connect();
      if (options.idleInTransaction) await client.query('BEGIN; SELECT 1;');
      return client;
    }),
  );
}

/** Closes sessions opened by openSessions. */
export async function closeSessions(sessions: Sessions): Promise<void> {
  await Promise.all(sessions.map((client) => client.end().catch(() => undefined)));
  sessions.length = 0;
}
