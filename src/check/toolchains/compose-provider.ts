/** toolchains/compose-provider: the compose provider (docker compose, podman compose) and its engine, when profiles are configured or requested. */
import { checkComposeProvider, describeEngine } from '../../compose/index.js';
import { UsageError } from '../../errors.js';
import { requestedProfiles } from '../../plan/profiles.js';
import { type Finding, finding } from '../../report/findings.js';
import type { CheckInput } from '../input.js';

/** The profiles the run would start: -p, TOVRUN_PROFILES and tovrun.yaml's compose.profiles. */
export function profilesToCheck(input: CheckInput): string[] {
  return requestedProfiles(input.profiles, input.env, input.workspace.composeProfiles);
}

/** Findings about the compose provider and its engine; none when no profile is configured or requested. */
export async function composeProviderFindings(input: CheckInput): Promise<Finding[]> {
  const profiles = profilesToCheck(input);
  if (profiles.length === 0) return [];
  let check: Awaited<ReturnType<typeof checkComposeProvider>>;
  try {
    check = await checkComposeProvider(input.effects.runner, input.platform.os, input.env);
  } catch (error) {
    // An engine address docker would refuse (DOCKER_HOST, a context without an endpoint): the error names it and the fix.
    if (!(error instanceof UsageError)) throw error;
    return [
      finding('toolchains/compose-provider', 'error', `compose profiles ${profiles.join(', ')} are requested, but ${error.message}`, { hint: error.hint }),
    ];
  }
  if (!check.ok) {
    return [
      finding('toolchains/compose-provider', 'error', `compose profiles ${profiles.join(', ')} are requested, but ${check.message}`, { hint: check.hint }),
    ];
  }
  const version = check.provider.version === '' ? '' : ` ${check.provider.version}`;
  return [
    finding(
      'toolchains/compose-provider',
      'ok',
      `${check.provider.name}${version} with the engine at ${describeEngine(check.engine)}, for the profiles ${profiles.join(', ')}.`,
    ),
  ];
}
