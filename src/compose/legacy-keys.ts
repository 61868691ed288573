/** Keys the Compose specification allows but the legacy docker-compose v1 (1.29) rejects or ignores. */
import { asRecord } from '../files/json-state.js';
import { type ComposeDocument, lineAt } from './compose-document.js';
import { type ComposeProblem, composeProblem, pathText } from './problems.js';

/** Top-level keys docker-compose v1 does not know. */
const topLevel = ['name', 'include', 'models'];
/** Service keys docker-compose v1 does not know. */
const serviceLevel = ['develop', 'models', 'provider', 'gpus', 'post_start', 'pre_stop'];

function serviceKeyPaths(name: string, service: Record<string, unknown>): (string | number)[][] {
  const paths = serviceLevel.filter((key) => key in service).map((key) => ['services', name, key]);
  if ('start_interval' in (asRecord(service.healthcheck) ?? {})) paths.push(['services', name, 'healthcheck', 'start_interval']);
  for (const [dependency, condition] of Object.entries(asRecord(service.depends_on) ?? {})) {
    for (const key of ['required', 'restart']) if (key in (asRecord(condition) ?? {})) paths.push(['services', name, 'depends_on', dependency, key]);
  }
  return paths;
}

/** A warning for each key that only Compose v2 understands (the file must also work with docker-compose 1.29). */
export function legacyComposeProblems(parsed: ComposeDocument, value: unknown, file: string): ComposeProblem[] {
  const root = asRecord(value) ?? {};
  const paths = topLevel.filter((key) => key in root).map((key) => [key] as (string | number)[]);
  for (const [name, service] of Object.entries(asRecord(root.services) ?? {})) paths.push(...serviceKeyPaths(name, asRecord(service) ?? {}));
  return paths.map((path) =>
    composeProblem(
      'compose/v2-only-key',
      'warn',
      `${pathText(path)} is understood by Compose v2 only; docker-compose 1.29 rejects it.`,
      { file, line: lineAt(parsed, path, true) },
      'Remove it so the file works with both (tovrun waits for health itself).',
    ),
  );
}
