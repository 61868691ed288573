/** Pure planning of depends_on: every name known, no cycle, compose dependencies in a requested profile, and the services a selection needs. */
import path from 'node:path';
import { ConfigError, UsageError } from '../errors.js';
import type { ComposeServiceInfo } from '../workspace/compose-file.js';
import type { ServiceSpec } from '../workspace/types.js';
import { findCycle } from './dependency-cycle.js';

/** What withDependencies needs. */
export interface DependencyInputs {
  /** Every service of the workspace, in workspace order. */
  services: readonly ServiceSpec[];
  /** The services the flags selected (--only, --backend, --frontend). */
  selected: readonly ServiceSpec[];
  /** The compose file and its services; null when there is none (or it was not needed). */
  compose: { file: string; services: readonly ComposeServiceInfo[] } | null;
  /** The compose profiles this run starts. */
  profiles: readonly string[];
  /** tovrun.yaml, named in errors. */
  configFile: string;
}

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

/** The depends_on names that are not tovrun services: compose services (or mistakes). */
export function foreignDependencies(services: readonly ServiceSpec[]): string[] {
  const own = new Set(services.map((service) => service.name));
  return [...new Set(services.flatMap((service) => Object.keys(service.dependsOn).filter((name) => !own.has(name))))];
}

/** A ConfigError for a depends_on entry naming neither a tovrun service nor a compose service. */
function checkNames(inputs: DependencyInputs): void {
  const own = inputs.services.map((service) => service.name);
  const composed = inputs.compose?.services.map((service) => service.name) ?? [];
  for (const service of inputs.services) {
    const unknown = Object.keys(service.dependsOn).filter((name) => !own.includes(name) && !composed.includes(name));
    const first = unknown[0];
    if (first === undefined) continue;
    const composeFile = inputs.compose ? `compose services of ${path.basename(inputs.compose.file)}: ${composed.join(', ') || '(none)'}` : 'no compose file';
    throw new ConfigError(`services.${service.name}.depends_on names ${quoted(unknown)}, which is neither a tovrun service nor a compose service.`, {
      file: inputs.configFile,
      key: `services.${service.name}.depends_on.${first}`,
      hint: `Known: tovrun services ${own.join(', ')}; ${composeFile}.`,
    });
  }
}

/** A ConfigError naming the first cycle among the tovrun services' depends_on. */
function checkCycles(inputs: DependencyInputs): void {
  const graph = new Map(inputs.services.map((service) => [service.name, Object.keys(service.dependsOn)]));
  const cycle = findCycle(graph);
  if (!cycle) return;
  throw new ConfigError(`services depend on each other in a cycle: ${cycle.join(' → ')}.`, {
    file: inputs.configFile,
    key: `services.${cycle[0]}.depends_on`,
    hint: 'Remove one depends_on entry of the cycle: a service starts only after the services it depends on.',
  });
}

/** The selected services' names with every tovrun service they depend on, transitively (docker compose does the same). */
function neededNames(inputs: DependencyInputs): Set<string> {
  const byName = new Map(inputs.services.map((service) => [service.name, service]));
  const needed = new Set<string>();
  const add = (name: string): void => {
    const service = byName.get(name);
    if (!service || needed.has(name)) return;
    needed.add(name);
    for (const dependency of Object.keys(service.dependsOn)) add(dependency);
  };
  for (const service of inputs.selected) add(service.name);
  return needed;
}

/** Every compose dependency of the services to start must be in a requested profile: tovrun starts (and awaits) only those. */
function checkComposeDependencies(inputs: DependencyInputs, starting: readonly ServiceSpec[]): void {
  const own = new Set(inputs.services.map((service) => service.name));
  for (const service of starting) {
    for (const name of Object.keys(service.dependsOn).filter((each) => !own.has(each))) {
      const info = inputs.compose?.services.find((each) => each.name === name);
      if (!info || info.profiles.some((profile) => inputs.profiles.includes(profile))) continue;
      const file = path.basename(inputs.compose?.file ?? 'docker-compose.yml');
      if (info.profiles.length === 0) {
        throw new ConfigError(
          `services.${service.name}.depends_on names the compose service "${name}", which has no profile in ${file}; tovrun starts only the compose services of the profiles it is asked for.`,
          {
            file: inputs.configFile,
            key: `services.${service.name}.depends_on.${name}`,
            hint: `Give "${name}" a profile in ${file} (profiles: [<name>]) and run with -p <name>.`,
          },
        );
      }
      const profile = info.profiles[0] as string;
      throw new UsageError(
        `${service.name} depends on the compose service "${name}", which is in the profile${info.profiles.length === 1 ? '' : 's'} ` +
          `${quoted(info.profiles)}, and this run starts ${inputs.profiles.length === 0 ? 'no profile' : `only ${quoted(inputs.profiles)}`}.`,
        `Add -p ${profile} (or TOVRUN_PROFILES=${profile}, or compose.profiles: [${profile}] in tovrun.yaml).`,
      );
    }
  }
}

/** Checks every depends_on of the workspace; returns the selection plus the tovrun services it depends on (started too, as docker compose does), in workspace order. */
export function withDependencies(inputs: DependencyInputs): ServiceSpec[] {
  checkNames(inputs);
  checkCycles(inputs);
  const needed = neededNames(inputs);
  const starting = inputs.services.filter((service) => needed.has(service.name));
  checkComposeDependencies(inputs, starting);
  return starting;
}

/** The depends_on entries naming tovrun services of the run (what the supervisor orders); compose ones are healthy before any service starts. */
export function serviceDependencies(service: ServiceSpec, runServices: readonly string[]): Record<string, 'started' | 'healthy'> {
  return Object.fromEntries(Object.entries(service.dependsOn).filter(([name]) => runServices.includes(name)));
}
