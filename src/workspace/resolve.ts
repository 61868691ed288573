/** Turns a merged raw configuration into the plain-data Workspace: absolute paths, probes, restart policies. */
import path from 'node:path';
import { defaultInstance, type Instance, instanceOffset, instancePort, instanceStateDir, maxPort } from './instance.js';
import { shiftHostPorts, shiftValue } from './instance-ports.js';
import type { RawConfig, RawProbe, RawService } from './raw-config.js';
import { checkServiceRules, serviceConfigError } from './service-rules.js';
import type { Probe, RestartPolicy, ServiceSpec, Workspace } from './types.js';

/** The ports an instance moves and by how much: the services' ports as configured, and the instance number. */
interface PortMove {
  moved: ReadonlySet<number>;
  instance: number;
}

const defaultProbeTimeoutMs = 60_000;

/** Merges a preset's raw config with the user's: scalars replaced, services merged by name, env merged. */
export function mergeRawConfigs(base: RawConfig, override: RawConfig): RawConfig {
  const services: Record<string, RawService> = { ...(base.services ?? {}) };
  for (const [name, service] of Object.entries(override.services ?? {})) {
    const previous = services[name] ?? {};
    const probeReplaced = service.probe !== undefined;
    services[name] = {
      ...previous,
      ...service,
      env: { ...(previous.env ?? {}), ...(service.env ?? {}) },
      ...(probeReplaced ? { probeFallback: undefined } : {}),
    };
  }
  return {
    ...base,
    ...override,
    python: { ...(base.python ?? {}), ...(override.python ?? {}) },
    compose: { ...(base.compose ?? {}), ...(override.compose ?? {}) },
    services,
  };
}

/** The command as an argument list with {port} substituted. */
function commandArgs(command: string | string[], port: number | null): string[] {
  const args = Array.isArray(command) ? command : splitCommandLine(command);
  return args.map((arg) => (port === null ? arg : arg.replaceAll('{port}', String(port))));
}

/** Splits a command line on spaces, honouring single and double quotes (no shell expansion). */
export function splitCommandLine(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let quote: '"' | "'" | null = null;
  let started = false;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started || current) args.push(current);
      current = '';
      started = false;
    } else {
      current += char;
    }
  }
  if (started || current) args.push(current);
  return args;
}

/** A probe from its raw form; an http path becomes a URL on the service's port; a moved port in a URL or tcp probe follows the instance. */
export function resolveProbe(raw: RawProbe | undefined, port: number | null, move: PortMove = { moved: new Set(), instance: 0 }): Probe {
  const timeoutMs = raw?.timeout === undefined ? defaultProbeTimeoutMs : Math.round(raw.timeout * 1000);
  if (raw?.http !== undefined) {
    const url = /^https?:\/\//.test(raw.http)
      ? shiftHostPorts(raw.http, move.moved, move.instance)
      : `http://127.0.0.1:${port ?? 80}${raw.http.startsWith('/') ? '' : '/'}${raw.http}`;
    return { kind: 'http', url, timeoutMs };
  }
  if (raw?.tcp !== undefined) return { kind: 'tcp', port: move.moved.has(raw.tcp) ? instancePort(raw.tcp, move.instance) : raw.tcp, timeoutMs };
  if (raw?.log !== undefined) return { kind: 'log', pattern: raw.log, timeoutMs };
  if (port !== null) return { kind: 'tcp', port, timeoutMs };
  return { kind: 'none' };
}

/** The crash-loop defaults: 5 failed exits within 60 s and a service is no longer restarted (README, tovrun.yaml). */
export const crashLoopDefaults = { crashLimit: 5, crashWindowSeconds: 60 };

function resolveRestart(raw: RawService['restart']): RestartPolicy {
  return {
    policy: raw?.policy ?? 'no',
    maxRetries: raw?.maxRetries ?? 5,
    backoffMs: Math.round((raw?.backoff ?? 1) * 1000),
    crashLimit: raw?.crashLimit ?? crashLoopDefaults.crashLimit,
    crashWindowMs: Math.round((raw?.crashWindow ?? crashLoopDefaults.crashWindowSeconds) * 1000),
  };
}

