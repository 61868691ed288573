/** Pure planning of the compose part of a run: the project, the services of the requested profiles, their URLs. */
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { BindMount, ComposeModel, ComposeServiceInfo } from '../workspace/compose-file.js';
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
  /** Variables tovrun adds to compose's environment (PgBouncer's upstream, when .env leaves it to tovrun). */
  variables: Record<string, string>;
}

/** What planCompose needs. */
export interface ComposePlanInputs {
  profiles: readonly string[];
  model: ComposeModel;
  /** The .env to pass with --env-file, or null when there is none. */
  envFile: string | null;
  /** The variables compose sees: .env (compose's reading) with tovrun's environment over it. */
  values: Readonly<Record<string, string | undefined>>;
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
  const host = inputs.engineAddress ?? 'localhost';
  return {
    project: { file: model.file, name: composeProjectName(inputs.values, model.file), envFile: inputs.envFile, profiles: [...profiles] },
    services: services.map((service) => ({
      name: service.name,
      url: serviceUrl(service, inputs.values, host),
      image: service.image,
      binds: service.binds,
      hostGateway: service.hostGateway,
    })),
    variables: pgbouncerUpstream(profiles, inputs.values),
  };
}
