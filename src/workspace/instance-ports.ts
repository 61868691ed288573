/**
 * How an instance moves the ports written in values: a port variable (BACKEND_PORT=5001) and a URL or host:port on
 * this machine (DATABASE_URL=postgresql://…@localhost:5432/…) follow the offset when their port is one tovrun moves
 * (a service's port, a compose service's published port). Other values, and hosts elsewhere, stay as they are.
 */
import { instancePort } from './instance.js';

/** A key that holds a port by its name: PORT, BACKEND_PORT, POSTGRES_PORT (any case). */
export function isPortKey(key: string): boolean {
  return /(^|_)PORT$/i.test(key);
}

/** host:port on this machine, not inside a longer host name; the port is group 2. */
const loopbackHostPort = /(?<![\w.-])(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]):(\d{1,5})(?!\d)/gi;

/** Every loopback host:port in text ("localhost:5001", "127.0.0.1:5432"), with where it starts. */
export function loopbackHostPorts(text: string): { text: string; port: number; index: number }[] {
  return [...text.matchAll(loopbackHostPort)].map((match) => ({ text: match[0], port: Number(match[2]), index: match.index }));
}

/** The value with every loopback host:port whose port is moved shifted to the instance's port. */
export function shiftHostPorts(value: string, moved: ReadonlySet<number>, instance: number): string {
  if (instance === 0) return value;
  return value.replace(loopbackHostPort, (whole, host: string, port: string) =>
    moved.has(Number(port)) ? `${host}:${instancePort(Number(port), instance)}` : whole,
  );
}

/** One value as the instance has it: a port key's moved port shifted, and loopback host:ports shifted. */
export function shiftValue(key: string, value: string, moved: ReadonlySet<number>, instance: number): string {
  if (instance === 0) return value;
  const trimmed = value.trim();
  if (isPortKey(key) && /^\d{1,5}$/.test(trimmed) && moved.has(Number(trimmed))) return String(instancePort(Number(trimmed), instance));
  return shiftHostPorts(value, moved, instance);
}

/** The values the instance changes, each shifted (only those: empty for instance 0 or when nothing refers to a moved port). */
export function shiftedValues(values: Readonly<Record<string, string | undefined>>, moved: ReadonlySet<number>, instance: number): Record<string, string> {
  const changed: Record<string, string> = {};
  if (instance === 0) return changed;
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const shifted = shiftValue(key, value, moved, instance);
    if (shifted !== value) changed[key] = shifted;
  }
  return changed;
}
