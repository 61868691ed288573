/** The ports check: every configured port free, or held by this workspace's own running tovrun; otherwise its holder, or why it is reserved. */

import { type Finding, finding } from '../report/findings.js';
import { describeHolder, reservedPortHint, reservedPortProblem } from '../supervisor/preflight.js';
import type { RunState } from '../supervisor/state-file.js';
import { type CheckInput, type CheckResult, findingsOnly, workspacePath } from './input.js';
import { proxyTargetFindings } from './proxy-target.js';
import { stopProcessCommand } from './shell-hints.js';

interface Claim {
  service: string;
  port: number;
}

function duplicates(input: CheckInput, claims: readonly Claim[]): Finding[] {
  const config = input.workspace.configFile;
  const byPort = new Map<number, string[]>();
  for (const claim of claims) byPort.set(claim.port, [...(byPort.get(claim.port) ?? []), claim.service]);
  return [...byPort]
    .filter(([, services]) => services.length > 1)
    .map(([port, services]) =>
      finding('ports/duplicate', 'error', `services ${services.join(' and ')} are ${services.length === 2 ? 'both' : 'all'} configured for port ${port}.`, {
        ...(config === null ? {} : { file: workspacePath(input, config) }),
        hint: `Give each service its own port in tovrun.yaml (services.${services[1]}.port).`,
      }),
    );
}

async function busyFinding(input: CheckInput, claim: Claim, run: RunState | null): Promise<Finding> {
  const label = `port ${claim.port} (${claim.service})`;
  if (run?.services.some((service) => service.port === claim.port)) {
    return finding('ports/own-run', 'ok', `${label} is in use by this workspace's running tovrun (pid ${run.owner.pid}).`);
  }
  const holder = await input.effects.ports.holder(claim.port);
  const stop = holder ? `Stop it (\`${stopProcessCommand(holder.pid, input.platform)}\`)` : 'Stop the program using it';
  return finding('ports/in-use', 'error', `${label} is already in use by ${describeHolder(holder)} — ${claim.service} cannot start.`, {
    hint: `${stop}, run \`tovrun down\` if an earlier tovrun left it running, or choose another port (services.${claim.service}.port in tovrun.yaml).`,
  });
}

function reservedFinding(input: CheckInput, claim: Claim): Finding {
  return finding(
    'ports/reserved',
    'error',
    `port ${claim.port} (${claim.service}) is ${reservedPortProblem(claim.port, input.platform.os)} — ${claim.service} cannot start.`,
    {
      hint: reservedPortHint([claim.service], input.platform.os),
    },
  );
}

/** One error per port in use but not by this workspace's tovrun, one per reserved port, and one ok line for the free ones. */
export async function checkPorts(input: CheckInput): Promise<CheckResult> {
  const claims = input.workspace.services.flatMap((service) => (service.port === null ? [] : [{ service: service.name, port: service.port }]));
  if (claims.length === 0) return findingsOnly([finding('ports/free', 'ok', 'no service has a port configured.')]);
  const proxies = proxyTargetFindings(input);
  const availability = await Promise.all(claims.map((claim) => input.effects.ports.availability(claim.port)));
  const taken = claims.filter((_, index) => availability[index] === 'in-use');
  const reserved = claims.filter((_, index) => availability[index] === 'reserved');
  const free = claims.filter((_, index) => availability[index] === 'free');
  const run = taken.length > 0 ? await input.effects.liveRun(input.workspace.stateDir) : null;
  const findings = [...(await Promise.all(taken.map((claim) => busyFinding(input, claim, run)))), ...reserved.map((claim) => reservedFinding(input, claim))];
  const freeLine =
    free.length === 0
      ? []
      : [
          finding(
            'ports/free',
            'ok',
            `${free.length === 1 ? 'port' : 'ports'} ${free.map((claim) => `${claim.port} (${claim.service})`).join(', ')} ${free.length === 1 ? 'is' : 'are'} free.`,
          ),
        ];
  return findingsOnly([...duplicates(input, claims), ...findings, ...proxies, ...freeLine]);
}
