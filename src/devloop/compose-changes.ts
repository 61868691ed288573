/** The compose services a .env edit touches: those whose interpolated definition changed, or that read the .env with env_file. */
import path from 'node:path';
import { interpolateDocument, parseComposeText } from '../compose/compose-document.js';
import { asRecord } from '../files/json-state.js';

/** What comparing compose needs: the file's text and place, the run's compose services, and the .env's path. */
export interface ComposeCompare {
  text: string;
  file: string;
  services: readonly string[];
  envFile: string;
}

/** Whether a service's env_file entries (a string, a list of strings or of { path }) name the workspace's .env. */
function readsEnvFile(service: Record<string, unknown>, composeFile: string, envFile: string): boolean {
  const entries = Array.isArray(service.env_file) ? service.env_file : service.env_file === undefined ? [] : [service.env_file];
  return entries.some((entry) => {
    const file = typeof entry === 'string' ? entry : asRecord(entry)?.path;
    return typeof file === 'string' && path.resolve(path.dirname(composeFile), file) === path.resolve(envFile);
  });
}

/**
 * The run's compose services whose definition interpolates to something else with after's variables than with
 * before's, or that read the .env through env_file while its values (dotEnvChanged) changed; in the run's order.
 */
export function composeServicesTouched(
  compose: ComposeCompare,
  before: Readonly<Record<string, string | undefined>>,
  after: Readonly<Record<string, string | undefined>>,
  dotEnvChanged: boolean,
): string[] {
  const parsed = parseComposeText(compose.text, compose.file);
  if (parsed.syntaxError) return [];
  const servicesOf = (values: Readonly<Record<string, string | undefined>>) =>
    asRecord(asRecord(interpolateDocument(parsed, (name) => values[name]).value)?.services) ?? {};
  const [old, next] = [servicesOf(before), servicesOf(after)];
  return compose.services.filter((name) => {
    const service = asRecord(next[name]) ?? {};
    if (dotEnvChanged && readsEnvFile(service, compose.file, compose.envFile)) return true;
    return JSON.stringify(old[name]) !== JSON.stringify(next[name]);
  });
}

/** A command line to show: arguments holding spaces or quotes are quoted. */
export function shownCommand(command: string, args: readonly string[]): string {
  return [command, ...args].map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `"${arg.replaceAll('"', '\\"')}"`)).join(' ');
}
