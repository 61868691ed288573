/** Pure planning of the compose part of a run: the project, the services of the requested profiles, their URLs. */
import path from 'node:path';
import { ConfigError, UsageError } from '../errors.js';
import type { BindMount, ComposeModel, ComposeServiceInfo } from '../workspace/compose-file.js';
import { instanceOffset, instancePort, instanceProjectName, maxPort } from '../workspace/instance.js';
import { databaseSetting, pgbouncerUpstream, postgresUrl, urlHost } from './database.js';

/** A compose project as tovrun addresses it: the file, the project name, the env file and the enabled profiles. */
export interface ComposeProject {
  /** Absolute path of the compose file. */
  file: string;
  /** The project name (-p), already normalised the way compose does. */
  name: string;
  /** Absolute path of the .env passed with --env-file (when the provider takes it), or null for none. */
  envFile: string | null;
  profiles: string[];
  /** Compose files tovrun adds after file (-f), e.g. the remote engine's mount override in .tovrun/; absent for none. */
  overrideFiles?: string[];
}

/** A compose service the run starts, with what the user opens to reach it. */
export interface PlannedComposeService {
  name: string;
  /** http://localhost:<port>/ for a published port; a PostgreSQL URL (password masked) for a database; else null. */
  url: string | null;
  /** Its image (interpolated), or null when it only builds one. */
  image: string | null;
  /** Its bind mounts, which a remote engine cannot resolve from this machine. */
  binds: BindMount[];
  /** Whether it reaches the engine's host as host.docker.internal (Prometheus scraping the native backend). */
  hostGateway: boolean;
}

/** The compose part of a run. */
export interface ComposePlan {
  project: ComposeProject;
  services: PlannedComposeService[];
  /** Variables tovrun adds to compose's environment (PgBouncer's upstream, when .env leaves it to tovrun; an instance's published ports). */
  variables: Record<string, string>;
  /** The published ports of the run's services as the file gives them: the ports an instance moves. */
  publishedPorts: number[];
  /** For an instance above 0: each published port's variable set to the moved port (POSTGRES_PORT=5442); empty for instance 0. */
  portVariables: Record<string, string>;
}

/** What planCompose needs. */
export interface ComposePlanInputs {
  profiles: readonly string[];
  model: ComposeModel;
  /** The .env to pass with --env-file, or null when there is none. */
  envFile: string | null;
  /** The variables compose sees: .env (compose's reading) with tovrun's environment over it. */
  values: Readonly<Record<string, string | undefined>>;
  /** The instance (workspace/instance.ts): its project name is suffixed and its published ports moved; 0 by default. */
  instance?: number;
  /** Where the engine's published ports are reached from here: "localhost", or a remote engine's host (default localhost). */
  engineAddress?: string;
}

/** The project name compose would use: COMPOSE_PROJECT_NAME, else the compose file's folder, normalised as compose does. */
export function composeProjectName(values: ComposePlanInputs['values'], composeFile: string): string {
  const raw = values.COMPOSE_PROJECT_NAME || path.basename(path.dirname(composeFile));
  return (
    raw
      .toLowerCase()
      .replace(/[^a-z0-9_-]/g, '')
      .replace(/^[^a-z0-9]+/, '') || 'tovrun'
  );
}

const isDatabase = (service: ComposeServiceInfo, target: number) => /postgres|pgbouncer/i.test(service.image ?? '') || target === 5432;

/** What the user opens to reach a service: its first published port on the engine's host, as a database URL or an http URL. */
export function serviceUrl(service: ComposeServiceInfo, values: ComposePlanInputs['values'], host = 'localhost'): string | null {
  const port = service.ports.find((candidate) => candidate.published !== null);
  if (!port || port.published === null) return null;
  if (!isDatabase(service, port.target)) return `http://${urlHost(host)}:${port.published}/`;
  // The password is never shown: *** stands for it (encodeURIComponent leaves * as it is).
  const password = values.POSTGRES_PASSWORD ? '***' : '';
  return postgresUrl({
    user: databaseSetting(values, 'POSTGRES_USER'),
    password,
    host: urlHost(host),
    port: String(port.published),
    database: databaseSetting(values, 'POSTGRES_DB'),
  });
}

/**
 * The variables that move the services' published ports for the instance: each port's variable set to the moved port. A
 * port written out (no variable) cannot be moved from outside the file: a ConfigError saying how to write it.
 */
function portVariables(services: readonly ComposeServiceInfo[], file: string, instance: number): Record<string, string> {
  const variables: Record<string, string> = {};
  if (instance === 0) return variables;
  for (const service of services) {
    for (const port of service.ports) {
      if (port.published === null) continue;
      const moved = instancePort(port.published, instance);
      if (!port.variable)
        throw new ConfigError(`the compose service ${service.name} publishes port ${port.published} written out, so instance ${instance} cannot move it.`, {
          file,
          key: `services.${service.name}.ports`,
          hint: `Write it with a variable, e.g. "\${${service.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_PORT:-${port.published}}:${port.target}": tovrun sets the variable to ${moved} for instance ${instance}.`,
        });
      if (moved > maxPort)
        throw new ConfigError(
          `the compose service ${service.name}'s port ${port.published} moved by instance ${instance}'s offset (${instanceOffset(instance)}) is ${moved}, above ${maxPort}.`,
          {
            file,
            key: `services.${service.name}.ports`,
            hint: `Set ${port.variable} to a port at most ${maxPort - instanceOffset(instance)}, or run a lower instance.`,
          },
        );
      variables[port.variable] = String(moved);
    }
  }
  return variables;
}

/** The service with its published ports moved to the instance's. */
function movedService(service: ComposeServiceInfo, instance: number): ComposeServiceInfo {
  if (instance === 0) return service;
  return { ...service, ports: service.ports.map((port) => (port.published === null ? port : { ...port, published: instancePort(port.published, instance) })) };
}

/** The services of the requested profiles, in file order; a UsageError naming the known profiles for an unknown one. */
export function planCompose(inputs: ComposePlanInputs): ComposePlan {
  const { model, profiles } = inputs;
  const unknown = profiles.filter((profile) => !model.profiles.includes(profile));
  if (unknown.length > 0) {
    const file = path.basename(model.file);
    throw new UsageError(
      `${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length === 1 ? 'is not a profile' : 'are not profiles'} of ${file}.`,
      `Its profiles: ${model.profiles.join(', ') || '(none)'}.`,
    );
  }
  const services = model.services.filter((service) => service.profiles.some((profile) => profiles.includes(profile)));
  const instance = inputs.instance ?? 0;
  const moved = portVariables(services, model.file, instance);
  const values = { ...inputs.values, ...moved };
  const host = inputs.engineAddress ?? 'localhost';
  return {
    project: {
      file: model.file,
      name: instanceProjectName(composeProjectName(inputs.values, model.file), instance),
      envFile: inputs.envFile,
      profiles: [...profiles],
    },
    services: services.map((service) => ({
      name: service.name,
      url: serviceUrl(movedService(service, instance), values, host),
      image: service.image,
      binds: service.binds,
      hostGateway: service.hostGateway,
    })),
    variables: { ...pgbouncerUpstream(profiles, values), ...moved },
    publishedPorts: services.flatMap((service) => service.ports.flatMap((port) => (port.published === null ? [] : [port.published]))),
    portVariables: moved,
  };
}
