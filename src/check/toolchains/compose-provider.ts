/**
 * toolchains/compose-provider: the compose provider (docker compose, podman compose) and its engine, checked when compose
 * profiles are configured or requested. THE COMPOSE ENGINEER FILLS THIS IN (src/compose/ owns provider detection);
 * until then it only says which profiles would need one.
 */
import type { CheckInput } from '../input.js';
import { finding, type Finding } from '../report.js';

/** The profiles the run would start: tovrun.yaml's compose.profiles plus -p. */
export function requestedProfiles(input: CheckInput): string[] {
  return [...new Set([...input.workspace.composeProfiles, ...input.profiles])];
}

/** Findings about the compose provider; none when no profile is configured or requested. */
export async function composeProviderFindings(input: CheckInput): Promise<Finding[]> {
  const profiles = requestedProfiles(input);
  if (profiles.length === 0) return [];
  return [finding('toolchains/compose-provider', 'ok', `compose profiles ${profiles.join(', ')} requested; the compose provider is not checked by this version of tovrun.`)];
}
