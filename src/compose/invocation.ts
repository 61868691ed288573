/** The exact command lines tovrun runs for compose and its engine, built as plain data from the provider. */
import type { ComposeProject } from '../plan/compose.js';
import type { ComposeProvider } from './provider.js';

/** A program and its arguments. */
export interface Invocation {
  command: string;
  args: string[];
}

/** compose's global flags for a project: -f, -p, --env-file (when supported), one --profile per profile. */
export function projectFlags(provider: ComposeProvider, project: ComposeProject): string[] {
  const envFile = provider.envFileFlag && project.envFile !== null ? ['--env-file', project.envFile] : [];
  const overrides = (project.overrideFiles ?? []).flatMap((file) => ['-f', file]);
  return ['-f', project.file, ...overrides, '-p', project.name, ...envFile, ...project.profiles.flatMap((profile) => ['--profile', profile])];
}

/** A compose subcommand for the project, e.g. composeInvocation(p, project, ['up', '-d', 'db']). */
export function composeInvocation(provider: ComposeProvider, project: ComposeProject, subcommand: readonly string[]): Invocation {
  return { command: provider.command, args: [...provider.prefix, ...projectFlags(provider, project), ...subcommand] };
}

/** An engine subcommand (docker or podman), e.g. engineInvocation(p, ['inspect', id]). */
export function engineInvocation(provider: ComposeProvider, args: readonly string[]): Invocation {
  return { command: provider.engine, args: [...args] };
}

/** compose subcommands tovrun uses. */
export const composeSubcommands = {
  /** Creates and starts the services (and what they depend on) in the background. */
  up: (services: readonly string[]): string[] => ['up', '-d', ...services],
  /** Stops the services, waiting up to timeoutSeconds before killing; containers and volumes stay. */
  stop: (services: readonly string[], timeoutSeconds: number): string[] => ['stop', '-t', String(Math.max(1, Math.ceil(timeoutSeconds))), ...services],
  /** Removes the (stopped) containers of the services; named volumes stay. */
  rm: (services: readonly string[]): string[] => ['rm', '-f', ...services],
  /** Validates the file (with the enabled profiles) without printing it. */
  configQuiet: (): string[] => ['config', '-q'],
} as const;

/** The labels compose puts on every container: project and service. */
export const composeLabels = { project: 'com.docker.compose.project', service: 'com.docker.compose.service' } as const;

/** Engine subcommands tovrun uses; the same for docker and podman. */
export const engineSubcommands = {
  /** The ids of a service's containers, stopped ones included (by compose's labels: the same for every provider). */
  containerIds: (project: string, service: string): string[] => [
    'ps',
    '-a',
    '-q',
    '--no-trunc',
    '--filter',
    `label=${composeLabels.project}=${project}`,
    '--filter',
    `label=${composeLabels.service}=${service}`,
  ],
  /** The ids of the project's networks. */
  networkIds: (project: string): string[] => ['network', 'ls', '-q', '--filter', `label=${composeLabels.project}=${project}`],
  /** Removes networks (the engine refuses those still in use). */
  removeNetworks: (ids: readonly string[]): string[] => ['network', 'rm', ...ids],
  /** One JSON line of State per container. */
  inspectState: (ids: readonly string[]): string[] => ['inspect', '--format', '{{json .State}}', ...ids],
  /** A container's output from sinceSeconds (Unix time) on, followed until it stops. */
  followLogs: (id: string, sinceSeconds: number): string[] => ['logs', '--follow', '--since', String(Math.floor(sinceSeconds)), id],
  /** A container's last lines. */
  tailLogs: (id: string, lines: number): string[] => ['logs', '--tail', String(lines), id],
} as const;
