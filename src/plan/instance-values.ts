/** The values an instance changes for its services and compose: port variables and loopback URLs on the ports it moves. */
import { shiftedValues } from '../workspace/instance-ports.js';
import type { Workspace } from '../workspace/types.js';
import type { ComposePlan } from './compose.js';

/** The ports the instance moves: every service's configured port and the published ports of the run's compose services. */
export function movedPorts(workspace: Pick<Workspace, 'services'>, compose: Pick<ComposePlan, 'publishedPorts'> | null): Set<number> {
  return new Set([...workspace.services.flatMap((service) => (service.basePort === null ? [] : [service.basePort])), ...(compose?.publishedPorts ?? [])]);
}

/**
 * What tovrun sets over .env and the environment for the instance: each value naming a moved port shifted
 * (BACKEND_PORT=5011, DATABASE_URL=…@localhost:5442/…), then the compose port variables (POSTGRES_PORT=5442) and, with
 * compose, COMPOSE_PROJECT_NAME as the instance's project (so `docker compose` run by a service finds its containers).
 * Empty for instance 0.
 */
export function instanceValues(
  workspace: Pick<Workspace, 'services' | 'instance'>,
  compose: Pick<ComposePlan, 'publishedPorts' | 'portVariables' | 'project'> | null,
  values: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const instance = workspace.instance.number;
  if (instance === 0) return {};
  const project: Record<string, string> = compose ? { COMPOSE_PROJECT_NAME: compose.project.name } : {};
  return { ...shiftedValues(values, movedPorts(workspace, compose), instance), ...(compose?.portVariables ?? {}), ...project };
}
