/** The plain-data Workspace every stage reads: where things are and which services run how. */
import type { Instance } from './instance.js';

/** How tovrun decides a service is ready. */
export type Probe =
  | { kind: 'http'; url: string; timeoutMs: number }
  | { kind: 'tcp'; port: number; timeoutMs: number }
  | { kind: 'log'; pattern: string; timeoutMs: number }
  | { kind: 'none' };

/** A service that passed its probe (here, under both, because the supervisor and compose each report their ready services). */
export interface ReadyService {
  name: string;
  /** What the user opens (the HTTP probe's origin, or localhost on the port); null for services without either. */
  url: string | null;
  /** From the first spawn to the probe passing. */
  readyMs: number;
  /** The probe that passed (the fallback when the primary answered 404). */
  probe: Probe;
}

/** What happens when a service exits on its own. */
export interface RestartPolicy {
  policy: 'no' | 'on-failure';
  maxRetries: number;
  backoffMs: number;
  /** A crash loop: this many failed exits within crashWindowMs and the service is not restarted again (default 5). */
  crashLimit: number;
  /** The crash loop's window (default 60 s). */
  crashWindowMs: number;
}

/** Fields every kind of service has. */
interface ServiceBase {
  name: string;
  /** Absolute working folder. */
  dir: string;
  /** The port with the instance's offset (instance.ts): the port it listens on. */
  port: number | null;
  /** The port as tovrun.yaml (or the preset) gives it, before the instance's offset; the same as port for instance 0. */
  basePort: number | null;
  /** Command line with {port} already substituted; interpreted per type (see the schema's description). */
  command: string[];
  /** Extra environment over the .env values. */
  env: Record<string, string>;
  /** Primary probe; fallback is tried when the primary answers "not found" (a backend without /health). */
  probe: Probe;
  probeFallback: Probe | null;
  restart: RestartPolicy;
  dependsOn: Record<string, 'started' | 'healthy'>;
  /** Globs relative to dir (tovrun.yaml's watch:) whose changes restart the service; empty for none. */
  watch: string[];
}

/** A Python service: a venv, a requirements file, and a command run with the venv's Python. */
export interface PythonService extends ServiceBase {
  type: 'python';
  /** Absolute venv folder. */
  venv: string;
  /** Absolute requirements file. */
  requirements: string;
}

/** A Node service: npm packages (dev dependencies included) and a command run with node. */
export interface NodeService extends ServiceBase {
  type: 'node';
  legacyPeerDeps: boolean;
  ignoreScripts: boolean;
}

/** A plain command with nothing to install. */
export interface CommandService extends ServiceBase {
  type: 'command';
}

/** One service tovrun runs. */
export type ServiceSpec = PythonService | NodeService | CommandService;

/** How service output is shown. */
export type PanesMode = 'auto' | 'prefix' | 'tmux' | 'windows' | 'tui';

/** A resolved workspace: absolute paths, defaults applied, tovrun.yaml merged in. */
export interface Workspace {
  root: string;
  /** tovrun.yaml when present. */
  configFile: string | null;
  preset: string;
  envFile: string;
  envTemplateFile: string;
  composeFile: string;
  composeProfiles: string[];
  /** How long tovrun waits for each compose service to become healthy (compose.healthTimeout). */
  composeHealthTimeoutMs: number;
  /** This instance's run state: state.json, control.json, compose.json, panes.json, logs/ (.tovrun/, or .tovrun/instances/<n>/). */
  stateDir: string;
  /** .tovrun/ under the root, shared by every instance: install stamps, venv probes, the tovrun.yaml cache. */
  sharedStateDir: string;
  /** Which copy of the workspace this is (0 unless --instance, TOVRUN_INSTANCE or instance: says otherwise). */
  instance: Instance;
  python: { command: string | null; minVersion: string };
  panes: PanesMode;
  shutdownTimeoutMs: number;
  services: ServiceSpec[];
}

/** The Python service among services (the first of type python, in workspace order): the one `tovrun env` activates and DATABASE_URL is for. */
export function pythonService(services: readonly ServiceSpec[]): PythonService | undefined {
  return services.find((service): service is PythonService => service.type === 'python');
}

/** The service the database is for: the Python service, else (a workspace without one) the first service. */
export function databaseService(services: readonly ServiceSpec[]): ServiceSpec | undefined {
  return pythonService(services) ?? services[0];
}
