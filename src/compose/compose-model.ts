/** Reads the parts of a compose file tovrun plans with (each service's profiles, image and published ports) into a ComposeModel. */
import { homedir } from 'node:os';
import path from 'node:path';
import { interpolateCompose } from '../env/readers/compose-interpolation.js';
import { ConfigError } from '../errors.js';
import { asRecord } from '../files/json-state.js';
import type { BindMount, ComposeModel, ComposeServiceInfo, PublishedPort } from '../workspace/compose-file.js';
import { quoteText } from '../workspace/service-name.js';
import { interpolateDocument, lineAt, parseComposeText, type VariableLookup } from './compose-document.js';

/** What the Compose specification allows as a service name: letters, digits, '.', '_' and '-' (never an escape sequence). */
export const composeServiceNamePattern = /^[A-Za-z0-9._-]+$/;

const asNumber = (value: unknown): number | null => {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) ? number : null;
};

/** One entry of `ports:` in short ("8080:80", "127.0.0.1:8080:80/tcp", "80") or long ({ published, target }) syntax. */
export function parsePort(entry: unknown): PublishedPort | null {
  if (typeof entry === 'number') return { published: null, target: entry };
  if (typeof entry === 'string') {
    const parts = entry.replace(/\/(tcp|udp|sctp)$/, '').split(':');
    const target = asNumber(parts[parts.length - 1]?.split('-')[0]);
    if (target === null) return null;
    const published = parts.length >= 2 ? asNumber(parts[parts.length - 2]?.split('-')[0]) : null;
    return { published, target };
  }
  const record = asRecord(entry) ?? {};
  const target = asNumber(record.target);
  return target === null ? null : { published: asNumber(record.published), target };
}

/**
 * The variable that alone sets a ports entry's published port, as written before interpolation ("${POSTGRES_PORT:-5432}:5432",
 * or a long entry's `published: ${WEB_PORT}`): the one whose value becomes the published port. null for a literal port.
 */
export function publishedVariable(written: unknown, lookup: VariableLookup): string | null {
  const record = asRecord(written);
  const text = typeof written === 'string' ? written : typeof record?.published === 'string' ? record.published : null;
  if (text === null) return null;
  const published = (name: string, value: string): number | null => {
    const result = interpolateCompose(text, (variable) => (variable === name ? value : lookup(variable)));
    if (!result.ok) return null;
    return parsePort(typeof written === 'string' ? result.value : { ...record, published: result.value })?.published ?? null;
  };
  const names = new Set([...text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] as string));
  return [...names].find((name) => published(name, '1') === 1 && published(name, '2') === 2) ?? null;
}

/** Whether a short-syntax volume source is a host path (., /, ~ or a Windows drive) rather than a named volume. */
const isHostPath = (source: string) => /^([./~]|[A-Za-z]:[\\/])/.test(source);

/** One entry of `volumes:` as a bind mount (short "SRC:DST[:ro]" or long { type: bind } syntax), or null for anything else. */
export function parseBind(entry: unknown, composeDir: string): BindMount | null {
  const resolve = (source: string) => path.resolve(composeDir, source.startsWith('~') ? path.join(homedir(), source.slice(1)) : source);
  if (typeof entry === 'string') {
    // A Windows drive letter ("C:\\x:/y") has a colon of its own: split after it.
    const drive = /^[A-Za-z]:[\\/]/.test(entry) ? entry.slice(0, 2) : '';
    const [source, target, mode] = entry.slice(drive.length).split(':');
    if (source === undefined || target === undefined || !isHostPath(drive + source)) return null;
    return { source: resolve(drive + source), target, readOnly: (mode ?? '').split(',').includes('ro') };
  }
  const record = asRecord(entry) ?? {};
  if (record.type !== 'bind' || typeof record.source !== 'string' || typeof record.target !== 'string') return null;
  return { source: resolve(record.source), target: record.target, readOnly: record.read_only === true };
}

function serviceInfo(name: string, raw: unknown, written: unknown, lookup: VariableLookup, composeDir: string): ComposeServiceInfo {
  const service = asRecord(raw) ?? {};
  const writtenPorts = asRecord(written)?.ports;
  const profiles = Array.isArray(service.profiles) ? service.profiles.filter((item): item is string => typeof item === 'string') : [];
  const ports = Array.isArray(service.ports)
    ? service.ports.flatMap((entry: unknown, index) => {
        const port = parsePort(entry);
        const variable = Array.isArray(writtenPorts) ? publishedVariable(writtenPorts[index], lookup) : null;
        return port === null ? [] : [{ ...port, variable }];
      })
    : [];
  const healthcheck = asRecord(service.healthcheck) ?? {};
  const binds = Array.isArray(service.volumes) ? service.volumes.map((entry) => parseBind(entry, composeDir)).filter((bind) => bind !== null) : [];
  const extraHosts = Array.isArray(service.extra_hosts) ? service.extra_hosts : Object.values(asRecord(service.extra_hosts) ?? {});
  return {
    name,
    profiles,
    image: typeof service.image === 'string' ? service.image : null,
    ports,
    binds,
    hostGateway: extraHosts.some((entry) => typeof entry === 'string' && entry.includes('host-gateway')),
    hasHealthcheck: Object.keys(healthcheck).length > 0 && healthcheck.disable !== true,
  };
}

/** Reads compose text into a ComposeModel (values interpolated with lookup); a ConfigError with the line when it is broken. */
export function readComposeModel(text: string, file: string, lookup: VariableLookup): ComposeModel {
  const parsed = parseComposeText(text, file);
  if (parsed.syntaxError) {
    throw new ConfigError(`the compose file is not valid YAML: ${parsed.syntaxError.message}`, {
      file,
      line: parsed.syntaxError.line,
      hint: 'Fix the YAML syntax at that line; `tovrun check` lists every problem of the compose file.',
    });
  }
  const { value, failures } = interpolateDocument(parsed, lookup);
  const failure = failures[0];
  if (failure) {
    throw new ConfigError(`compose cannot interpolate ${failure.path.join('.')}: ${failure.message}.`, {
      file,
      ...(failure.line === null ? {} : { line: failure.line }),
      hint: 'Set the variable in .env (see .env.template), or fix the ${...} expression.',
    });
  }
  const entries = Object.entries(asRecord(asRecord(value)?.services) ?? {});
  // Names label tovrun's output and name log files: only what the Compose specification allows, never an escape sequence.
  const badName = entries.find(([name]) => !composeServiceNamePattern.test(name))?.[0];
  if (badName !== undefined) {
    throw new ConfigError(`the compose service name ${quoteText(badName)} is not allowed: compose names hold only letters, digits, ".", "_" and "-".`, {
      file,
      line: lineAt(parsed, ['services', badName], true) ?? 1,
      key: 'services',
      hint: 'Rename the service in the compose file.',
    });
  }
  const written = asRecord(asRecord(parsed.value)?.services) ?? {};
  const composeDir = path.dirname(path.resolve(file));
  const services = entries.map(([name, raw]) => serviceInfo(name, raw, written[name], lookup, composeDir));
  return { file, services, profiles: [...new Set(services.flatMap((service) => service.profiles))].sort() };
}
