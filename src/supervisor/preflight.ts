/** Port preflight: every configured port checked before anything starts; a busy one named with its holder and a fix. */
import { FailedError } from '../errors.js';
import type { Host } from '../os/host.js';
import { type PortAvailability, portAvailability } from '../os/port-check.js';
import { findPortHolder } from '../os/port-holder.js';
import type { PortHolder } from '../os/port-holder-parse.js';

/** A service and the port it will listen on. */
export interface PortClaim {
  name: string;
  port: number | null;
}

/** A port found in use (with its holder when the OS could tell) or reserved (holder null: nothing listens there). */
export interface BusyPort {
  service: string;
  port: number;
  availability: Exclude<PortAvailability, 'free'>;
  holder: PortHolder | null;
}

/** The checks preflight uses, injectable for tests. */
export interface PortProbe {
  availability(port: number): Promise<PortAvailability>;
  holder(port: number): Promise<PortHolder | null>;
}

/** The real port checks on host. */
export function systemPortProbe(host: Host): PortProbe {
  return { availability: portAvailability, holder: (port) => findPortHolder(host, port) };
}

/** Why a reserved port (a bind refused with EACCES) cannot be used, after `port N (service) is `. */
export function reservedPortProblem(port: number, platform: NodeJS.Platform): string {
  if (platform === 'win32') {
    return (
      'reserved by Windows: listening on it is refused (EACCES) though no program holds it, as for a port in a range Windows excluded ' +
      'for Hyper-V, WSL or Docker (WinNAT), which netstat does not list'
    );
  }
  if (port < 1024) return 'reserved for root: listening on it is refused to this user (EACCES), as only root may listen on ports below 1024 here';
  return 'refused to this user: listening on it fails with EACCES though no program holds it (a security policy such as SELinux forbids it)';
}

/** What to do about reserved ports: see Windows' excluded ranges, or choose a port this user may listen on. */
export function reservedPortHint(services: readonly string[], platform: NodeJS.Platform): string {
  const keys = services.map((service) => `services.${service}.port`).join(', ');
  if (platform === 'win32') {
    return (
      `Choose a port outside the ranges \`netsh int ipv4 show excludedportrange protocol=tcp\` lists (${keys} in tovrun.yaml); restarting ` +
      `WinNAT as administrator (\`net stop winnat\`, then \`net start winnat\`) often frees ranges taken at boot.`
    );
  }
  return `Choose a port of 1024 or above (${keys} in tovrun.yaml)${platform === 'linux' ? ', or let users listen lower: `sudo sysctl net.ipv4.ip_unprivileged_port_start=<port>`' : ''}.`;
}

/** "pid 1234 (python3)", or "another process" when unknown. */
export function describeHolder(holder: PortHolder | null): string {
  if (!holder) return 'another process';
  return `pid ${holder.pid}${holder.name ? ` (${holder.name})` : ''}`;
}

function inUseHint(busy: BusyPort[], platform: NodeJS.Platform): string {
  const pids = [...new Set(busy.flatMap((item) => (item.holder ? [item.holder.pid] : [])))];
  const kill =
    pids.length === 0
      ? 'Stop the program using it'
      : platform === 'win32'
        ? `Stop it (taskkill /PID ${pids.join(' /PID ')} /T /F)`
        : `Stop it (kill ${pids.join(' ')})`;
  const keys = busy.map((item) => `services.${item.service}.port`).join(', ');
  return `${kill}, run \`tovrun down\` if an earlier tovrun left it running, or choose another port (${keys} in tovrun.yaml); when another copy of this stack holds it, run this one beside it with --instance 1 (every port + 10).`;
}

/** The ports among the claims that are in use or reserved (duplicated ports within the claims count as a configuration mistake). */
export async function findBusyPorts(claims: readonly PortClaim[], probe: PortProbe): Promise<BusyPort[]> {
  const withPorts = claims.filter((claim): claim is PortClaim & { port: number } => claim.port !== null);
  const found = await Promise.all(
    withPorts.map(async (claim): Promise<BusyPort | null> => {
      const availability = await probe.availability(claim.port);
      if (availability === 'free') return null;
      return { service: claim.name, port: claim.port, availability, holder: availability === 'in-use' ? await probe.holder(claim.port) : null };
    }),
  );
  return found.filter((item) => item !== null);
}

function problem(item: BusyPort, platform: NodeJS.Platform): string {
  const label = `port ${item.port} (${item.service}) is`;
  return item.availability === 'reserved'
    ? `${label} ${reservedPortProblem(item.port, platform)}`
    : `${label} already in use by ${describeHolder(item.holder)}`;
}

/** Throws a FailedError naming every busy port, its holder and what to do; resolves when all ports are free. */
export async function preflightPorts(claims: readonly PortClaim[], host: Host, probe: PortProbe = systemPortProbe(host)): Promise<void> {
  const seen = new Map<number, string>();
  for (const claim of claims) {
    if (claim.port === null) continue;
    const other = seen.get(claim.port);
    if (other !== undefined)
      throw new FailedError(
        `services ${other} and ${claim.name} are both configured for port ${claim.port}.`,
        `Give each service its own port in tovrun.yaml (services.${claim.name}.port).`,
      );
    seen.set(claim.port, claim.name);
  }
  const busy = await findBusyPorts(claims, probe);
  if (busy.length === 0) return;
  const inUse = busy.filter((item) => item.availability === 'in-use');
  const reserved = busy.filter((item) => item.availability === 'reserved');
  const hints = [
    ...(inUse.length > 0 ? [inUseHint(inUse, host.platform)] : []),
    ...(reserved.length > 0
      ? [
          reservedPortHint(
            reserved.map((item) => item.service),
            host.platform,
          ),
        ]
      : []),
  ];
  throw new FailedError(`${busy.map((item) => problem(item, host.platform)).join(';\n  ')}.`, hints.join(' '));
}
