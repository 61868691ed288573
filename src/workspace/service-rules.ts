/** Rules on tovrun.yaml's services that its JSON Schema cannot say: names, depends_on names, watch globs, log probe patterns; errors with file, line and key. */
import { ConfigError } from '../errors.js';
import { type ConfigKey, findConfigKey } from './config-line.js';
import type { RawConfig, RawService } from './raw-config.js';
import { caseCollision, keyPathText, quoteText, serviceNameProblem } from './service-name.js';
import { watchProblem } from './watch-rules.js';

/** Where a ConfigError about tovrun.yaml points: the key path, the path shown before the message (the key path by default), the key's line. */
export interface ConfigErrorPlace {
  shown?: (string | number)[];
  found?: ConfigKey;
}

/** A ConfigError at a key of tovrun.yaml: "services.api.command: <message>", with the key's line when the file has it. */
export function serviceConfigError(configFile: string, keyPath: (string | number)[], message: string, hint: string, place: ConfigErrorPlace = {}): ConfigError {
  const { line } = place.found ?? findConfigKey(configFile, keyPath);
  return new ConfigError(`${keyPathText(place.shown ?? keyPath)}: ${message}`, {
    file: configFile,
    ...(line === undefined ? {} : { line }),
    key: keyPath.join('.'),
    hint,
  });
}

/** Compose service names (what depends_on may name besides tovrun services), as the Compose specification allows them. */
const composeNamePattern = /^[A-Za-z0-9._-]{1,255}$/;

/** The reason of a RegExp syntax error without the pattern V8 repeats in it ("Unterminated group"). */
function regexReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = message.lastIndexOf(': ');
  return at < 0 ? message : message.slice(at + 2);
}

function checkName(name: string, configFile: string): void {
  const problem = serviceNameProblem(name);
  if (problem === null) return;
  const hint =
    'Rename the service: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 63 characters (it labels every output line and names its log file).';
  throw serviceConfigError(configFile, ['services', name], `the service name ${quoteText(name)} ${problem}.`, hint, { shown: ['services'] });
}

function checkService(name: string, service: RawService, configFile: string): void {
  for (const dependency of Object.keys(service.depends_on ?? {})) {
    if (composeNamePattern.test(dependency)) continue;
    const message = `${quoteText(dependency)} cannot name a service: names hold only letters, digits, ".", "_" and "-".`;
    throw serviceConfigError(configFile, ['services', name, 'depends_on', dependency], message, 'Name a tovrun service of this file or a compose service.', {
      shown: ['services', name, 'depends_on'],
    });
  }
  const watch = watchProblem(service);
  if (watch) throw serviceConfigError(configFile, ['services', name, 'watch', ...(watch.index === null ? [] : [watch.index])], watch.message, watch.hint);
  const pattern = service.probe?.log;
  if (pattern === undefined) return;
  try {
    new RegExp(pattern);
  } catch (error) {
    throw serviceConfigError(
      configFile,
      ['services', name, 'probe', 'log'],
      `${quoteText(pattern)} is not a valid regular expression: ${regexReason(error)}.`,
      'Write a JavaScript regular expression matched against each output line, e.g. log: "listening on port \\\\d+" (escape a literal "(" as "\\\\(").',
    );
  }
}

/** Throws a ConfigError for the first service that breaks a rule: its name, two names equal but for case, a depends_on name, a log probe pattern. */
export function checkServiceRules(raw: RawConfig, configFile: string): void {
  const services = Object.entries(raw.services ?? {});
  for (const [name] of services) checkName(name, configFile);
  const collision = caseCollision(services.map(([name]) => name));
  if (collision) {
    const [first, second] = collision;
    throw serviceConfigError(
      configFile,
      ['services', second],
      `the services ${quoteText(first)} and ${quoteText(second)} differ only in letter case; their log files would be one file on macOS and Windows.`,
      'Rename one of them.',
      { shown: ['services'] },
    );
  }
  for (const [name, service] of services) checkService(name, service, configFile);
}
