/** The compose check's rule for a remote engine: what tovrun delivers to it, and what cannot work from there. */
import { composeVariables, loadComposeModel, localMountSources, planRemoteMounts, resolveEngineEndpoint } from '../compose/index.js';
import { planCompose } from '../plan/compose.js';
import { type Finding, finding } from '../report/findings.js';
import type { CheckInput } from './input.js';
import { profilesToCheck } from './toolchains/compose-provider.js';

/**
 * With a remote engine (DOCKER_HOST, a docker context): the workspace folders delivered as volumes, a warning for each
 * other bind mount (it resolves on the engine's host, or not at all), and for services that reach this machine as
 * host.docker.internal (there it is the engine's host). Nothing for a local engine or without profiles.
 */
export function remoteEngineFindings(composeFile: string, input: CheckInput): Finding[] {
  const profiles = profilesToCheck(input);
  if (profiles.length === 0) return [];
  let plan: ReturnType<typeof planCompose>;
  let endpoint: ReturnType<typeof resolveEngineEndpoint>;
  try {
    endpoint = resolveEngineEndpoint(input.env, input.platform.os);
    if (!endpoint.remote) return [];
    const { values } = composeVariables(input.workspace, input.env);
    plan = planCompose({ profiles, model: loadComposeModel(input.workspace, values, profiles), envFile: null, values, engineAddress: endpoint.address });
  } catch {
    // A broken compose file, an unknown profile or an engine address docker refuses: other rules report each.
    return [];
  }
  const { deliveries, undeliverable } = planRemoteMounts(plan.services, input.workspace.root, plan.project.name, localMountSources);
  const where = `the remote engine at ${endpoint.url}`;
  const findings = undeliverable.map((mount) =>
    finding('compose/remote-mount', 'warn', `${mount.service}: the bind mount ${mount.source} -> ${mount.target} ${mount.why} (${where}).`, {
      file: composeFile,
      hint: 'Keep the files the service needs in a workspace folder and mount that folder, or run this profile on the local engine (unset DOCKER_HOST).',
    }),
  );
  if (deliveries.length > 0)
    findings.push(
      finding(
        'compose/remote-mount',
        'ok',
        `${deliveries.length} workspace folder${deliveries.length === 1 ? '' : 's'} (${deliveries.map((delivery) => delivery.source).join(', ')}) will be delivered to ${where} as volumes.`,
      ),
    );
  for (const service of plan.services.filter((candidate) => candidate.hostGateway))
    findings.push(
      finding(
        'compose/remote-host',
        'warn',
        `${service.name} reaches host.docker.internal, which on ${where} is that host, not this machine: it cannot reach the services tovrun runs here (e.g. Prometheus scraping the native backend).`,
        { file: composeFile, hint: 'Run that profile on the local engine, or run the native service on the engine host too.' },
      ),
    );
  if (plan.variables.PGBOUNCER_DB_HOST === 'host.docker.internal')
    findings.push(
      finding(
        'compose/remote-host',
        'warn',
        `PgBouncer's upstream is host.docker.internal, which on ${where} is that host: a PostgreSQL on this machine is out of its reach.`,
        {
          hint: 'Add the local-db profile (a database beside PgBouncer on the engine), or set POSTGRES_HOST to an address the engine host reaches.',
        },
      ),
    );
  return findings;
}
