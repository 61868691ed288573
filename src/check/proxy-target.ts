/**
 * Frontends whose dev-server proxy sends requests to another service's port written out in vite.config.*: under
 * `tovrun --instance n` that service listens on its port + n × 10, and such a frontend would reach instance 0's copy.
 */
import path from 'node:path';
import { lineAt } from '../files/read-only-files.js';
import { type Finding, finding } from '../report/findings.js';
import { instancePort, instancePortStep } from '../workspace/instance.js';
import { isPortKey, loopbackHostPorts } from '../workspace/instance-ports.js';
import type { ServiceSpec } from '../workspace/types.js';
import { type CheckInput, workspacePath } from './input.js';

/** The names Vite reads its configuration from. */
const viteConfigNames = ['vite.config.js', 'vite.config.mjs', 'vite.config.cjs', 'vite.config.ts', 'vite.config.mts', 'vite.config.cts'];

/** The .env key holding the port (BACKEND_PORT=5001), or a name to add for it. */
function portKey(values: Readonly<Record<string, string>>, port: number, owner: string): { key: string; present: boolean } {
  const key = Object.keys(values).find((name) => isPortKey(name) && values[name]?.trim() === String(port));
  return key === undefined ? { key: `${owner.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_PORT`, present: false } : { key, present: true };
}

function serviceFindings(input: CheckInput, service: ServiceSpec, owners: ReadonlyMap<number, string>): Finding[] {
  for (const name of viteConfigNames) {
    const file = path.join(service.dir, name);
    const text = input.effects.files.readText(file);
    if (text === undefined) continue;
    return loopbackHostPorts(text).flatMap((found) => {
      const owner = owners.get(found.port);
      if (owner === undefined || owner === service.name) return [];
      const { key, present } = portKey(input.facts.envValues().values, found.port, owner);
      const read = `\`http://127.0.0.1:\${process.env.${key} ?? '${found.port}'}\``;
      return [
        finding(
          'ports/proxy-target',
          'warn',
          `${service.name} sends requests to ${found.text} (${owner}'s port) written out: under \`tovrun --instance 1\` ${owner} listens on ${instancePort(found.port, 1)}, and ${service.name} would reach instance 0's ${owner}.`,
          {
            file: workspacePath(input, file),
            line: lineAt(text, found.index),
            hint: `Read the port from the environment, e.g. ${read}${present ? '' : ` with ${key}=${found.port} in .env`}: tovrun moves ${key} by ${instancePortStep} per instance.`,
          },
        ),
      ];
    });
  }
  return [];
}

/** One warning per port of another service a node service's vite.config.* writes out (loopback host:port). */
export function proxyTargetFindings(input: CheckInput): Finding[] {
  const owners = new Map(input.workspace.services.flatMap((service) => (service.basePort === null ? [] : [[service.basePort, service.name] as const])));
  return input.workspace.services.filter((service) => service.type === 'node').flatMap((service) => serviceFindings(input, service, owners));
}
