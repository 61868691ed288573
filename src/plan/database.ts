/** Pure wiring of the database service's DATABASE_URL to the compose profiles: local-db, pgbouncer, or what .env configures. */
import { secretMask } from '../env/mask.js';
import { maskUrlPassword } from '../env/secrets.js';
import { databaseService, type ServiceSpec } from '../workspace/types.js';

/** The compose profile of the local PostgreSQL. */
export const localDbProfile = 'local-db';
/** The local PostgreSQL's service name in docker-compose.yml (PgBouncer's upstream when both profiles run). */
export const localDbService = 'db';
/** The compose profile of PgBouncer. */
export const pgbouncerProfile = 'pgbouncer';

/** Why the database service (the Python one, else the first) gets the database it gets. */
export type DatabaseSource = 'tovrun.yaml' | 'pgbouncer' | 'DATABASE_URL_LOCAL' | 'local-db' | 'DATABASE_URL' | 'none';

/** The database service's database: the URL, where it comes from, and whether tovrun overrides .env's DATABASE_URL with it. */
export interface DatabaseChoice {
  source: DatabaseSource;
  url: string | null;
  /** The value tovrun gives services as DATABASE_URL, or null to leave what .env and the environment say. */
  override: string | null;
}

/** What the choice depends on. */
export interface DatabaseInputs {
  /** The compose profiles of this run. */
  profiles: readonly string[];
  /** .env values with tovrun's environment over them. */
  values: Readonly<Record<string, string | undefined>>;
  /** The database service's env.DATABASE_URL from tovrun.yaml, when the user set one. */
  configured: string | undefined;
  /** Where the engine publishes the profiles' ports: "localhost" (the default), or a remote engine's host. */
  engineAddress?: string;
}

/** The defaults docker-compose.yml uses when a POSTGRES_* key is unset. */
const composeDefaults: Record<string, string> = { POSTGRES_USER: 'tovplay', POSTGRES_DB: 'tovplay', POSTGRES_PORT: '5432', PGBOUNCER_PORT: '6432' };

/** A database setting (POSTGRES_USER, PGBOUNCER_PORT, ...), or the default docker-compose.yml uses when it is unset or empty. */
export function databaseSetting(values: DatabaseInputs['values'], key: string): string {
  const found = values[key];
  return found !== undefined && found !== '' ? found : (composeDefaults[key] ?? '');
}

/** A host for a URL: IPv6 addresses in brackets. */
export const urlHost = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/** A PostgreSQL URL; user, password and database are percent-encoded. */
export function postgresUrl(parts: { user: string; password: string; host: string; port: string; database: string }): string {
  const password = parts.password === '' ? '' : `:${encodeURIComponent(parts.password)}`;
  return `postgresql://${encodeURIComponent(parts.user)}${password}@${parts.host}:${parts.port}/${encodeURIComponent(parts.database)}`;
}

/** The URL of the POSTGRES_* database on the engine's host at port (the local-db's or pgbouncer's published port). */
function localUrl(values: DatabaseInputs['values'], portKey: 'POSTGRES_PORT' | 'PGBOUNCER_PORT', host: string): string {
  return postgresUrl({
    user: databaseSetting(values, 'POSTGRES_USER'),
    password: values.POSTGRES_PASSWORD ?? '',
    host: urlHost(host),
    port: databaseSetting(values, portKey),
    database: databaseSetting(values, 'POSTGRES_DB'),
  });
}

/**
 * The database service's database. Its env.DATABASE_URL in tovrun.yaml always wins; with pgbouncer, PgBouncer on
 * localhost:PGBOUNCER_PORT; with local-db, DATABASE_URL_LOCAL when set, else the local database built from POSTGRES_*;
 * otherwise DATABASE_URL as configured.
 */