/** The service's port moved by the instance's offset; a ConfigError when that leaves the valid range. */
function movedPort(name: string, raw: RawService, configFile: string, instance: number): number | null {
  if (raw.port === undefined) return null;
  const port = instancePort(raw.port, instance);
  if (port > maxPort)
    throw serviceConfigError(
      configFile,
      ['services', name, 'port'],
      `port ${raw.port} moved by instance ${instance}'s offset (${instanceOffset(instance)}) is ${port}, above ${maxPort}.`,
      `Give services.${name} a port at most ${maxPort - instanceOffset(instance)}, or run a lower instance.`,
    );
  return port;
}

function resolveService(name: string, raw: RawService, root: string, configFile: string, move: PortMove): ServiceSpec {
  if (!raw.type)
    throw serviceConfigError(
      configFile,
      ['services', name],
      'the service has no type; expected one of python, node, command.',
      `Add \`type: python\`, \`type: node\` or \`type: command\` under services.${name}.`,
    );
  const port = movedPort(name, raw, configFile, move.instance);
  const command = raw.command === undefined ? [] : commandArgs(raw.command, port);
  if (command.length === 0)
    throw serviceConfigError(
      configFile,
      ['services', name, 'command'],
      'the service has no command.',
      `Add \`command:\` under services.${name}, e.g. command: npm run dev.`,
    );
  if ((command[0] as string).trim() === '') {
    throw serviceConfigError(
      configFile,
      ['services', name, 'command'],
      'the program to run (the first word of the command) is empty.',
      `Start services.${name}.command with the program, e.g. command: node server.js, or command: [node, server.js].`,
    );
  }
  const dir = path.resolve(root, raw.dir ?? '.');
  const base = {
    name,
    dir,
    port,
    basePort: raw.port ?? null,
    command,
    env: Object.fromEntries(Object.entries(raw.env ?? {}).map(([key, value]) => [key, shiftValue(key, String(value), move.moved, move.instance)])),
    probe: resolveProbe(raw.probe, port, move),
    probeFallback: raw.probeFallback ? resolveProbe(raw.probeFallback, port, move) : null,
    restart: resolveRestart(raw.restart),
    dependsOn: raw.depends_on ?? {},
    watch: raw.watch ?? [],
  };
  if (raw.type === 'python') {
    return { ...base, type: 'python', venv: path.resolve(dir, raw.venv ?? 'venv'), requirements: path.resolve(dir, raw.requirements ?? 'requirements.txt') };
  }
  if (raw.type === 'node') {
    return { ...base, type: 'node', legacyPeerDeps: raw.legacyPeerDeps ?? false, ignoreScripts: raw.ignoreScripts ?? false };
  }
  return { ...base, type: 'command' };
}

/** The folder where tovrun keeps a workspace's state (stamps, logs, run state): .tovrun/ in its root. */
export function workspaceStateDir(root: string): string {
  return path.join(root, '.tovrun');
}

/** The Workspace for a root and its merged raw config, as the instance has it (ports moved, its own state folder). */
export function resolveWorkspace(root: string, raw: RawConfig, configFile: string | null, preset: string, instance: Instance = defaultInstance): Workspace {
  const file = configFile ?? path.join(root, 'tovrun.yaml');
  checkServiceRules(raw, file);
  const enabled = Object.entries(raw.services ?? {}).filter(([, service]) => service.enabled !== false);
  const move: PortMove = { moved: new Set(enabled.flatMap(([, service]) => (service.port === undefined ? [] : [service.port]))), instance: instance.number };
  const services = enabled.map(([name, service]) => resolveService(name, service, root, file, move));
  const composeFile = path.resolve(root, raw.compose?.file ?? 'docker-compose.yml');
  return {
    root,
    configFile,
    preset,
    envFile: path.join(root, '.env'),
    envTemplateFile: path.join(root, '.env.template'),
    composeFile,
    composeProfiles: raw.compose?.profiles ?? [],
    composeHealthTimeoutMs: Math.round((raw.compose?.healthTimeout ?? 120) * 1000),
    stateDir: instanceStateDir(workspaceStateDir(root), instance.number),
    sharedStateDir: workspaceStateDir(root),
    instance,
    python: { command: raw.python?.command ?? null, minVersion: raw.python?.minVersion ?? '3.10' },
    panes: raw.panes ?? 'auto',
    shutdownTimeoutMs: Math.round((raw.shutdownTimeout ?? 5) * 1000),
    services,
  };
}
