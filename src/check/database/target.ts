/** Which database the backend would use: DATABASE_URL from the environment (it wins, as for Flask) or .env, and its kind. */
import { parseEnv } from '../../env/parse.js';
import { type CheckInput, workspacePath } from '../input.js';

/** DATABASE_URL and where it was set. */
export interface DatabaseTarget {
  url: string;
  /** The .env line, or null when it came from the environment. */
  where: { file: string; line: number } | null;
}

/** The DATABASE_URL the backend would get, or null when none is set. */
export function findDatabaseUrl(input: CheckInput): DatabaseTarget | null {
  const fromEnvironment = input.env.DATABASE_URL;
  if (fromEnvironment) return { url: fromEnvironment, where: null };
  const url = input.facts.envValues().values.DATABASE_URL;
  if (!url) return null;
  const text = input.effects.files.readText(input.workspace.envFile) ?? '';
  const line = parseEnv(text)
    .entries.filter((entry) => entry.key === 'DATABASE_URL')
    .pop()?.line;
  return { url, where: line === undefined ? null : { file: workspacePath(input, input.workspace.envFile), line } };
}

/** What kind of URL DATABASE_URL is. */
export type DatabaseUrl =
  | { kind: 'postgres'; connectionString: string; display: string; password: string | null }
  | { kind: 'other'; scheme: string }
  | { kind: 'invalid' };

/** SQLAlchemy's postgresql+driver:// and plain postgres(ql):// become a node-postgres connection string. */
export function parseDatabaseUrl(url: string): DatabaseUrl {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1];
  if (scheme === undefined) return { kind: 'invalid' };
  if (!/^postgres(ql)?(\+[A-Za-z0-9_]+)?$/i.test(scheme)) return { kind: 'other', scheme };
  const connectionString = `postgresql${url.slice(scheme.length)}`;
  let parsed: URL;
  try {
    parsed = new URL(connectionString);
  } catch {
    return { kind: 'invalid' };
  }
  const user = decodeURIComponent(parsed.username) || '(default user)';
  const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || user;
  const display = `${user}@${host}:${parsed.port || '5432'}/${database}`;
  return { kind: 'postgres', connectionString, display, password: parsed.password ? decodeURIComponent(parsed.password) : null };
}