export function chooseDatabase(inputs: DatabaseInputs): DatabaseChoice {
  const { profiles, values } = inputs;
  const host = inputs.engineAddress ?? 'localhost';
  if (inputs.configured !== undefined) return { source: 'tovrun.yaml', url: inputs.configured, override: null };
  if (profiles.includes(pgbouncerProfile)) {
    const url = localUrl(values, 'PGBOUNCER_PORT', host);
    return { source: 'pgbouncer', url, override: url };
  }
  if (profiles.includes(localDbProfile)) {
    const own = values.DATABASE_URL_LOCAL;
    if (own !== undefined && own !== '') return { source: 'DATABASE_URL_LOCAL', url: own, override: own };
    const url = localUrl(values, 'POSTGRES_PORT', host);
    return { source: 'local-db', url, override: url };
  }
  const configured = values.DATABASE_URL;
  return configured !== undefined && configured !== ''
    ? { source: 'DATABASE_URL', url: configured, override: null }
    : { source: 'none', url: null, override: null };
}

const sourceWords: Record<DatabaseSource, string> = {
  'tovrun.yaml': 'env.DATABASE_URL of its service in tovrun.yaml',
  pgbouncer: 'PgBouncer of the pgbouncer profile',
  DATABASE_URL_LOCAL: 'DATABASE_URL_LOCAL from .env, with the local-db profile',
  'local-db': 'the local-db profile, built from the POSTGRES_* keys; set DATABASE_URL_LOCAL to use another',
  DATABASE_URL: 'DATABASE_URL from .env',
  none: 'no DATABASE_URL is set',
};

/** The choice in one line, password masked: "postgresql://u:***@localhost:5432/db (the local-db profile, …)". */
export function describeDatabase(choice: DatabaseChoice): string {
  return choice.url === null ? sourceWords.none : `${maskUrlPassword(choice.url, secretMask)} (${sourceWords[choice.source]})`;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * The database PgBouncer pools, as compose variables (PGBOUNCER_DB_HOST, PGBOUNCER_DB_PORT), for those .env leaves
 * empty: the local-db service when that profile runs too, else POSTGRES_HOST:POSTGRES_PORT (the host's loopback is
 * host.docker.internal from inside a container). Empty without the pgbouncer profile.
 */
export function pgbouncerUpstream(profiles: readonly string[], values: DatabaseInputs['values']): Record<string, string> {
  if (!profiles.includes(pgbouncerProfile)) return {};
  const local = profiles.includes(localDbProfile);
  const configuredHost = databaseSetting(values, 'POSTGRES_HOST') || 'localhost';
  const host = local ? localDbService : loopbackHosts.has(configuredHost) ? 'host.docker.internal' : configuredHost;
  const port = local ? '5432' : databaseSetting(values, 'POSTGRES_PORT');
  const variables: Record<string, string> = {};
  if (!values.PGBOUNCER_DB_HOST) variables.PGBOUNCER_DB_HOST = host;
  if (!values.PGBOUNCER_DB_PORT) variables.PGBOUNCER_DB_PORT = port;
  return variables;
}

/** The database of a run and the services told which one they use. */
export interface DatabaseUse {
  choice: DatabaseChoice;
  users: string[];
}

/**
 * The database of a run: the env.DATABASE_URL of the workspace's database service (its Python service, else its first)
 * when that service runs, over the profiles' wiring. Told which one they use: the run's Python services and that service.
 */
export function databaseUse(
  workspaceServices: readonly ServiceSpec[],
  run: readonly ServiceSpec[],
  profiles: readonly string[],
  values: DatabaseInputs['values'],
  engineAddress = 'localhost',
): DatabaseUse {
  const owner = databaseService(workspaceServices);
  const running = run.find((service) => service.name === owner?.name);
  const choice = chooseDatabase({ profiles, values, configured: running?.env.DATABASE_URL, engineAddress });
  const users = choice.url === null ? [] : run.filter((service) => service.type === 'python' || service === running).map((service) => service.name);
  return { choice, users };
}

/** The environment tovrun adds to services for the choice: DATABASE_URL when it overrides, else nothing. */
export function databaseOverrides(choice: DatabaseChoice): Record<string, string> {
  return choice.override === null ? {} : { DATABASE_URL: choice.override };
}
