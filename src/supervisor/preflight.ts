/** Port preflight: every configured port checked before anything starts; a busy one named with its holder and a fix. */
import { FailedError } from '../errors.js';
import type { Host } from '../os/host.js';
import { isPortBusy } from '../os/port-check.js';
import { findPortHolder } from '../os/port-holder.js';
import type { PortHolder } from '../os/port-holder-parse.js';

/** A service and the port it will listen on. */
export interface PortClaim {
  name: string;
  port: number | null;
}

/** A port found busy, with its holder when the OS could tell. */
export interface BusyPort {
  service: string;
  port: number;
  holder: PortHolder | null;
}

/** The checks preflight uses, injectable for tests. */
export interface PortProbe {
  isBusy(port: number): Promise<boolean>;
  holder(port: number): Promise<PortHolder | null>;
}

/** The real port checks on host. */
export function systemPortProbe(host: Host): PortProbe {
  return { isBusy: isPortBusy, holder: (port) => findPortHolder(host, port) };
}

/** "pid 1234 (python3)", or "another process" when unknown. */
export function describeHolder(holder: PortHolder | null): string {
  if (!holder) return 'another process';
  return `pid ${holder.pid}${holder.name ? ` (${holder.name})` : ''}`;
}

function fixHint(busy: BusyPort[], platform: NodeJS.Platform): string {
  const pids = [...new Set(busy.flatMap((item) => (item.holder ? [item.holder.pid] : [])))];
  const kill = pids.length === 0 ? 'Stop the program using it' : platform === 'win32' ? `Stop it (taskkill /PID ${pids.join(' /PID ')} /T /F)` : `Stop it (kill ${pids.join(' ')})`;
  const keys = busy.map((item) => `services.${item.service}.port`).join(', ');
  return `${kill}, run \`tovrun down\` if an earlier tovrun left it running, or choose another port (${keys} in tovrun.yaml).`;
}

/** The busy ports among the claims (duplicated ports within the claims count as a configuration mistake). */
export async function findBusyPorts(claims: readonly PortClaim[], probe: PortProbe): Promise<BusyPort[]> {
  const withPorts = claims.filter((claim): claim is PortClaim & { port: number } => claim.port !== null);
  const checks = await Promise.all(withPorts.map(async (claim) => ((await probe.isBusy(claim.port)) ? claim : null)));
  return Promise.all(checks.filter((claim) => claim !== null).map(async (claim) => ({ service: claim.name, port: claim.port, holder: await probe.holder(claim.port) })));
}

/** Throws a FailedError naming every busy port, its holder and what to do; resolves when all ports are free. */
export async function preflightPorts(claims: readonly PortClaim[], host: Host, probe: PortProbe = systemPortProbe(host)): Promise<void> {
  const seen = new Map<number, string>();
  for (const claim of claims) {
    if (claim.port === null) continue;
    const other = seen.get(claim.port);
    if (other !== undefined) throw new FailedError(`services ${other} and ${claim.name} are both configured for port ${claim.port}.`, `Give each service its own port in tovrun.yaml (services.${claim.name}.port).`);
    seen.set(claim.port, claim.name);
  }
  const busy = await findBusyPorts(claims, probe);
  if (busy.length === 0) return;
  const lines = busy.map((item) => `port ${item.port} (${item.service}) is already in use by ${describeHolder(item.holder)}`);
  throw new FailedError(`${lines.join(';\n  ')}.`, fixHint(busy, host.platform));
}
